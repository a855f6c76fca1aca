import { describe, expect, it } from "vitest";
import { feesNamed } from "#domain/catalog/fee-words.ts";
import { catalogEntry, FEES } from "#domain/catalog/index.ts";
import milestonesData from "#domain/catalog/milestones.json" with { type: "json" };
import { usd } from "#domain/money.ts";

/** A fee named in the catalog's words is the fee table's (NRMP late registration wrote "$50" itself). */
describe("the catalog's texts name fees from the fee table", () => {
  const lateFee = FEES.find((fee) => fee.key === "nrmp_late_fee");
  const written = milestonesData.entries.find((entry) => entry.key === "nrmp_registration")?.lateDeadline
    ?.action;

  it("NRMP late registration's action states the table's amount, year and source", () => {
    const action = catalogEntry("nrmp_registration").lateDeadline?.action ?? "";
    expect(lateFee !== undefined && "amountUsd" in lateFee).toBe(true);
    if (lateFee === undefined || !("amountUsd" in lateFee)) return;
    expect(action).toContain(`${usd(lateFee.amountUsd)} late registration fee`);
    expect(action).toContain(lateFee.source);
    expect(action).not.toMatch(/[{}]/);
  });

  it("the catalog file writes no dollar figure of its own there", () => {
    expect(written).toBeDefined();
    expect(written).not.toMatch(/\$\d/);
  });

  it("changing the table's figure changes the text", () => {
    const table = FEES.map((fee) =>
      fee.key === "nrmp_late_fee" ? { ...fee, amountUsd: 75, asOf: "2031 Main Residency Match" } : fee,
    );
    const action = feesNamed(written ?? "", table);
    expect(action).toContain("$75 late registration fee (NRMP's 2031 figure");
    expect(action).not.toContain("$50");
  });

  it("a placeholder naming no fee in the table is an error, not a blank", () => {
    expect(() => feesNamed("pay {fee:no_such_fee}", FEES)).toThrow(/no_such_fee/);
  });
});
