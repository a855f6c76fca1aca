import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { BlockedStep, Deadline, NextStep, OverdueStep } from "../plan.ts";
import { instantOf } from "./instant-of.ts";

/**
 * The post-Match visa chain (catalog stage "visa"), whose dates are counted back from one another:
 * the only steps whose order a moved date can break. A step waiting on the ECFMG certificate (due by
 * residency's start, needed earlier by the steps that wait on it) is judged by that need, not here.
 */
const VISA_CHAIN: ReadonlySet<string> = new Set(
  MILESTONE_CATALOG.filter((entry) => entry.stage === "visa").map((entry) => entry.key),
);

/**
 * A blocked step is never due before a step it waits for can be done. Most dates are counted back
 * from the later step's (the DS-2019 a month before the J-1 visa), so the order holds; a step's own
 * date moved later by what it waits on (ECFMG's review of a sponsorship completed late dates the
 * DS-2019 by the review's last day; a petition filed late is due by its approval) can pass the date
 * of the step waiting on it. That step's date is then one it cannot meet: its row read "overdue since
 * Wed 16 Jun" beside the DS-2019 it waits for, due Thu 17 Jun. Such a blocked step of the visa chain
 * (VISA_CHAIN), behind a step of the chain dated after it, shows no date of
 * its own (no deadline, no target, no "overdue since"): what it waits for carries the date, and the
 * visa risk says when the visa can come or that the start is out of reach. Mutates `blocked`'s rows.
 */
export function undateBlockedBeforePrerequisite(
  blocked: readonly BlockedStep[],
  nextSteps: readonly NextStep[],
  overdue: readonly OverdueStep[],
): void {
  for (const step of blocked) {
    if (!VISA_CHAIN.has(step.milestone)) continue;
    const own = step.deadline ?? step.overdueSince;
    if (own === undefined) continue;
    let later = false;
    for (const key of step.waitingFor) {
      if (!VISA_CHAIN.has(key)) continue;
      const date = dateOf(key, nextSteps, overdue, blocked);
      if (date !== undefined && instantOf(date.at) > instantOf(own.at)) later = true;
    }
    if (!later) continue;
    delete step.deadline;
    delete step.overdueSince;
    delete step.target;
    delete step.targetFor;
  }
}

/**
 * The date the row of step `key` plans it by: its target while it shows one (the day it is aimed at,
 * as the certificate is by the J-1 sponsorship's day), else its deadline; an overdue step's deadline;
 * a blocked one's the same way.
 */
function dateOf(
  key: string,
  nextSteps: readonly NextStep[],
  overdue: readonly OverdueStep[],
  blocked: readonly BlockedStep[],
): Deadline | undefined {
  const next = nextSteps.find((step) => step.milestone === key && step.interviewId === undefined);
  if (next !== undefined) return next.target ?? next.deadline;
  const late = overdue.find((step) => step.milestone === key);
  if (late !== undefined) return late.deadline;
  const waiting = blocked.find((step) => step.milestone === key);
  return waiting?.target ?? waiting?.deadline ?? waiting?.overdueSince;
}
