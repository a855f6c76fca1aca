import type { Deadline } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/**
 * The date Match Day's follow-up and weekly question count down to (matchDayNotice): while the
 * contract's date is ahead, that date, the first the answer is needed for (the contract comes
 * first, then the visa steps: facts.md §5), since the notice asks for the result "so your contract
 * and visa steps get their reminders"; "answer by residency's start" would give months the contract
 * does not have. The step itself stays due at residency's start; once the contract's date has
 * passed (a re-plan then), or for a SOAP participant, whose date is already the contract's, `due`
 * and `detail` unchanged.
 */
export function matchDayNoticeDate(
  context: PlanContext,
  dates: PlanDates,
  due: DueDate,
  detail: Deadline,
): [due: DueDate, detail: Deadline] {
  const contract = dates.due("contract");
  if (contract === null || context.now >= contract.at || due.at <= contract.at) return [due, detail];
  noteRiskChange(context, contract.at);
  return [contract, dates.rendered(contract)];
}
