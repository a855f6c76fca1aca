import { BoundedMemo } from "../bounded-memo.ts";
import { presumedSource, presumedTotal } from "../budget-paid-words.ts";
import { nextMatchShare } from "../budget-words.ts";
import { usd } from "../money.ts";
import type { Budget, OtherCurrencyItem } from "../plan.ts";

/**
 * The budget step's text, made once per budget object: budgets are memoised and shared frozen by
 * the plans with the same fee facts (budget-key.ts), and the text reads nothing else. Every plan
 * has a budget step, and formatting both amounts, then filtering the other-currency lines, per
 * plan was ~4 % of the planner bench. A WeakMap on the frozen budget: bounded by the budgets alive;
 * a budget not frozen (a re-applicant's, not memoised) is written afresh, as it could still change.
 */
const budgetActions = new WeakMap<Budget, string>();
export function budgetAction(budget: Budget): string {
  const known = budgetActions.get(budget);
  if (known !== undefined) return known;
  const text = budgetTextOf(budget);
  if (Object.isFrozen(budget)) budgetActions.set(budget, text);
  return text;
}

/**
 * A budget's text by what it says, for a budget object not met before (the budget memo of
 * budget-key.ts may make a new one for the same totals): built once per pair of totals and set
 * of other-currency lines (bounded).
 */
const budgetTexts = new BoundedMemo<
  number,
  BoundedMemo<number, { other: OtherCurrencyItem[]; text: string }>
>(1_000);
function budgetTextOf(budget: Budget): string {
  // Once the applicant's Match is over, the next Match's share is said (not memoised: rare), as are
  // fees presumed paid from an interview (budgetText).
  const next = nextMatchShare(budget);
  if (next === null && presumedTotal(budget) !== null) return budgetText(budget, upcomingOthers(budget));
  if (next !== null)
    return `${budgetText(budget, upcomingOthers(budget))} Of what is still to come, ${usd(next.upcomingUsd)} is estimated for the ${next.matchYear} Match from today's fee table; each of its fees is paid at its step for that Match, once the step opens, not before.`;
  const other = upcomingOthers(budget);
  let bySpent = budgetTexts.get(budget.upcomingUsd);
  if (bySpent === undefined) bySpent = budgetTexts.keep(budget.upcomingUsd, new BoundedMemo(1_000));
  const known = bySpent.get(budget.spentUsd);
  // Other-currency lines are shared frozen objects (budget.ts), so identity says they are the same.
  if (known !== undefined && sameItems(known.other, other)) return known.text;
  const text = budgetText(budget, other);
  bySpent.keep(budget.spentUsd, { other, text });
  return text;
}

function upcomingOthers(budget: Budget): OtherCurrencyItem[] {
  return (budget.otherCurrency ?? []).filter((item) => item.status === "upcoming");
}

function budgetText(budget: Budget, other: readonly OtherCurrencyItem[]): string {
  const plus = other.map((item) => ` plus ${item.display} (${item.label}, in its own currency)`).join(",");
  const presumed = presumedTotal(budget);
  const presumedPaid =
    presumed === null ? "" : `; presumed paid, from ${presumedSource(budget)}: ${presumed}`;
  return `Fees still to come: ${usd(budget.upcomingUsd)}${plus} (${budget.spentUsd === 0 ? "paid so far: $0" : `paid so far, estimated from the fee table: about ${usd(budget.spentUsd)}`}${presumedPaid}), item by item in the budget section with each source; set the money aside before each step that needs it.`;
}

function sameItems(left: readonly OtherCurrencyItem[], right: readonly OtherCurrencyItem[]): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}
