import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

// A Manila applicant for the 2027 Match, J-1, everything done but the OET
// and the Pathway, planned on 30 Nov 2026. The plan's own Pathway application deadline is Sat 26 Dec
// 2026 (catalog ecfmg_pathway.due, ROL deadline - 60 days); the OET result, which the Pathway
// application needs, can arrive at the earliest on 28 Dec (a sitting within 7 days, 21 days for the
// result). The season was still "feasible".

const DONE = DONE_BUT_OET_AND_PATHWAY;
const NOW = "2026-11-30T12:00:00Z";
const manila = (extra: MilestoneEntry[]) =>
  inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Asia/Manila",
      visa: "J-1",
      graduation: "2024-06-30",
    }),
    milestones: openStepsNotStarted([...DONE.map((key) => milestoneFactory(key, "done")), ...extra]),
  });
const notFeasible = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");

// The OET result is a supporting document that follows the Pathway
// application (ECFMG's 2024 Match page separates the two deadlines), and both Pathway deadlines are
// projections: the season is judged against the ROL deadline less ECFMG's review, and a projected
// Pathway deadline the fastest pace misses is a warning (PATHWAY_DEADLINE_PROJECTED). The first two
// cases below were once "out of reach" under a rule that wrote off seasons still in reach.
describe("an OET result still to come is judged against the documents deadline and the ROL deadline", () => {
  // Preparing for the OET (in progress): a fact that only booking remains. Not started, it counts the
  // catalog's fastest preparation (the booking only) whatever ERAS and NRMP fees were
  // paid: out of reach once its last sitting day (5 Jan 2027) is behind.
  it("OET in preparation on 30 Nov 2026: a sitting within a week, its result by ~28 Dec and the review end before 24 Feb 2027: in reach", () => {
    const result = planFor(manila([milestoneFactory("oet_medicine", "in_progress")]), NOW);
    expect(notFeasible(result)).toBeUndefined();
    expect(result.risks.map((risk) => risk.code)).not.toContain("PATHWAY_DEADLINE_PROJECTED");
  });

  it("OET booked for 20 Jan 2027: an earlier sitting (the fastest pace) still makes it: in reach", () => {
    const risk = notFeasible(
      planFor(manila([milestoneFactory("oet_medicine", "scheduled", "2027-01-20")]), NOW),
    );
    expect(risk).toBeUndefined();
  });

  it("OET passed: the Pathway can still be submitted in time, the season stays feasible", () => {
    expect(notFeasible(planFor(manila([milestoneFactory("oet_medicine", "done")]), NOW))).toBeUndefined();
  });

  it("a month earlier, an OET sitting within a week still reports before the Pathway deadline: feasible", () => {
    expect(notFeasible(planFor(manila([]), "2026-10-30T12:00:00Z"))).toBeUndefined();
  });

  it("OET not started on 10 Jan 2027: its result after the projected documents deadline and the review after the ROL deadline: out of reach", () => {
    const risk = notFeasible(planFor(manila([]), "2027-01-14T12:00:00Z"));
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
    expect(risk?.message).toContain("ECFMG Pathway: about 28 days for ECFMG's review");
  });
});
