import { describe, expect, it } from "vitest";
import { actionsFor } from "#domain/applicant-choices.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * Keoni's form says his school has no ECFMG sponsor note, beside a passed Step 1 (which needs one).
 * The email asking him to check WDOMS carried Done on the WDOMS check; the confirm page said it
 * would "plan the steps that were waiting for it", yet only the answer "no note" holds them, so
 * after Done the step stayed urgent and every step stayed held. Done is offered on the WDOMS check
 * only where it answers the question: with the note unknown, never beside a "no".
 */
const NOW = new Date("2026-12-08T14:30:00Z");

function keoni(wdomsSponsorNote: boolean | null, milestones: MilestoneEntry[]) {
  const input = inputFactory({
    applicant: applicantFactory({
      timezone: "Pacific/Honolulu",
      matchYear: 2027,
      graduation: "2025-05-30",
      visa: "none",
      medicalSchool: { name: "Example Caribbean School", country: "DM", wdomsSponsorNote },
    }),
    milestones,
  });
  const planned = plan(input, seasonCalendar(2027), NOW);
  return {
    planned,
    check: actionsFor({ milestone: "wdoms_listing" }, planned, "Pacific/Honolulu", input.milestones),
  };
}

const EXAMS = [
  milestoneFactory("usmle_step1", "done", "2025-01-10"),
  milestoneFactory("usmle_step2ck", "scheduled", "2026-12-20"),
];

describe("the WDOMS check's Done beside a sponsor note answered 'no'", () => {
  it("is not offered when the record contradicts the 'no' (the question asks to change the answer)", () => {
    const { planned, check } = keoni(false, EXAMS);
    expect(planned.nextSteps.map((step) => step.milestone)).toContain("wdoms_listing");
    expect(check).not.toContain("done");
  });

  it("is not offered when nothing contradicts the 'no' either", () => {
    const { planned, check } = keoni(false, []);
    expect(planned.risks.map((risk) => risk.code)).toContain("SCHOOL_NOT_ECFMG_ELIGIBLE");
    expect(check).not.toContain("done");
  });

  it("is offered while the note is unknown: there Done records the look-up the plan waits for", () => {
    expect(keoni(null, []).check).toContain("done");
  });
});
