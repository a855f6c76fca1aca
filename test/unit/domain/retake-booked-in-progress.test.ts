import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A booked Step 2 CK retake stored "in progress" with its future date (12 Jan 2027) and the failing
 * score (205): the date cannot be the failed attempt's, so the plan reads it as the booked retake it
 * is ("scheduled", date kept), exactly as the same snapshot with the status "scheduled". The intake
 * already refuses the status for new submissions; stored ones lost the date in the plan.
 */
const DIR = fileURLToPath(new URL("../../fixtures/step2ck-retakes-and-myeras/", import.meta.url));
const STORED = readSnapshot(DIR, "retake-booked-stored-in-progress-dhaka.json");
const SCHEDULED: ApplicantSnapshot = {
  ...STORED,
  milestones: STORED.milestones.map((entry) =>
    entry.key === "usmle_step2ck" ? { ...entry, status: "scheduled" } : entry,
  ),
};
const NOW = "2026-12-05T04:00:00Z";
const step2ck = (result: Plan) =>
  [...result.nextSteps, ...result.blocked, ...result.overdue].filter(
    (step) => step.milestone === "usmle_step2ck",
  );

describe("a booked retake stored in progress with a future date", () => {
  it("keeps its date: planned as the same retake booked (scheduled)", () => {
    const stored = planInOwnMatch(STORED, NOW);
    const scheduled = planInOwnMatch(SCHEDULED, NOW);
    expect(step2ck(stored)).toEqual(step2ck(scheduled));
    expect(JSON.stringify(step2ck(stored))).toContain("12 Jan 2027");
    expect(stored.risks.map((risk) => risk.code)).toEqual(scheduled.risks.map((risk) => risk.code));
    expect(stored.reminders.filter((each) => each.milestone === "usmle_step2ck")).toEqual(
      scheduled.reminders.filter((each) => each.milestone === "usmle_step2ck"),
    );
  });

  it("the control: dated today or before, it is the failed attempt's day, dropped (a retake to book)", () => {
    const past: ApplicantSnapshot = {
      ...STORED,
      milestones: STORED.milestones.map((entry) =>
        entry.key === "usmle_step2ck" ? { ...entry, date: "2026-11-20" } : entry,
      ),
    };
    expect(JSON.stringify(step2ck(planInOwnMatch(past, NOW)))).not.toContain("20 Nov 2026");
    expect(planInOwnMatch(past, NOW).risks.map((risk) => risk.code)).toContain("SCORE_BELOW_PASSING");
  });
});
