import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// The visa's last day for a start on the program's date, told by a critical notice when the verdict
// comes: the J-1 sponsorship file complete by about Mon 3 May 2027, the program's last H-1B filing
// day about Fri 30 Apr 2027. That day's own morning gets a rung, as the last day that keeps the
// Match does: the notice went a day or more before, and in Auckland the day before's email went some
// 40 hours ahead of the day's end, then nothing on the day that decides the start. Never a second
// email on the day the notice itself goes.

const calendar = seasonCalendar(2027);
const contract = milestoneFactory("contract", "done", "2027-03-26");
const planAt = (input: ReturnType<typeof matched2027>, now: string): Plan =>
  plan(input, calendar, new Date(now));

/** J-1, the Statement of Need planned for Wed 28 Apr, the sponsorship under way since 15 Apr. */
const j1 = (zone: string) =>
  matched2027(zone, {
    extra: [
      contract,
      milestoneFactory("j1_statement_of_need", "scheduled", "2027-04-28"),
      milestoneFactory("j1_ecfmg_sponsorship", "in_progress", "2027-04-15"),
    ],
  });
/** H-1B, Step 3 passed, the contract signed, the petition not reported filed. */
const h1b = (zone: string) =>
  matched2027(zone, {
    visa: "H-1B",
    extra: [
      contract,
      milestoneFactory("usmle_step3", "done", "2027-01-10"),
      milestoneFactory("visa_h1b", "not_started"),
    ] as MilestoneEntry[],
  });

const verdictOf = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
/** The plan's visa-verdict emails: the notice and the morning rung, by rung and local send time. */
const verdictEmails = (result: Plan) =>
  result.reminders
    .filter((each) => each.risk === "VISA_NOT_READY_FOR_START" || each.rung === "last-day-today")
    .map((each) => `${each.rung} ${each.sendAtLocal.slice(0, 16)}`);

describe("the visa's last day for the start: a rung on its own morning", () => {
  it.each([
    ["Pacific/Auckland", "2027-04-30T10:00:00+12:00", "2027-05-03T09:00"],
    ["Pacific/Honolulu", "2027-04-30T10:00:00-10:00", "2027-05-03T09:00"],
    ["Africa/Lagos", "2027-04-30T10:00:00+01:00", "2027-05-03T09:00"],
  ])("J-1 in %s: the file's last day, Mon 3 May, at 09:00 that day", (zone, now, morning) => {
    const result = planAt(j1(zone), now);
    expect(verdictOf(result)?.visaVerdict).toBe("j1-last-day");
    const emails = verdictEmails(result);
    expect(emails).toContain(`last-day-today ${morning}`);
    // The notice goes before, on a day of its own.
    const notice = emails.find((each) => each.startsWith("critical-risk"));
    expect(notice).toBeDefined();
    expect(notice?.slice(-16, -6)).not.toBe("2027-05-03");
    const rung = result.reminders.find((each) => each.rung === "last-day-today");
    expect(rung?.milestone).toBe(result.reminders.find((each) => each.rung === "critical-risk")?.milestone);
    expect(rung?.title).toContain("the last day to keep your program's start date");
  });

  it.each([
    ["Pacific/Honolulu", "2027-04-28T10:00:00-10:00", "2027-04-30T09:00"],
    ["Pacific/Auckland", "2027-04-28T10:00:00+12:00", "2027-04-30T09:00"],
  ])("H-1B in %s: the program's last filing day, Fri 30 Apr, at 09:00 that day", (zone, now, morning) => {
    const result = planAt(h1b(zone), now);
    expect(verdictOf(result)?.visaVerdict).toBe("h1b-last-day");
    expect(verdictEmails(result)).toContain(`last-day-today ${morning}`);
    const rung = result.reminders.find((each) => each.rung === "last-day-today");
    expect(rung?.milestone).toBe("visa_h1b");
    expect(rung?.deadlineDetail?.local).toContain("Fri 30 Apr 2027");
  });

  it("found on the last day itself: the notice alone, one email that day", () => {
    const zone = "Pacific/Auckland";
    const result = planAt(j1(zone), "2027-05-03T08:00:00+12:00");
    expect(verdictOf(result)?.visaVerdict).toBe("j1-last-day");
    const emails = verdictEmails(result);
    expect(emails.filter((each) => each.startsWith("critical-risk"))).toHaveLength(1);
    expect(emails.some((each) => each.startsWith("last-day-today"))).toBe(false);
    // One email: every reminder of that day goes at one instant.
    const instants = new Set(
      result.reminders
        .filter((each) => localDate(zone, Date.parse(each.sendAt)) === "2027-05-03")
        .map((each) => each.sendAt),
    );
    expect(instants.size).toBe(1);
  });
});
