import type { NextStep } from "../plan.ts";
import { DAY_MS } from "../time.ts";
import { SOON_WITHIN_DAYS, URGENT_WITHIN_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";

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
