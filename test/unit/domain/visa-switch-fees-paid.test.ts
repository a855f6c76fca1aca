import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A fee paid stays in "spent" when the applicant changes visa track: an H-1B applicant
 * who sat Step 3 from Karachi and then chose J-1 lost Step 3's fee and the visitor visa's from
 * "paid", so the console's what-if showed the total falling while the amount to pay rose.
 */
const DIR = fileURLToPath(new URL("../../fixtures/visa-switch-fees-paid/", import.meta.url));
const H1B = readSnapshot(DIR, "karachi-h1b-matched-2027.json");
const SWITCHED = readSnapshot(DIR, "karachi-switched-to-j1-2027.json");
const IN_US = readSnapshot(DIR, "houston-switched-to-j1-2027.json");
const APRIL = "2027-04-05T06:00:00Z";

const spent = (result: Plan) =>
  result.budget.items.filter((item) => item.status === "spent").map((item) => item.key);

describe("fees paid stay paid across a change of visa track", () => {
  it("switched from H-1B to J-1: Step 3's fee and its visitor visa stay spent, the J-1's fees are to pay", () => {
    const before = planInOwnMatch(H1B, APRIL);
    const after = planInOwnMatch(SWITCHED, APRIL);
    expect(spent(before)).toEqual(expect.arrayContaining(["usmle_step3_exam", "visitor_visa_mrv"]));
    expect(spent(after)).toEqual(spent(before));
    expect(after.budget.spentUsd).toBe(before.budget.spentUsd);
    expect(
      after.budget.items.some((item) => item.key === "j1_sponsorship" && item.status === "upcoming"),
    ).toBe(true);
    expect(after.budget.totalUsd).toBeGreaterThan(after.budget.spentUsd);
  });

  it("in the US, Step 3 passed on the J-1 track: its fee spent, no visitor visa", () => {
    const result = planInOwnMatch(IN_US, APRIL);
    expect(spent(result)).toContain("usmle_step3_exam");
    expect(spent(result)).not.toContain("visitor_visa_mrv");
  });
});
