import { describe, expect, it } from "vitest";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { NextStep, Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory } from "./factories.ts";
import { readSnapshot } from "./fixture-snapshots.ts";

/**
 * One order everywhere, moved plans too. Marisol,
 * Chicago, 2027 Match with nothing done in November 2026: the 2027 Match is out of reach and the plan
 * is dated for 2028, yet its next steps read ECFMG application, Step 2 CK, Step 1, OET (Step 2 CK,
 * the step MATCH_YEAR_NOT_FEASIBLE says missed 2027, was lifted), while the same applicant entered
 * for 2028 reads ECFMG application, Step 1, OET, Step 2 CK, by target. And Step 1 before Step 2 CK at
 * one urgency always, unless Step 2 CK is booked (the applicant's sitting keeps its place by its date).
 */
const DIR = new URL("../../fixtures/moved-plan-order/", import.meta.url).pathname;
const CHICAGO = "America/Chicago";
const keys = (steps: readonly NextStep[]) => steps.map((step) => step.milestone as string);
const planAt = (snapshot: ApplicantSnapshot, year: number, now: string): Plan =>
  plan(
    { ...snapshot, applicant: { ...snapshot.applicant, matchYear: year } },
    seasonCalendar(year),
    new Date(now),
  );

describe("a plan moved to a later Match reads as the same applicant entered for it", () => {
  const marisol = readSnapshot(DIR, "nothing-done-2027-chicago.json");

  it("on the day reported: ECFMG application, Step 1, OET, Step 2 CK, as entered for 2028", () => {
    const moved = planAt(marisol, 2027, "2026-11-24T10:00:00-06:00");
    expect(moved.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    const listed = keys(listedInReadingOrder(moved, CHICAGO));
    expect(listed.slice(0, 4)).toEqual(["ecfmg_application", "usmle_step1", "oet_medicine", "usmle_step2ck"]);
    expect(listed).toEqual(
      keys(listedInReadingOrder(planAt(marisol, 2028, "2026-11-24T10:00:00-06:00"), CHICAGO)),
    );
  });

  it.each(["2026-12-04T17:00:00Z", "2027-01-20T09:00:00-06:00", "2027-02-10T09:00:00-06:00"])(
    "on %s the moved plan's order is the entered plan's",
    (now) => {
      const moved = planAt(marisol, 2027, now);
      expect(moved.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(keys(listedInReadingOrder(moved, CHICAGO))).toEqual(
        keys(listedInReadingOrder(planAt(marisol, 2028, now), CHICAGO)),
      );
    },
  );

  it("the entered 2028 starter (the Dhaka control) reads so too", () => {
    const nusrat = readSnapshot(DIR, "wdoms-only-2028-dhaka.json");
    const listed = keys(listedInReadingOrder(planAt(nusrat, 2028, "2026-12-04T17:00:00Z"), "Asia/Dhaka"));
    expect(listed.slice(0, 4)).toEqual(["ecfmg_application", "usmle_step1", "oet_medicine", "usmle_step2ck"]);
  });
});

/**
 * Step 1 before Step 2 CK at one urgency, on a grid of applicants (Step 1 and Step 2 CK not started,
 * in progress, booked or failed; 2027 and 2028 Match; a day every four weeks from June 2026), unless
 * Step 2 CK is booked. On the base, a Step 1 whose day had passed, or one booked after its last
 * sitting day, read below a Step 2 CK still to book (their dates put it first), and moved plans
 * lifted Step 2 CK.
 */
describe("Step 1 reads before Step 2 CK at one urgency, unless Step 2 CK is booked", () => {
  const STEP1: (Omit<MilestoneEntry, "key"> | null)[] = [
    null,
    { status: "in_progress" },
    { status: "scheduled", date: "2027-03-10" },
    { status: "scheduled", date: "2027-08-20" },
  ];
  const STEP2CK: (Omit<MilestoneEntry, "key"> | null)[] = [
    null,
    { status: "in_progress" },
    { status: "in_progress", score: 205 },
    { status: "scheduled", date: "2027-06-01" },
  ];
  const RANK = { overdue: 0, urgent: 1, soon: 2, later: 3 } as const;
  const zone = "Asia/Kolkata";

  it("holds on every plan of the grid, and the grid has plans where both are listed at one urgency", () => {
    let bothAtOneUrgency = 0;
    const broken: string[] = [];
    for (const year of [2027, 2028])
      for (const step1 of STEP1)
        for (const step2ck of STEP2CK)
          for (
            let at = Date.parse("2026-06-01T00:00:00Z");
            at < Date.parse("2027-12-31T00:00:00Z");
            at += 28 * 86_400_000
          ) {
            const milestones: MilestoneEntry[] = [
              { key: "wdoms_listing", status: "done", date: "2025-01-01" },
              { key: "ecfmg_application", status: "done", date: "2025-02-01" },
              ...(step1 === null ? [] : [{ key: "usmle_step1", ...step1 } as MilestoneEntry]),
              ...(step2ck === null ? [] : [{ key: "usmle_step2ck", ...step2ck } as MilestoneEntry]),
            ];
            const result = plan(
              inputFactory({ applicant: applicantFactory({ matchYear: year, timezone: zone }), milestones }),
              seasonCalendar(year),
              new Date(at),
            );
            const listed = listedInReadingOrder(result, zone);
            const one = listed.findIndex((step) => step.milestone === "usmle_step1");
            const two = listed.findIndex((step) => step.milestone === "usmle_step2ck");
            const first = listed[one];
            const second = listed[two];
            if (first === undefined || second === undefined || RANK[first.urgency] > RANK[second.urgency])
              continue;
            if (first.urgency === second.urgency) bothAtOneUrgency++;
            if (two < one && second.ownDate === undefined)
              broken.push(
                `${year} ${JSON.stringify(step1)} ${JSON.stringify(step2ck)} ${new Date(at).toISOString()}`,
              );
          }
    expect(bothAtOneUrgency).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });
});
