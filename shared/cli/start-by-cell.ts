import type { NextStep } from "#domain/plan.ts";
import { localDate, renderDate } from "#domain/time.ts";

/**
 * A step with no target shows its latest safe start while it is ahead and before its deadline
 * ("start by Mon 1 Mar 2027 †", our advice: the deadline less the step's lead time): the badge
 * counts from it (stepUrgency), so a step urgent weeks before its deadline says why. "-" otherwise.
 */
export function startByCell(
  step: Pick<NextStep, "startBy" | "deadline">,
  now: string,
  timezone: string,
): string {
  if (step.startBy === undefined || step.deadline === undefined) return "-";
  const at = Date.parse(step.startBy);
  if (at <= Date.parse(now) || at >= Date.parse(step.deadline.at)) return "-";
  // A start at local midnight is the end of the day before: that day is the last to start on (Step 1's
  // 120 days before a sitting day that ends at midnight read "start by Tue 1 Jun" beside
  // MATCH_YEAR_LAST_DAY's "act by Mon 31 May, 4:00 PM").
  return `start by ${renderDate(localDate(timezone, at - 1))} †`;
}
