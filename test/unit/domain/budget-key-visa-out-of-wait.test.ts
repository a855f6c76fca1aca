import { describe, expect, it } from "vitest";
import { budgetFlags } from "#domain/planner/budget-key.ts";

/**
 * The budget's memo key told Step 3's fee wait apart from "the visitor visa asked for before the
 * certificate" by one value for both, so a budget with Step 3 waiting on the certificate and one
 * with it blocked (its result out of reach of ranking) shared a key whenever the visa was asked for
 * now: a plan's budget then depended on which applicant the planner met first (the golden plans
 * differed in CI, where other files ran before them). Each input is a field of the key.
 */
describe("the budget's memo key with the visitor visa asked for before the certificate", () => {
  it("keeps Step 3's fee wait apart", () => {
    const flags = (wait: "certificate" | "blocked") =>
      budgetFlags(false, false, false, "-", "-", false, true, wait, 0, true, false, true);
    expect(flags("certificate")).not.toBe(flags("blocked"));
  });
});
