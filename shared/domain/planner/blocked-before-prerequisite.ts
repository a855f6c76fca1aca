import type { BlockedStep, Deadline, NextStep, OverdueStep } from "../plan.ts";

/**
 * A blocked step is never due before a step it waits for can be done. Most dates are counted back
 * from the later step's (the DS-2019 a month before the J-1 visa), so the order holds; a step's own
 * date moved later by what it waits on (ECFMG's review of a sponsorship completed late dates the
 * DS-2019 by the review's last day; a petition filed late is due by its approval) can pass the date
 * of the step waiting on it. That step's date is then one it cannot meet: its row read "overdue since
 * Wed 16 Jun" beside the DS-2019 it waits for, due Thu 17 Jun. Such a blocked step shows no date of
 * its own (no deadline, no target, no "overdue since"): what it waits for carries the date, and the
 * visa risk says when the visa can come or that the start is out of reach. Mutates `blocked`'s rows.
 */
export function undateBlockedBeforePrerequisite(
  blocked: readonly BlockedStep[],
  nextSteps: readonly NextStep[],
  overdue: readonly OverdueStep[],
): void {
  for (const step of blocked) {
    const own = step.deadline ?? step.overdueSince;
    if (own === undefined) continue;
    const at = Date.parse(own.at);
    let later = false;
    for (const key of step.waitingFor) {
      const date = dateOf(key, nextSteps, overdue, blocked);
      if (date !== undefined && Date.parse(date.at) > at) later = true;
    }
    if (!later) continue;
    delete step.deadline;
    delete step.overdueSince;
    delete step.target;
    delete step.targetFor;
  }
}

/** The date the row of step `key` shows: a next step's or an overdue step's deadline, a blocked one's. */
function dateOf(
  key: string,
  nextSteps: readonly NextStep[],
  overdue: readonly OverdueStep[],
  blocked: readonly BlockedStep[],
): Deadline | undefined {
  const next = nextSteps.find((step) => step.milestone === key && step.interviewId === undefined);
  if (next !== undefined) return next.deadline;
  const late = overdue.find((step) => step.milestone === key);
  if (late !== undefined) return late.deadline;
  const waiting = blocked.find((step) => step.milestone === key);
  return waiting?.deadline ?? waiting?.overdueSince;
}
