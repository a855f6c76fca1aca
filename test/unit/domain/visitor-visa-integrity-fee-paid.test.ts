import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The Visa Integrity Fee owed on issuing the B-1/B-2 visa for Step 3's trip stays in the budget once
 * Step 3 is sat: the visa's MRV stays spent, so the fee that may have come with it cannot vanish;
 * it reads as possibly paid, never as still to pay "before your interview".
 */
const DIR = fileURLToPath(new URL("../../fixtures/paid-fee-words/", import.meta.url));
const AHEAD = readSnapshot(DIR, "nairobi-h1b-step3-ahead.json");
const SAT = readSnapshot(DIR, "nairobi-h1b-step3-sat.json");

const integrityLine = (result: Plan) =>
  result.budget.toVerify?.find((item) => item.key === "visa_integrity_fee_visitor_visa");
const mrv = (result: Plan) => result.budget.items.find((item) => item.key === "visitor_visa_mrv");

describe("the visitor visa's Visa Integrity Fee once Step 3 is sat", () => {
  it("before the trip: to pay with the visa, in no total", () => {
    const result = planInOwnMatch(AHEAD, "2026-12-07T06:00:00Z");
    expect(mrv(result)?.status).toBe("upcoming");
    expect(integrityLine(result)).toMatchObject({ status: "upcoming", amountUsd: 250 });
    expect(integrityLine(result)?.verify).toMatch(/before your interview/);
  });

  it("after the trip: still listed, as maybe paid with the visa, beside the MRV spent", () => {
    const result = planInOwnMatch(SAT, "2027-02-08T06:00:00Z");
    expect(mrv(result)?.status).toBe("spent");
    const line = integrityLine(result);
    expect(line).toMatchObject({ status: "spent", amountUsd: 250 });
    expect(line?.verify).toMatch(/^flagged, verify: paid with your visa only if collection had started/);
    expect(line?.verify).not.toMatch(/before your interview/);
    expect(result.budget.spentUsd).toBe(planInOwnMatch(AHEAD, "2026-12-07T06:00:00Z").budget.totalUsd);
  });
});
