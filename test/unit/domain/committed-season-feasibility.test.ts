import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// Tester s10 issue 9d A3: Step 2 CK "not started" (not booked) on 1 Dec 2026, everything else done,
// ERAS applied and NRMP registered: the plan declared the 2027 Match out of reach and blocked the
// rank order list, while the same applicant with Step 2 CK "in_progress" was only told to prepare
// faster. "Not started" means not booked, not unstudied: an applicant committed to the season is
// out of reach only when even booking, sitting and the result cannot fit.

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

describe("one exam not booked does not lose a season the applicant is committed to (s10 A3)", () => {
  it.each([
    ["ERAS application and NRMP registration", ["eras_application", "nrmp_registration"] as const],
    ["NRMP registration only", ["nrmp_registration"] as const],
    ["ERAS application only", ["eras_application"] as const],
  ])(
    "with %s done, not_started gives the in_progress verdict: a warning, the rank list kept",
    (_label, committed) => {
      const notStarted = planFor(applicantWithStep2ck("not_started", committed), NOW);
      const inProgress = planFor(applicantWithStep2ck("in_progress", committed), NOW);
      expect(codes(inProgress)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(codes(notStarted)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(notStarted.matchYear).toBe(2027);
      // The rank order list is planned for 2027: at most it waits for NRMP registration, never for
      // "a feasible Match year".
      const rankList = notStarted.blocked.find((step) => step.milestone === "rank_order_list");
      expect(rankList === undefined || rankList.waitingFor.join(" ") === "nrmp_registration").toBe(true);
      expect(notStarted.blocked.filter((step) => step.resolvedBy !== undefined)).toEqual([]);
      const late = notStarted.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");
      expect(late?.severity).toBe("warning");
      expect(late?.milestones).toEqual(["usmle_step2ck"]);
      expect(late?.message).toContain("Wed 27 Jan 2027");
      expect(notStarted.risks.map((risk) => risk.message).join(" ")).not.toContain("Pay no 2027");
    },
  );

  it("is out of reach once even booking, sitting and the result cannot fit before the rank order list deadline", () => {
    // 10 Feb 2027: a week's booking plus 28 days for the result ends after the 24 Feb deadline.
    const result = planFor(
      applicantWithStep2ck("not_started", ["eras_application", "nrmp_registration"]),
      "2027-02-10T12:00:00Z",
    );
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
  });

  it("still counts the usual preparation for an applicant who has not applied to the season", () => {
    // Neither ERAS nor NRMP done: nothing says the applicant has prepared, so the study period counts.
    const result = planFor(applicantWithStep2ck("not_started", []), NOW);
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });
});
