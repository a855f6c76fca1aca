import type { Fee, OtherCurrencyFee } from "../catalog/index.ts";
import type { BudgetItem, OtherCurrencyItem } from "../plan.ts";
import type { MilestoneStatus } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { isRetake } from "./failed-score.ts";
import { paidItem } from "./fee-in-force.ts";
import { type Step3FeeWait, step3FeeHeld } from "./step3-fee-waits.ts";

/**
 * The budget's second lines for one fee (buildBudget in budget.ts): a fee paid for an earlier Match
 * season beside this season's, and a retake's exam fee beside the first attempt's. Split from
 * budget.ts for its size.
 */

/**
 * A re-applicant's fee already paid for an earlier Match season (a step of past-season.ts that was
 * reported done then): it stays in the budget as spent, beside this season's line, so the total
 * rises by the new season's fees instead of the money spent disappearing.
 * The amount is the figure in force on that step's day (fee-in-force.ts); NRMP's late fee is
 * not repeated (that season's early deadline is not this calendar's).
 */
export function earlierSeasonItem(context: PlanContext, fee: Fee, item: BudgetItem): BudgetItem | null {
  const reported = context.pastSeasonEntries.get(fee.milestone);
  if (reported === undefined || fee.kind === "nrmp_late" || !fee.spentWhen.includes(reported.status))
    return null;
  // Priced on the day that season's step was reported, as this season's paid fee is.
  const earlier: BudgetItem = {
    ...item,
    key: `${fee.key}.earlier-season`,
    label: `${item.label} (paid for an earlier Match season)`,
    status: "spent",
  };
  return paidItem(fee, earlier, reported.date);
}

/**
 * Whether a fee counts as spent: its step's status says so (`spentWhen`), or the step is a retake
 * (failed-score.ts: a result below the passing score was reported), whose first attempt was paid
 * whatever the retake's status (a booked retake showed one exam fee).
 */
export function retakeSpent(
  context: PlanContext,
  fee: Pick<Fee, "spentWhen" | "milestone">,
  status: MilestoneStatus,
): boolean {
  return (
    fee.spentWhen.includes(status) || (context.failedScores.length > 0 && isRetake(context, fee.milestone))
  );
}

/**
 * A retake's exam fee: the same fee data as the first attempt's line (`item`, spent), still to pay
 * and labelled as the retake's; null for any other fee. Step 3's is `held` apart on the condition a
 * first sitting's is while `step3Waits` holds it (step3FeeWait: the card asks for no fee, as for a
 * petition's day the retake cannot meet), in no total.
 */
export function retakeFeeItem(
  context: PlanContext,
  fee: Fee,
  item: BudgetItem,
  step3Waits: Step3FeeWait,
): { item: BudgetItem; held: boolean } | null {
  if (context.failedScores.length === 0 || fee.kind !== "flat" || !isRetake(context, fee.milestone))
    return null;
  const retake: BudgetItem = {
    ...item,
    key: `${fee.key}.retake`,
    label: `${item.label}: your retake`,
    status: "upcoming",
  };
  if (step3Waits === "-" || fee.milestone !== "usmle_step3") return { item: retake, held: false };
  return { item: step3FeeHeld(step3Waits, retake), held: true };
}

/** retakeFeeItem for a fee in another currency (the OET's): the retake's sitting, still to pay. */
export function retakeOtherCurrencyItem(
  context: PlanContext,
  fee: OtherCurrencyFee,
  item: OtherCurrencyItem,
): OtherCurrencyItem | null {
  if (context.failedScores.length === 0 || !isRetake(context, fee.milestone)) return null;
  return { ...item, key: `${fee.key}.retake`, label: `${item.label}: your retake`, status: "upcoming" };
}
