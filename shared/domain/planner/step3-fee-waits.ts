import type { BudgetItem } from "../plan.ts";
import { IF_PROGRAM_FILES_H1B } from "./budget-after-match.ts";
import { owedOnlyIf } from "./budget-items.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { stepRenderings } from "./step-renderings.ts";
import { step3DueNow, step3WaitsForMatch } from "./step3-after-ranking.ts";

const STEP3_INDEX = stepIndex("usmle_step3");

/**
 * Whether Step 3's card asks the applicant to pay for nothing for Step 3 until they know where they
 * match (step3WaitsForMatch on Step 3's due date as its step reads it, step3DueNow): then the budget
 * must not call its fee "upcoming".
 */
export function step3FeeWaitsForMatch(context: PlanContext, dates: PlanDates): boolean {
  if (context.applicant.visa !== "H-1B") return false;
  return step3WaitsForMatch(context, step3DueNow(context, dates, stepRenderings(dates, STEP3_INDEX).due));
}

/** Step 3's fee while step3FeeWaitsForMatch: owed only once they know, as the card says. */
export function step3FeeIfMatched(item: BudgetItem): BudgetItem {
  return owedOnlyIf(
    `${IF_PROGRAM_FILES_H1B} (Step 3's card asks you to pay nothing for it until you know)`,
    item,
  );
}
