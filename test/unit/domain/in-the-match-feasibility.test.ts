import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// Found by the reminders property (seed -1951392884): a New York applicant for the 2026 Match reports
// only the contract signed. Until the rank order list deadline (Wed 25 Feb 2026, 9:00 PM ET) the
// plan wrote the season off (MATCH_YEAR_NOT_FEASIBLE: Step 1, Step 2 CK and the Pathway not
// reported); a minute later the contract's implied certified list ended the assessment and the
// post-Match steps (SOAP, J-1 sponsorship, Statement of Need) appeared with new reminders. An IMG
// told in Match Week whether they matched had the exams and the Pathway confirmed to NRMP by that
// deadline, or NRMP would have withdrawn them from the Match and SOAP (official, fact sheet "Exam
// status NRMP needs before ranking").

const BEFORE_DEADLINE = "2026-02-25T20:00:00Z";
const AFTER_DEADLINE = "2026-02-26T02:00:01Z";

function applicantReporting(key: MilestoneKey, graduation = "2024-01-01") {
  return inputFactory({
    applicant: applicantFactory({
      timezone: "America/New_York",
      matchYear: 2026,
      visa: "J-1",
      graduation,
      medicalSchool: { name: "Example", country: "IN", wdomsSponsorNote: true },
    }),
    milestones: [milestoneFactory(key, "done")],
  });
}

const codes = (result: Plan) => result.risks.map((risk) => risk.code);
// EXAMS_LATE_FOR_RANKING warns about the deadline itself and ends with it, whatever feasibility says.
const lasting = (result: Plan) => codes(result).filter((code) => code !== "EXAMS_LATE_FOR_RANKING");

describe("an applicant who reports being in the Match is not written off before the rank order list deadline", () => {
  it.each([["contract"], ["match_day"], ["match_week"]] as const)(
    "with only %s done, the 2026 Match stays in reach on both sides of the rank order list deadline",
    (key) => {
      const before = planFor(applicantReporting(key), BEFORE_DEADLINE);
      const after = planFor(applicantReporting(key), AFTER_DEADLINE);
      expect(codes(before)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(before.matchYear).toBe(2026);
      expect(codes(after)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(lasting(before)).toEqual(codes(after));
      expect(before.nextSteps.map((step) => step.milestone)).toEqual(
        after.nextSteps.map((step) => step.milestone),
      );
    },
  );

  it("still writes the season off for a certified rank order list alone: certifying does not prove the exams", () => {
    const result = planFor(applicantReporting("rank_order_list"), "2026-02-20T15:00:00Z");
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });

  it("warns, as after the deadline, rather than writes off a contract when graduation comes after residency starts", () => {
    // Matching does not imply graduation; after the deadline the plan warns with
    // CERTIFICATION_AFTER_START (critical) and keeps the season, and now does so before it too.
    const before = planFor(applicantReporting("contract", "2026-07-02"), BEFORE_DEADLINE);
    const after = planFor(applicantReporting("contract", "2026-07-02"), AFTER_DEADLINE);
    expect(codes(before)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(codes(before)).toContain("CERTIFICATION_AFTER_START");
    expect(lasting(before)).toEqual(codes(after));
  });
});
