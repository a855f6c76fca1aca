import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * An H-1B applicant in the US whose OET and Pathway are still to be reported: the certificate, and
 * so Step 3, waits for those results. STEP3_NEEDED_FOR_H1B counts its chain from them and calls
 * ranking on H-1B out of reach; the Step 3 step reads the same chain, so it is dated for the H-1B
 * petition rather than for a rank order list the risk says it cannot make.
 */
const plan = planFor(
  inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "America/Chicago",
      visa: "H-1B",
      graduation: "2024-06-30",
    }),
    milestones: [
      ...doneMilestones(DONE_BUT_OET_AND_PATHWAY, "2026-09-20"),
      milestoneFactory("oet_medicine", "scheduled", "2026-12-19"),
    ],
  }),
  "2026-12-05T16:00:00Z",
);

describe("Step 3 in the US with exam results pending", () => {
  it("is dated for the petition when the risk calls ranking on H-1B out of reach", () => {
    const risk = plan.risks.find((entry) => entry.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.message).toContain("most likely out of reach");
    const step = [...plan.nextSteps, ...plan.blocked].find((entry) => entry.milestone === "usmle_step3");
    // Step 3's day for the petition: its approval is due 60 days before the stamping (Fri 16 Apr
    // 2027, consular processing presumed until the applicant says change of status), less 28 days for the score.
    expect(step?.deadline?.local).toBe("Fri 19 Mar 2027");
    expect(step?.why).toContain("the H-1B petition after the Match still needs your Step 3 pass");
  });
});
