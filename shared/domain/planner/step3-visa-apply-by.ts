import { basisMark } from "../date-basis.ts";
import { EXAM_BOOKING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dueDay } from "./day-words.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";
import { step3VisaDays } from "./h1b.ts";

/**
 * Abroad, the day to apply for the B-1/B-2 visitor visa by for Step 3 sat by `sitBy`: a seat before
 * it, and the visa's interview allowance before that (step3VisaDays, advice), FSMB processing beside
 * it (sideBySideDays' arithmetic). It binds before FSMB's own day, since the visa's wait is the
 * longer. Null in the US. "projected" when the sit-by day is. One per sit-by date.
 */
export function visitorVisaApplyBy(context: PlanContext, sitBy: DueDate): DueDate | null {
  const visaDays = step3VisaDays(context);
  if (visaDays === 0) return null;
  const known = visaApplyBys.get(sitBy);
  if (known !== undefined) return known;
  const seat = shiftDays(sitBy.at, sitBy.zone, -EXAM_BOOKING_DAYS);
  const applyBy = shapedDueDate({
    at: shiftDays(seat, sitBy.zone, -visaDays),
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
