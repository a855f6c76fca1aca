import type { NextStep } from "./plan.ts";
import { ET_ZONE, localDate } from "./time.ts";

/**
 * The calendar day (ISO) of an instant, taking the earlier of the applicant's local day and the ET
 * day, so a "by" day never lands after the instant anywhere the applicant looks (the planner's
 * dayBy names its days so: the first gate's card read "start by Mon 28 Dec 2026" where the calendar
 * feed put Auckland's "Start:" on Tue 29 Dec, 9:00 AM ET being 3:00 AM there the next day).
 */
export function earlierDayOf(zone: string, at: number): string {
  const local = localDate(zone, at);
  const et = localDate(ET_ZONE, at);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as text; Math.min would make them NaN.
  return local < et ? local : et;
}

/**
 * The day a step's latest safe start (NextStep.startBy) names on the displays that show one (the
 * calendar feed's "Start:" event, the CLI's row): the day of its last moment (a start at local
 * midnight names the day before), the earlier of the applicant's and the ET day (earlierDayOf), as
 * the step's card names it (Karachi's "start by Sun 2 May" for 10:00 PM ET on Sat 1 May named a day
 * whose morning was already past the latest start). Undefined when there is none to show: no
 * start-by (the planner gives one only to a step not begun: a certificate in progress read "Start by
 * Sat 17 Apr to finish in time"); one that has passed, no day to start by, as the step is pressed
 * now by its card and emails ("Start: 4 Feb" stood in the feed of a Statement of Need that could
 * begin only on Match Day, 19 Mar); or a day not before the deadline's own, no advice to start "days
 * before".
 */
export function shownStartByDay(
  step: Pick<NextStep, "startBy" | "deadline">,
  now: string,
  zone: string,
): string | undefined {
  if (step.startBy === undefined || step.deadline === undefined) return undefined;
  const at = Date.parse(step.startBy);
  const nowAt = Date.parse(now);
  if (at <= nowAt) return undefined;
  // While the start is ahead its day stays, even east of New York where that ET day is already the
  // applicant's yesterday (Auckland at 1:00 AM Tue 29 Dec, the start at 9:00 AM ET Mon 28 Dec): the
  // card still says start by it.
  const day = earlierDayOf(zone, at - 1);
  return day < earlierDayOf(zone, Date.parse(step.deadline.at) - 1) ? day : undefined;
}
