import { describe, expect, it } from "vitest";
import { budgetRows, itemAmount } from "#domain/budget-words.ts";
import { FEES, FEES_TO_VERIFY } from "#domain/catalog/index.ts";
import type { Budget } from "#domain/plan.ts";
import { feeItem, toVerifyItem } from "#domain/planner/budget-items.ts";

const employerPaid = FEES.find((fee) => fee.key === "h1b_petition_employer" && fee.kind === "flat");
const unknownAmount = FEES_TO_VERIFY.find((fee) => fee.amountUsd === null);

describe("a budget item's amount, as every channel shows it", () => {
  it("says a fee priced at 0 because the employer pays it is $0 to the applicant, not a price nor 'not found'", () => {
    if (employerPaid?.kind !== "flat")
      throw new Error("the fee table has no employer-paid H-1B petition fee");
    const item = feeItem(employerPaid, false);
    expect(itemAmount(item)).toBe("$0 to you");
    // Listed apart on a condition (to verify), it is still the employer's, not an amount no source gives.
    const budget: Budget = {
      currency: "USD",
      items: [],
      spentUsd: 0,
      upcomingUsd: 0,
      totalUsd: 0,
      toVerify: [item],
    };
    expect(budgetRows(budget).map((row) => row.amount)).toEqual(["$0 to you"]);
  });

  it("says 'not found' for a fee to verify whose amount no source gives", () => {
    if (unknownAmount === undefined) throw new Error("the fee table has no fee to verify without an amount");
    expect(itemAmount(toVerifyItem(unknownAmount))).toBe("not found");
  });

  it("writes any other amount in dollars", () => {
    const step3 = FEES.find((fee) => fee.key === "usmle_step3_exam" && fee.kind === "flat");
    if (step3?.kind !== "flat") throw new Error("the fee table has no Step 3 fee");
    expect(itemAmount(feeItem(step3, false))).toBe(`$${step3.amountUsd.toLocaleString("en-US")}`);
  });
});
