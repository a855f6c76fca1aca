import { DAY_MS, fromWall, MINUTE_MS, toWall, wallDayStart } from "../time.ts";
import type { PlanContext } from "./context.ts";

// The delivery slots that anchor a reminder ladder's rungs on a day (ladders.ts).

/**
 * The latest delivery slot on or before the wall instant's day that is before the deadline: a
 * reminder is of use only before the time it names, so a deadline at the delivery time itself (a
 * target set at the applicant's slot) has its day's rung on the day before.
 */
export function slotNotAfter(context: PlanContext, anchorWall: number, deadline: number): number {
  let wall = wallDayStart(anchorWall) + context.deliveryMinute * MINUTE_MS;
  let sendAt = fromWall(context.zone, wall);
  while (sendAt >= deadline) {
    wall -= DAY_MS;
    sendAt = fromWall(context.zone, wall);
  }
  return sendAt;
}

/**
 * The slot of a step's "start now" (or "book now") rung for a latest start (or booking day) at
 * `at`: on the last day to start on, never after it. A start at local midnight is the end of the
 * day before, as the row and the calendar feed show it (start-by-cell.ts): a whole-day date less
 * its lead time read "start by Sat 19 Dec" on the step's row while its "Start now" email went on
 * Sun 20 Dec.
 */
export function startBySlot(context: PlanContext, at: number, deadline: number): number {
  return slotNotAfter(context, toWall(context.zone, at - 1), deadline);
}
