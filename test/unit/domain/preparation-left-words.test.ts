import { describe, expect, it } from "vitest";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Step 2 CK under way read "the usual 60 days of preparation", beside "about 120 days
 * of preparation is typical (advice)" for one not begun. For an applicant already preparing the
 * words say what is left, labelled as advice ("our advice": a risk's message carries no parenthesised basis label, its source
 * says advice): "about 60 more days of preparation, our advice,".
 *
 * Marisol: Manila, J-1, 2027 Match, everything done but Step 2 CK, which she is preparing for (not booked).
 */
function marisol(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2027, fullName: "Marisol Reyes" }),
    milestones: [
      ...doneMilestones(
        ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
        "2025-09-01",
      ),
      ...doneMilestones([
        "lors",
        "personal_statement",
        "cv",
        "program_list",
        "eras_token",
        "eras_application",
      ]),
      milestoneFactory("nrmp_registration", "done", "2026-10-02"),
      milestoneFactory("usmle_step2ck", "in_progress"),
    ],
  });
}

describe("the preparation left for an exam under way", () => {
  it("says about 60 more days of preparation, as advice, never 'the usual'", () => {
    const result = plan(marisol(), seasonCalendar(2027), new Date("2027-01-05T02:00:00Z"));
    const risk = result.risks.find((r) => r.code === "EXAMS_LATE_FOR_RANKING");
    expect(risk?.message).toContain("about 60 more days of preparation, our advice, would run past");
    expect(risk?.sources?.join(" ")).toContain("advice: a typical dedicated study period");
    expect(risk?.message).not.toContain("the usual 60");
  });
});
