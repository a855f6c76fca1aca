import type { CatalogEntry } from "../catalog/index.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import type { StepOwnDate } from "./own-date.ts";
import { stepRenderings } from "./step-renderings.ts";
import { step3DueNow } from "./step3-after-ranking.ts";
import { sittingDueNow } from "./step3-petition.ts";
import { step3DueKind } from "./step3-petition-dates.ts";

/**
 * What a step is due by from its sitting day `own` on (milestone-step's resultDue): sittingDueNow,
 * except for Step 3 booked and held to the H-1B petition's sit-by day (step3DueNow's "petition"
 * date, before ranking too). That day is met by the sitting, but it stays the step's one date
 * through the exam day itself (it moved to the rank order list deadline on the exam day's morning,
 * a day programs could no longer see the result by); once the day has ended the step asks for the
 * result as any sitting's (sittingDueNow). Null on the exam day: the sit-by day stands.
 */
export function sittingDueFrom(
  context: PlanContext,
  entry: CatalogEntry,
  dates: PlanDates,
  index: number,
  own: StepOwnDate,
): DueDate | null {
  if (entry.key !== "usmle_step3" || context.applicant.visa !== "H-1B")
    return sittingDueNow(context, entry, dates, index);
  if (step3DueKind(step3DueNow(context, dates, stepRenderings(dates, index).due)) !== "petition")
    return sittingDueNow(context, entry, dates, index);
  return own.passed ? sittingDueNow(context, entry, dates, index) : null;
}
