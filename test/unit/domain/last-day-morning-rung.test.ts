import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The last day that keeps the Match (a Pathway not submitted past its projected deadline: Tue 2 Feb
 * 2027, 9:00 PM ET) gets a rung on its own morning where that morning's slot comes before it, as the
 * rank order list's deadline does: in Honolulu the day-before rung went at 09:00 on Mon 1 Feb, 31
 * hours ahead, and nothing on the day that decides the Match. Where the last day ends before the
 * local morning (Lagos: 3:00 AM on Wed 3 Feb) the day-before rung is the last, as before.
 */
const DIR = fileURLToPath(new URL("../../fixtures/pathway-last-day/", import.meta.url));
function planOf(name: string, now: string): Plan {
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${name}.json`, "utf8")));
  return plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
}
const rungs = (result: Plan) =>
  result.reminders
    .filter((each) => each.rung.startsWith("last-day-"))
    .map((each) => `${each.rung} ${each.sendAtLocal.slice(0, 16)}`);

describe("the last day that keeps the Match: a rung on its own morning", () => {
  it("Honolulu: 09:00 on Tue 2 Feb, seven hours before the day ends at 4:00 PM HST", () => {
    expect(rungs(planOf("pathway-not-started-ck-booked-honolulu-j1", "2027-01-28T00:00:00-10:00"))).toContain(
      "last-day-today 2027-02-02T09:00",
    );
  });

  it("Lagos: none on the day, which ends at 3:00 AM; the day-before rung is the last", () => {
    const laid = rungs(planOf("pathway-not-started-lagos-j1", "2027-01-28T00:00:00+01:00"));
    expect(laid.some((each) => each.startsWith("last-day-today"))).toBe(false);
    expect(laid).toContain("last-day-in-1d 2027-02-02T09:00");
  });
});
