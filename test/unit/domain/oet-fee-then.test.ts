import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { budgetRows, budgetTotals } from "#domain/budget-words.ts";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A fee paid is what was paid then (fee-in-force.ts for USD fees): OET's fee, in Australian dollars,
 * read "about AU$587 … an estimate at today's fee" for a sitting of 2024. The fee table's
 * figure is taken for 2026 only (fees.json `figureFrom`), so a sitting before it is listed to verify
 * with no amount and why; one of 2026 is paid at AU$587. Thabo (Johannesburg, J-1, 2028 Match).
 */
const DIR = fileURLToPath(new URL("../../fixtures/oet-fee-then/", import.meta.url));
const OET_2024 = readSnapshot(DIR, "oet-2024-johannesburg.json");
const OET_2026 = readSnapshot(DIR, "oet-2026-johannesburg.json");
const NOW = "2026-12-07T07:00:00Z";

const oetToVerify = (result: Plan) =>
  result.budget.toVerify?.find((item) => item.key === "oet_medicine_test");
const oetPaid = (result: Plan) =>
  result.budget.otherCurrency?.find((item) => item.key === "oet_medicine_test");

describe("the OET fee paid, by its sitting's year", () => {
  // Planned in turn, so the budget memo (budget-key.ts) must tell the two days apart.
  const sat2026 = planInOwnMatch(OET_2026, NOW);
  const sat2024 = planInOwnMatch(OET_2024, NOW);
  const sat2026Again = planInOwnMatch(OET_2026, NOW);

  it("sat in 2024: to verify, no amount, saying why, in no total", () => {
    expect(oetPaid(sat2024)).toBeUndefined();
    expect(oetToVerify(sat2024)).toMatchObject({ status: "spent", amountUsd: 0 });
    expect(oetToVerify(sat2024)?.verify).toBe(
      "flagged, verify: paid for your step dated Sat 14 Sep 2024, when the fee in force is not known here (the fee table's AU$587 is OET's figure as read on 30 Nov 2026, taken for 2026; no OET figure for an earlier year is recorded), so no amount is counted",
    );
    const row = budgetRows(sat2024.budget).find((each) => each.label.startsWith("OET Medicine test fee"));
    expect(row).toMatchObject({ status: "To verify", amount: "not found" });
    expect(budgetTotals(sat2024.budget).paid).not.toContain("AU$");
  });

  it("sat in 2026: paid, about AU$587, counted in the paid total", () => {
    for (const result of [sat2026, sat2026Again]) {
      expect(oetToVerify(result)).toBeUndefined();
      expect(oetPaid(result)).toMatchObject({ status: "spent", display: "AU$587" });
      expect(budgetTotals(result.budget).paid).toContain("AU$587");
    }
  });
});
