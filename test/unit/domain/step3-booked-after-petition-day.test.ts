import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { h1bStep3BookedInCairo2027 } from "./factories.ts";

/**
 * An H-1B applicant abroad (Cairo), list certified, who booked Step 3 for Mon 12 Apr 2027: after
 * the petition's sit-by day (Fri 19 Mar 2027, our advice) and, in March, after the rank order list
 * deadline. The sitting is paid, so its exam-day reminders stay once that day has passed.
 */
const calendar = seasonCalendar(2027);
const amira = h1bStep3BookedInCairo2027;
const examDayRungs = (result: Plan) =>
  result.reminders
    .filter((r) => r.milestone === "usmle_step3" && r.risk === undefined)
    .map((r) => `${r.rung} ${r.sendAt.slice(0, 10)}`);

describe("Step 3 booked after its passed petition day", () => {
  it.each([
    ["past Match Day untold", false],
    ["matched", true],
  ])("%s: the paid exam day keeps its reminders", (_, matchDay) => {
    const result = plan(amira(matchDay), calendar, new Date("2027-03-23T09:00:00Z"));
    expect(examDayRungs(result)).toEqual([
      "due-in-14d 2027-03-29",
      "due-in-3d 2027-04-09",
      "due-in-1d 2027-04-11",
    ]);
  });

  it("before ranking ends, booked after its passed last sitting day: the rungs lead to the petition's day, as in the US", () => {
    // The booking is the trip's evidence: the card asks to move the sitting to Fri 19 Mar 2027.
    for (const zone of ["Africa/Cairo", "America/Chicago"]) {
      const input = { ...amira(false), applicant: { ...amira(false).applicant, timezone: zone } };
      const result = plan(input, calendar, new Date("2027-02-20T09:00:00Z"));
      expect(examDayRungs(result)).toEqual([
        "due-in-14d 2027-03-05",
        "due-in-3d 2027-03-16",
        "due-in-1d 2027-03-18",
      ]);
    }
  });
});
