import { describe, expect, it } from "vitest";
import { stepStanding } from "#domain/console/overdue.ts";
import { stepDatesInline } from "#domain/date-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { badgeWords, stepBadge } from "#domain/step-badge.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A step dated for the Match the plan targets (2028,
 * the 2027 Match out of reach) and due soon for it read "too late for the 2027 Match", while the
 * same step urgent for it read "urgent for the 2028 Match". A step dated for the targeted
 * Match reads that Match's words: "soon for the 2028 Match".
 */
const input = inputFactory({
  applicant: applicantFactory({ timezone: "Asia/Kuala_Lumpur", matchYear: 2027, graduation: "2024-05-31" }),
  milestones: [
    ...doneMilestones(
      ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
      "2025-10-02",
    ),
    milestoneFactory("usmle_step2ck", "in_progress"),
  ],
});

describe("a step soon for the targeted Match", () => {
  // 1 May 2027: Step 2 CK still being studied for, its 2028 target (25 Aug 2027) within its lead time.
  const result = plan(input, seasonCalendar(2027), new Date("2027-05-01T02:00:00Z"));
  const step2 = result.nextSteps.find((step) => step.milestone === "usmle_step2ck");

  it("reads soon for the 2028 Match, not too late for the 2027 Match", () => {
    expect(step2?.matchYears).toEqual({ missed: 2027, due: 2028 });
    expect(step2?.urgency).toBe("soon");
    if (step2 === undefined) return;
    const badge = stepBadge(step2, result.now, result.risks);
    expect(badgeWords(badge, step2)).toBe("soon for the 2028 Match");
    expect(stepStanding(result, step2).label).toBe("soon for the 2028 Match");
    // The dates still say which deadline passed, as before.
    expect(stepDatesInline(step2, Date.parse(result.now), result.risks)).toContain(
      "deadline for the 2027 Match",
    );
  });
});
