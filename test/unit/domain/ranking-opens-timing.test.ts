import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The "ranking opens" email is sent no earlier than ranking opens (12:00 PM ET): an applicant who
 * taps through to R3 must find ranking open. At the applicant's first delivery slot at or after the
 * opening, in that slot's one email: ranking stays open for weeks, and at the opening's own hour it
 * was a second email on a day that had one already.
 */
const base = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      new URL("../../fixtures/ranking-opens-timing/matched-nothing-ranked-accra.json", import.meta.url),
      "utf8",
    ),
  ),
);
const inZone = (timezone: string, reminderTime?: string): ApplicantSnapshot => ({
  ...base,
  applicant: { ...base.applicant, timezone, ...(reminderTime === undefined ? {} : { reminderTime }) },
});
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const rankingOpens = (result: Plan) =>
  result.reminders.find((r) => r.milestone === "rank_order_list" && r.rung === "ranking-opens");
const OPENS = seasonCalendar(2027).dates.nrmp_rank_order_list_entry_opens.at;
const PLANNED = "2026-10-28T10:00:00Z";

describe("the ranking-opens email leaves no earlier than ranking opens (Fri 15 Jan 2027, 12:00 PM ET)", () => {
  it.each([
    // 5:00 PM in Accra, after that day's 9:00 AM slot: the next morning's.
    ["Africa/Accra", "2027-01-16T09:00:00.000Z", "2027-01-16T09:00:00.000+00:00"],
    // 1:00 AM on the 16th in Manila, in the quiet hours: at the 9:00 AM slot after it.
    ["Asia/Manila", "2027-01-16T01:00:00.000Z", "2027-01-16T09:00:00.000+08:00"],
    // 11:00 AM in Chicago: not at 9:00 AM before it, nor at 11:00 AM beside that morning's email.
    ["America/Chicago", "2027-01-16T15:00:00.000Z", "2027-01-16T09:00:00.000-06:00"],
  ])("%s: sent at %s", (zone, sendAt, sendAtLocal) => {
    const reminder = rankingOpens(planAt(inZone(zone), PLANNED));
    expect(reminder?.sendAt).toBe(sendAt);
    expect(reminder?.sendAtLocal).toBe(sendAtLocal);
  });

  it("never before the opening, in any zone and delivery time", () => {
    const zones = [
      "Africa/Accra",
      "Asia/Manila",
      "America/Chicago",
      "Asia/Kolkata",
      "Pacific/Auckland",
      "America/Los_Angeles",
    ];
    for (const zone of zones)
      for (const time of [undefined, "07:00", "12:30", "20:45"]) {
        const reminder = rankingOpens(planAt(inZone(zone, time), PLANNED));
        expect(reminder, `${zone} ${time}`).toBeDefined();
        expect(Date.parse(reminder?.sendAt ?? ""), `${zone} ${time}`).toBeGreaterThanOrEqual(OPENS);
      }
  });

  it("at the applicant's delivery time, so it rides in that day's one email (Cairo: 7:00 PM was a second email)", () => {
    // A delivery time in the default quiet hours (to 08:00) is moved to their end, as every slot.
    for (const zone of ["Africa/Cairo", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"])
      for (const [time, local] of [
        [undefined, "09:00"],
        ["07:00", "08:00"],
        ["12:30", "12:30"],
        ["20:45", "20:45"],
      ] as const) {
        const reminder = rankingOpens(planAt(inZone(zone, time), PLANNED));
        expect(reminder?.sendAtLocal.slice(11, 16), `${zone} ${time}`).toBe(local);
        // The first such slot: a day earlier would be before the opening.
        expect(Date.parse(reminder?.sendAt ?? "") - 86_400_000, `${zone} ${time}`).toBeLessThan(OPENS);
      }
  });

  it("keeps its id in every zone (the id does not depend on the send time)", () => {
    const ids = ["Africa/Accra", "Asia/Manila", "America/Chicago"].map(
      (zone) => rankingOpens(planAt(inZone(zone), PLANNED))?.id,
    );
    expect(ids[0]).toBe("r-c5a22008388212ce");
    expect(new Set(ids).size).toBe(1);
  });

  it("a plan made an hour before the opening still has it ahead; one made after it sent, none", () => {
    expect(rankingOpens(planAt(inZone("Africa/Accra"), "2027-01-15T16:00:00Z"))).toBeDefined();
    expect(rankingOpens(planAt(inZone("Asia/Manila"), "2027-01-16T00:30:00Z"))).toBeDefined();
    expect(rankingOpens(planAt(inZone("Asia/Manila"), "2027-01-16T02:00:00Z"))).toBeUndefined();
  });
});

describe("its words fit the day it arrives", () => {
  it.each(["Africa/Accra", "Asia/Manila", "America/Chicago"])(
    "%s: planned at its send instant, the step says ranking opened, and the why names the deadline, not 'this'",
    (zone) => {
      const sendAt = rankingOpens(planAt(inZone(zone), PLANNED))?.sendAt ?? "";
      const atSend = planAt(inZone(zone), sendAt);
      const reminder = rankingOpens(atSend);
      const step = atSend.nextSteps.find((each) => each.milestone === "rank_order_list");
      // The 2027 opening is projected: "expected to open on", with how late it may open.
      expect(step?.action).toContain("now (ranking was expected to open on");
      expect(step?.action).not.toContain("once ranking opens");
      expect(reminder?.why).toContain("the rank order list deadline is also the last day");
      expect(reminder?.why).not.toContain("this is also the last day");
    },
  );
});

describe("a ladder whose deadline is the opening itself", () => {
  it("the ERAS token's notice still leaves before its target, MyERAS opening (delivery sends nothing after a deadline)", () => {
    const early: ApplicantSnapshot = {
      ...inZone("Asia/Manila"),
      applicant: { ...inZone("Asia/Manila").applicant, matchYear: 2028 },
      milestones: base.milestones.filter((m) =>
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
        ].includes(m.key),
      ),
    };
    const token = planAt(early, "2027-05-20T10:00:00Z").reminders.find(
      (r) => r.milestone === "eras_token" && r.rung === "start-by",
    );
    expect(token).toBeDefined();
    expect(Date.parse(token?.sendAt ?? "")).toBeLessThan(Date.parse(token?.deadline ?? ""));
  });
});
