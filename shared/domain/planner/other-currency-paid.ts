import { AMOUNT_NOT_FOUND } from "../budget-words.ts";
import { FEES_OTHER_CURRENCY, type OtherCurrencyFee } from "../catalog/index.ts";
import type { BudgetItem } from "../plan.ts";
import { renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";

/**
 * A fee in another currency paid for a step done before the day its figure is taken to be in force
 * (the fee's `figureFrom`: the OET's AU$587 was read in 2026, and no earlier year's figure is
 * recorded) is what was paid then, which the fee table does not have: listed to verify with no
 * amount and why, as a USD fee whose figure that day is not known is (fee-in-force.ts paidItem),
 * never at today's figure (an OET sat in 2024 read "about AU$587 … at today's fee").
 */

/** The step's day when it falls before the fee's `figureFrom`, else undefined. */
function dayBeforeFigure(context: PlanContext, fee: OtherCurrencyFee): string | undefined {
  const day = context.entries.get(fee.milestone)?.date;
  return fee.figureFrom !== undefined && day !== undefined && day < fee.figureFrom.from ? day : undefined;
}

/**
 * The line of `fee`, paid for a step done (`done`) on a day before its figure is known, among the
 * fees to verify; null when its figure applies (not done, no day given, or a day on or after it).
 */
export function otherFigureNotKnown(
  context: PlanContext,
  fee: OtherCurrencyFee,
  done: boolean,
): BudgetItem | null {
  const day = done ? dayBeforeFigure(context, fee) : undefined;
  if (day === undefined || fee.figureFrom === undefined) return null;
  return {
    key: fee.key,
    label: `${fee.label} ${AMOUNT_NOT_FOUND}`,
    amountUsd: 0,
    status: "spent",
    basis: fee.basis,
    source: fee.source,
    asOf: fee.asOf,
    verify: `flagged, verify: paid for your step dated ${renderDate(day)}, when the fee in force is not known here (${fee.figureFrom.why}), so no amount is counted`,
  };
}

/** The budget memo's key (fee-in-force.ts spansKey) for a budget no other plan may share: its text names the applicant's own day. */
export const UNSHARED_BUDGET = -1;

/**
 * `key` (fee-in-force.ts spansKey) with one more bit per fee in another currency that has a
 * `figureFrom`; UNSHARED_BUDGET when a step's day falls before it, since its line to verify then
 * names that day (two applicants with the OET paid on different days of that span read one day).
 */
export function otherFiguresKey(context: PlanContext, key: number): number {
  let bits = key;
  for (const fee of FEES_OTHER_CURRENCY) {
    if (fee.figureFrom === undefined) continue;
    if (dayBeforeFigure(context, fee) !== undefined) return UNSHARED_BUDGET;
    bits *= 2;
  }
  return bits;
}
