import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// An applicant who applied to ERAS or registered with NRMP was once assessed with no study time
// for an exam not started ("committed to the season"). Exam readiness does not depend on fees
// already spent: an exam not started
// counts its preparation for everyone; one in progress (preparing) or booked counts only booking,
// the sitting and the result, whatever was paid.

const NOW = "2026-12-01T16:00:00Z";

function applicantWithStep2ck(
  status: MilestoneStatus,
  committed: readonly ("eras_application" | "nrmp_registration")[],
) {
  return inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "Asia/Kolkata",
      visa: "J-1",
      graduation: "2025-06-30",
    }),
    milestones: [
      ...doneMilestones([
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "oet_medicine",
        "ecfmg_pathway",
        "usce",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
        "eras_token",
        ...committed,
      ]),
      milestoneFactory("usmle_step2ck", status),
    ],
  });
}

const codes = (result: Plan) => result.risks.map((risk) => risk.code);

describe("an exam not started counts its preparation whether or not ERAS and NRMP are paid", () => {
  it("with ERAS application and NRMP registration done, Step 2 CK not started is asked about, not written off", () => {
    const paid = planFor(applicantWithStep2ck("not_started", ["eras_application", "nrmp_registration"]), NOW);
    expect(codes(paid)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    const asked = paid.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
    expect(asked?.message).toContain("Have you started preparing for it?");
  });

  it.each([
    ["NRMP registration only", ["nrmp_registration"] as const],
    ["ERAS application only", ["eras_application"] as const],
  ])(
    "with %s done, Step 2 CK not started gets the unpaid verdict: out of reach, 2028",
    (_label, committed) => {
      const paid = planFor(applicantWithStep2ck("not_started", committed), NOW);
      const unpaid = planFor(applicantWithStep2ck("not_started", []), NOW);
      const notFeasible = (result: Plan) =>
        result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
      expect(notFeasible(paid)?.earliestFeasibleMatchYear).toBe(2028);
      expect(notFeasible(unpaid)?.earliestFeasibleMatchYear).toBe(2028);
      expect(paid.matchYear).toBe(unpaid.matchYear);
      expect(notFeasible(paid)?.message).toContain("USMLE Step 2 CK: about 120 days of preparation");
      expect(codes(paid)).not.toContain("MATCH_YEAR_LAST_DAY");
      expect(codes(paid)).not.toContain("EXAMS_LATE_FOR_RANKING");
    },
  );

  it("with Step 2 CK in progress (preparing, a fact), paid or not: in reach, a warning, the rank list kept", () => {
    for (const committed of [["eras_application", "nrmp_registration"] as const, [] as const]) {
      const inProgress = planFor(applicantWithStep2ck("in_progress", committed), NOW);
      expect(codes(inProgress)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(inProgress.matchYear).toBe(2027);
      expect(inProgress.blocked.filter((step) => step.resolvedBy !== undefined)).toEqual([]);
      const late = inProgress.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
      expect(late?.severity).toBe("warning");
      expect(late?.milestones).toEqual(["usmle_step2ck"]);
      expect(late?.message).toContain("Wed 27 Jan 2027");
    }
  });

  it("is out of reach once even booking, sitting and the result cannot fit before the rank order list deadline", () => {
    // 10 Feb 2027: a week's booking plus 28 days for the result ends after the 24 Feb deadline.
    const result = planFor(
      applicantWithStep2ck("in_progress", ["eras_application", "nrmp_registration"]),
      "2027-02-10T12:00:00Z",
    );
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
  });
});
