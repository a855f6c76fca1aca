import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planFacts } from "#domain/console/row-as-of.ts";
import { planDiff } from "#domain/console/what-if-diff.ts";
import { laterDelayedStartNotices } from "#domain/planner/start-delayed-risk.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A matched applicant whose start is delayed is written to each week until 1 September, then once
 * more (start-delayed-risk.ts). A plan lists only the current week's notice: the next is laid by the
 * re-plan at its week's start. The console's row must still name the next email once this week's is
 * sent, and the what-if must count every notice still to come, not "0 still to send; next none
 * scheduled" while a notice goes out each week (the Karachi applicant, 2 Jul 2027).
 */
const DIR = fileURLToPath(new URL("../../fixtures/advisor-review-2027/", import.meta.url));
const planAt = (now: string) =>
  planInOwnMatch(readSnapshot(DIR, "h1b-abroad-karachi-matched-start-delayed.json"), now);
const weekNotice = (plan: ReturnType<typeof planAt>) =>
  plan.reminders.find((reminder) => reminder.risk === "START_DELAYED");

describe("the later weekly delayed-start notices (residency start Thu 1 Jul 2027, 12:00 AM ET)", () => {
  it("each following week's start up to 1 September, then the final notice's", () => {
    const later = laterDelayedStartNotices(
      seasonCalendar(2027),
      "Asia/Karachi",
      Date.parse("2027-07-02T04:00:00Z"),
    ).map((at) => new Date(at).toISOString());
    expect(later).toEqual([
      "2027-07-08T04:00:00.000Z",
      "2027-07-15T04:00:00.000Z",
      "2027-07-22T04:00:00.000Z",
      "2027-07-29T04:00:00.000Z",
      "2027-08-05T04:00:00.000Z",
      "2027-08-12T04:00:00.000Z",
      "2027-08-19T04:00:00.000Z",
      "2027-08-26T04:00:00.000Z",
      "2027-09-01T04:00:00.000Z",
    ]);
  });

  it("west of ET, from the applicant's own midnight: Honolulu's weeks turn at her Thursday, not at 6 PM on Wednesday", () => {
    const later = laterDelayedStartNotices(
      seasonCalendar(2027),
      "Pacific/Honolulu",
      Date.parse("2027-07-02T04:00:00Z"),
    );
    expect(new Date(later[0] ?? 0).toISOString()).toBe("2027-07-08T10:00:00.000Z");
    expect(new Date(later.at(-1) ?? 0).toISOString()).toBe("2027-09-01T04:00:00.000Z");
  });

  it("none before residency start, nor once the final notice is due", () => {
    expect(
      laterDelayedStartNotices(seasonCalendar(2027), "Asia/Karachi", Date.parse("2027-06-30T12:00:00Z")),
    ).toEqual([]);
    expect(
      laterDelayedStartNotices(seasonCalendar(2027), "Asia/Karachi", Date.parse("2027-09-02T12:00:00Z")),
    ).toEqual([]);
  });
});

describe("the cohort row's next email once this week's notice is sent", () => {
  it("is next week's notice, on Thu 8 Jul, not none", () => {
    // The plan made when this week's notice went out (9:00 AM in Karachi), read that afternoon.
    const plan = { ...planAt("2027-07-02T04:00:00Z"), now: "2027-07-02T12:00:00.000Z" };
    const next = planFacts(plan, "Asia/Karachi").nextDeadline;
    expect(next?.kind).toBe("email");
    expect(next?.day).toBe("2027-07-08");
    expect(next?.title).toContain("Your residency start is delayed");
  });
});

describe("the what-if counts the weekly notices still to send", () => {
  it("before and after the same plan: every later week's notice and the final one, next Thu 8 Jul", () => {
    const plan = planAt("2027-07-02T04:00:00Z");
    const sent = new Set([weekNotice(plan)?.id ?? ""]);
    const reminders = planDiff(plan, plan, new Set(), undefined, sent).reminders;
    expect(reminders.before).toBe(9);
    expect(reminders.after).toBe(9);
    expect(reminders.added + reminders.removed).toBe(0);
    expect(reminders.nextBefore).toBe("2027-07-08T04:00:00.000Z");
  });

  it("this week's notice not sent yet counts too, and comes first", () => {
    const plan = planAt("2027-07-02T04:00:00Z");
    const reminders = planDiff(plan, plan).reminders;
    expect(reminders.before).toBe(10);
    expect(reminders.nextBefore).toBe(weekNotice(plan)?.sendAt);
  });

  it("paused reminders count none", () => {
    const plan = planAt("2027-07-02T04:00:00Z");
    expect(planDiff(plan, plan, new Set(), undefined, new Set(), "paused").reminders.before).toBe(0);
  });
});
