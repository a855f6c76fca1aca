import type { NextStep } from "#domain/plan.ts";
import { shownStartByDay } from "#domain/start-by-day.ts";
import { renderDate } from "#domain/time.ts";

/**
 * A step with no target shows its latest safe start while it is ahead and before its deadline
 * ("start by Mon 1 Mar 2027 †", our advice: the deadline less the step's lead time): the badge
 * counts from it (stepUrgency), so a step urgent weeks before its deadline says why. "-" otherwise.
 * The day is the calendar feed's "Start:" day and the card's (shownStartByDay).
 */
export function startByCell(
  step: Pick<NextStep, "startBy" | "deadline">,
  now: string,
  timezone: string,
): string {
  const day = shownStartByDay(step, now, timezone);
  return day === undefined ? "-" : `start by ${renderDate(day)} †`;
}
