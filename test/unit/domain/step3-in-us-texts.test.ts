import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// An H-1B applicant living in Chicago, ECFMG certificate done on 20 Nov
// 2026, Step 3 not started, was told "Once certified, apply for Step 3 … Step 3 is offered only in
// the US, so plan the trip" and "you also need a US visa for the trip: usually a visitor visa" (now
// said once, as the chain's visitor-visa allowance). The
// plan knows both that the applicant is in the US (no proclamation risk, no visa allowance) and
// that the certificate is done.

function certifiedH1b(timezone: string, certifiedOn = "2026-11-20") {
  return inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone, visa: "H-1B", graduation: "2024-06-30" }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-09-20"),
      milestoneFactory("ecfmg_certification", "done", certifiedOn),
    ],
  });
}

const NOW = "2026-12-01T16:00:00Z";
const step3Action = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
const step3Risk = (result: Plan) => result.risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");

describe("Step 3 texts fit where the applicant lives and the certificate they hold", () => {
  it("tells a certified applicant in Chicago to apply to FSMB now, with no trip or visitor visa", () => {
    const result = planFor(certifiedH1b("America/Chicago"), NOW);
    const action = step3Action(result);
    expect(action).toContain("Apply for Step 3 through FSMB now");
    expect(action).not.toMatch(/once certified/i);
    expect(action).not.toMatch(/trip|visitor visa/i);
    const risk = step3Risk(result);
    expect(risk?.message).toBeDefined();
    expect(risk?.message).not.toMatch(/trip|visitor visa|US visa/i);
  });

  it("still tells a certified applicant abroad about the trip and its visitor visa", () => {
    // Certified in time for the trip: at NOW, certified on 20 Nov, Step 3 from Cairo can no longer
    // make the rank order list deadline and the step waits.
    const result = planFor(certifiedH1b("Africa/Cairo", "2026-09-25"), "2026-10-01T16:00:00Z");
    const action = step3Action(result);
    expect(action).toContain("Apply for Step 3 through FSMB now");
    expect(action).not.toMatch(/once certified/i);
    expect(action).toContain("offered only in the US");
    expect(action).toContain("visitor visa (B-1/B-2)");
    expect(step3Risk(result)?.message).toContain("offered only in the US");
  });

  it("says the trip's visa once in the risk: the visitor-visa allowance, not again as 'you also need a US visa'", () => {
    const message = step3Risk(planFor(certifiedH1b("Africa/Cairo"), NOW))?.message ?? "";
    expect(message).toContain("visitor visa (B-1/B-2) interview");
    expect(message).not.toMatch(/need a US visa|usually a visitor visa/);
  });
});
