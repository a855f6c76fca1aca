import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

// An H-1B applicant in Lagos, certified, everything through NRMP
// registration done, no Step 3. The step's text promises a 60-day visitor-visa wait beside
// FSMB's 14 days and a week to a seat before the sit-by date (Wed 27 Jan 2027, 28 days before the
// rank order list deadline), so the chain starts by Sat 21 Nov 2026; yet on 30 Nov, 20 Dec and 5 Jan
// STEP3_NEEDED_FOR_H1B stayed a warning and only on 20 Jan turned critical.

const inputIn = (timezone: string) =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone, visa: "H-1B", graduation: "2024-06-30" }),
    milestones: doneMilestones([...REGISTERED_KEYS, "ecfmg_certification"], "2025-09-01"),
  });
const step3Risk = (timezone: string, now: string) =>
  planFor(inputIn(timezone), now).risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");
const step3Action = (timezone: string, now: string) =>
  planFor(inputIn(timezone), now).nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";

describe("Step 3 abroad: the feasibility check uses the visa wait the step's text promises", () => {
  it.each(["2026-11-30T12:00:00Z", "2026-12-20T12:00:00Z", "2027-01-05T12:00:00Z"])(
    "is critical in Lagos on %s, past the chain's start (visa 60 + FSMB 14 + seat 7 days before the sit-by date)",
    (now) => {
      const risk = step3Risk("Africa/Lagos", now);
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("60 days for a visitor visa");
      expect(risk?.message).toContain("If you already hold a B-1/B-2 visa, there is still time");
      expect(risk?.sources?.some((source) => source.includes("Global Visa Wait Times"))).toBe(true);
    },
  );

  it("stays a warning in Lagos while the chain still fits (1 Nov 2026)", () => {
    expect(step3Risk("Africa/Lagos", "2026-11-01T12:00:00Z")?.severity).toBe("warning");
  });

  it("stays a warning in Chicago on 30 Nov 2026: no trip, no visa wait", () => {
    expect(step3Risk("America/Chicago", "2026-11-30T12:00:00Z")?.severity).toBe("warning");
  });

  it("shows in the step the latest days to apply to FSMB and for the visa, from the same lead times", () => {
    const action = step3Action("Africa/Lagos", "2026-10-01T12:00:00Z");
    // Sit by Wed 27 Jan 2027: a seat 7 days before (20 Jan), the visa 60 before that (21 Nov 2026),
    // FSMB's processing beside it, so both are asked for by that day.
    expect(action).toContain("apply for the visitor visa and, beside it, to FSMB by Sat 21 Nov 2026");
    expect(action).not.toContain("Sat 7 Nov 2026");
  });
});
