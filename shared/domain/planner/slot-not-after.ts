import type { Deadline } from "../plan.ts";
import { earlierDayOf } from "../start-by-day.ts";
import { DAY_MS, fromWall, MINUTE_MS, toWall, wallDayStart, wallFromDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { opensAt } from "./date-math.ts";

// The delivery slots that anchor a reminder ladder's rungs on a day (ladders.ts).

/**
 * The wall instant a ladder's rung days count back from (`deadline` rendered as `detail`). The
 * deadline's last local day: an end at a local midnight (Lagos at 6:00 PM ET, a last sitting day)
 * closes the day before, its instant less 1 ms; a start keeps its day. A date shown as a day
 * (precision "day": a target, "Wed 27 Jan 2027") counts from the day shown when that is earlier:
 * a target at 9:00 AM ET is 3:00 AM the next day in Auckland, where its 14-, 3- and 1-day rungs
 * went a day late, the last "aim to finish today" on the very day the card named.
 */
export function rungDayWall(context: PlanContext, detail: Deadline, deadline: number): number {
  const ends = !opensAt(context.calendar, detail.status, deadline);
  const own = toWall(context.zone, deadline - (ends ? 1 : 0));
  if (detail.precision !== "day" || detail.day === undefined) return own;
  const shown = wallFromDate(detail.day, 0);
  return shown < wallDayStart(own) ? shown : own;
}

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
 * The slot of an exam's "book now" rung for a booking day at `at` (and of a "start now" rung on its
 * own local day: startOnCardDay): on the last day to book on, never after it. A start at local midnight is the end of the
 * day before, as the row and the calendar feed show it (start-by-cell.ts): a whole-day date less
 * its lead time read "start by Sat 19 Dec" on the step's row while its "Start now" email went on
 * Sun 20 Dec.
 */
export function startBySlot(context: PlanContext, at: number, deadline: number): number {
  return slotNotAfter(context, toWall(context.zone, at - 1), deadline);
}

/**
 * Moves the "start now" rung at `candidates[startIndex]` (laid by startBySlot on its own local day,
 * its latest start at `at`) to the day its card and the calendar feed name (shownStartByDay), the
 * earlier of the applicant's and the ET day: east of New York its email came the morning after that
 * day (Auckland's rank list read "start by Wed 3 Feb" for 9:00 PM ET that day, 3:00 PM Thu 4 Feb
 * there, and "Start now" went on Thu 4 Feb). A rung listed after it on that own day's slot goes with
 * it, so what was one email stays one, the later rung speaking as on any shared slot, as in New York
 * where both fall on the card's day (NRMP's start-by and "due in 14 days", laid on Tue 17 Nov in
 * Auckland, where the card says Mon 16 Nov). Returns the own day's slot when the rung moved.
 */
export function startOnCardDay(
  context: PlanContext,
  candidates: (number | null)[],
  startIndex: number,
  at: number,
  deadline: number,
): number | undefined {
  const ownDay = candidates[startIndex] as number;
  const cardDay = slotNotAfter(context, wallFromDate(earlierDayOf(context.zone, at - 1), 0), deadline);
  if (cardDay >= ownDay) return undefined;
  for (let index = startIndex; index < candidates.length; index++)
    if (candidates[index] === ownDay) candidates[index] = cardDay;
  return ownDay;
}
