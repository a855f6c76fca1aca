import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The budget is kept across plans (budget-key.ts), keyed on what it reads. Whether the visitor visa
 * for Step 3's trip is asked for before the ECFMG certificate moves with `now` (the certificate
 * expected within the visa's allowance), and it decides whether the visa's fee is to pay now or held
 * with Step 3 until the certificate. An H-1B graduate in Ibadan, certificate pending, planned on
 * 1 Jun 2025 (the visa not asked yet) and then on 24 Jul 2025 (asked) in one process got the June
 * budget back: the card asked for the visa beside a fee "owed only once you hold your ECFMG
 * certificate". A plan never depends on what the process planned before.
 */
const DIR = fileURLToPath(new URL("../../fixtures/certificate-targets-named/", import.meta.url));
const IBADAN = readSnapshot(DIR, "h1b-ibadan-november-2027.json");
const ASKED = "2025-07-24T07:00:00Z";
const JUNE = "2025-06-01T00:00:00Z";
const visaFee = (budget: ReturnType<typeof planInOwnMatch>["budget"]) =>
  budget.items.find((item) => item.key === "visitor_visa_mrv")?.status;

describe("the budget kept across plans, with the visitor visa asked for before the certificate", () => {
  it("a plan of the same applicant on a day the visa was not asked yet changes neither plan", () => {
    const june = planInOwnMatch(IBADAN, JUNE);
    const july = planInOwnMatch(IBADAN, ASKED);
    // The visa asked for now, on the certificate's card: its fee is to pay now, not held.
    expect(july.nextSteps.find((step) => step.milestone === "ecfmg_certification")?.action).toContain(
      "Apply for the US visitor visa (B-1/B-2) for Step 3's trip now",
    );
    expect(visaFee(july.budget)).toBe("upcoming");
    expect(JSON.stringify(planInOwnMatch(IBADAN, JUNE).budget)).toBe(JSON.stringify(june.budget));
    expect(JSON.stringify(planInOwnMatch(IBADAN, ASKED).budget)).toBe(JSON.stringify(july.budget));
  });
});
