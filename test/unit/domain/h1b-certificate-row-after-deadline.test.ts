import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * After the rank order list deadline the H-1B certificate's row still read
 * "urgent … target passed Sat 7 Nov 2026", a target for ranking on H-1B, which is over. After the
 * deadline that target is gone from the row (and its follow-ups); the card keeps its after-deadline
 * words (h1b-certificate-card.ts). The row shows the H-1B petition's target instead.
 *
 * Leila: H-1B, 2027 Match, every exam, the Pathway, ERAS and NRMP done, rank order list certified on
 * 8 Feb 2027; the ECFMG certificate and Step 3 not reported.
 */
const calendar = seasonCalendar(2027);
const ZONES = ["Africa/Cairo", "America/New_York"] as const;

function leila(zone: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: zone, matchYear: 2027, visa: "H-1B", graduation: "2023-06-30" }),
    milestones: [
      ...doneMilestones(
        [
          "wdoms_listing",
          "ecfmg_application",
          "usmle_step1",
          "usmle_step2ck",
          "oet_medicine",
          "ecfmg_pathway",
        ],
        "2025-09-01",
      ),
      ...doneMilestones([
        "eras_token",
        "eras_application",
        "lors",
        "personal_statement",
        "cv",
        "program_list",
      ]),
      milestoneFactory("nrmp_registration", "done", "2026-10-05"),
      milestoneFactory("rank_order_list", "done", "2027-02-08"),
    ],
  });
}

const planAt = (input: PlannerInput, now: string): Plan => plan(input, calendar, new Date(now));
const certificate = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "ecfmg_certification");

describe("the H-1B certificate's row after the rank order list deadline", () => {
  it.each(ZONES)("%s on Sat 20 Feb 2027, before the deadline: the ranking target is in the row", (zone) => {
    const step = certificate(planAt(leila(zone), "2027-02-20T12:00:00Z"));
    expect(step?.target).toBeDefined();
    expect(step?.urgency).toBe("urgent");
  });

  // After the deadline the row's target is the one Step 3, now
  // dated for the H-1B petition, needs (certificate-after-match.ts), never the ranking one.
  it.each(ZONES)(
    "%s on Tue 2 Mar 2027, after it: no ranking target in the row, the petition's instead",
    (zone) => {
      const result = planAt(leila(zone), "2027-03-02T12:00:00Z");
      const step = certificate(result);
      expect(step?.target?.source).not.toContain("target for ranking on H-1B");
      expect(step?.target?.source).toContain("target for the H-1B petition");
      expect(step?.action).toContain("The rank order list deadline has passed, so ranking is over");
      expect(
        result.reminders.some(
          (each) => each.milestone === "ecfmg_certification" && each.why.includes("For ranking on H-1B"),
        ),
      ).toBe(false);
    },
  );
});
