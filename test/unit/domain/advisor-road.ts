import type { Plan, Reminder } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";

/**
 * Helpers for the road an advisor would plan: the plan of an input
 * in its own Match year, a step's reminders, and the longest silence about a step.
 */
const DAY = 86_400_000;

export function planFor(input: PlannerInput, now: string): Plan {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now));
}

export const sendsOf = (result: Plan, key: MilestoneKey): Reminder[] =>
  result.reminders.filter((reminder) => reminder.milestone === key);

/** The longest wait, in days, from now to the step's first reminder and between its reminders. */
export function longestSilenceDays(result: Plan, key: MilestoneKey): number {
  let previous = Date.parse(result.now);
  let longest = 0;
  for (const reminder of sendsOf(result, key)) {
    const at = Date.parse(reminder.sendAt);
    longest = Math.max(longest, (at - previous) / DAY);
    previous = at;
  }
  return longest;
}
