import type { NextStep } from "../plan.ts";
import { DAY_MS } from "../time.ts";
import { SOON_WITHIN_DAYS, URGENT_WITHIN_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import type { StepOwnDate } from "./own-date.ts";

/**
 * overdue: the deadline passed; urgent: due within 7 days, or the latest safe start passed on a
 * step not yet started; soon: due within 30 days; later: everything else (or no deadline).
 */
export function urgencyOf(
  context: PlanContext,
  due: number | null,
  startBy: number | null,
  notStarted: boolean,
): NextStep["urgency"] {
  if (due === null) return "later";
  if (due < context.now) return "overdue";
  if (due - context.now <= URGENT_WITHIN_DAYS * DAY_MS) return "urgent";
  if (notStarted && startBy !== null && startBy <= context.now) return "urgent";
  if (due - context.now <= SOON_WITHIN_DAYS * DAY_MS) return "soon";
  return "later";
}

export const URGENCY_RANK: Readonly<Record<NextStep["urgency"], number>> = {
  overdue: 0,
  urgent: 1,
  soon: 2,
  later: 3,
};

/**
 * A passed own date's urgency: "urgent" (the result is pending: did the sitting happen, what was
 * the result?), never "overdue": the step's deadline has not passed, the applicant has acted
 * (tester s7 issue 14 C3: "Overdue" 4½ months before the deadline). A passed deadline is
 * planned elsewhere (overdue steps). Null when no own date has passed.
 */
export function ownDateUrgency(own: StepOwnDate | null): "urgent" | null {
  return own?.passed === true ? "urgent" : null;
}

/**
 * An own date ahead but after the step's deadline `due`: "urgent", the date must move now (tester
 * s8 issue 14b B1: an OET booked past its last usable day read "Later" beside "after the
 * deadline"). Null otherwise: it yields to a passed own date, and a passed deadline stays overdue
 * (as does one of the applicant's Match missed).
 */
export function lateOwnDateUrgency(
  own: StepOwnDate | null,
  due: DueDate | null,
  now: number,
): "urgent" | null {
  return own !== null && !own.passed && due !== null && due.at >= now && own.due.at > due.at
    ? "urgent"
    : null;
}
