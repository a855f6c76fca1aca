import { basisMark } from "../date-basis.ts";
import type { PlanContext } from "./context.ts";
import { dueDay } from "./day-words.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";
import { fsmbApplyBy, step3VisaDays } from "./h1b.ts";

/**
 * Abroad, the day to apply for the B-1/B-2 visitor visa by for Step 3 sat by `sitBy`: the day the
 * chain starts (fsmbApplyBy: the visa's interview allowance, advice, with FSMB's processing beside
 * it, then a seat). Null in the US. "projected" when the sit-by day is. One per sit-by date.
 */
export function visitorVisaApplyBy(context: PlanContext, sitBy: DueDate): DueDate | null {
  const visaDays = step3VisaDays(context);
  if (visaDays === 0) return null;
  const known = visaApplyBys.get(sitBy);
  if (known !== undefined) return known;
  const applyBy = shapedDueDate({
    at: fsmbApplyBy(context, sitBy),
    zone: sitBy.zone,
    status: sitBy.status === "projected" ? "projected" : "advice",
    basis: "advice",
    source: `the day to sit Step 3 by (${sitBy.source}) less a test date and ${visaDays} days for the visitor visa's interview, FSMB's processing beside it (advice)`,
    asDay: true,
  });
  visaApplyBys.set(sitBy, applyBy);
  return applyBy;
}

const visaApplyBys = new WeakMap<DueDate, DueDate>();

/** "Pass USMLE Step 3: apply for your B-1/B-2 visitor visa by Mon 11 Jan 2027 †": the act its rungs name. */
export function visaApplyByTitle(context: PlanContext, stepTitle: string, applyBy: DueDate): string {
  return `${stepTitle}: apply for your B-1/B-2 visitor visa by ${dueDay(context, applyBy)}${basisMark(applyBy)}`;
}

/**
 * What a day to apply to FSMB by asks for: abroad, when the day counts the visitor visa's interview
 * wait beside FSMB's processing (`visaCounted`), the visa too, applied for the same day (advice);
 * a title naming FSMB alone read as if the trip to the US needed nothing. "apply to FSMB by" in
 * the US or with a visitor visa already held.
 */
export function fsmbApplyVerb(visaCounted: boolean): string {
  return visaCounted ? "apply to FSMB and for your B-1/B-2 visitor visa by" : "apply to FSMB by";
}
