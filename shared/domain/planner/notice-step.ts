import type { NextStep, StepSubject } from "../plan.ts";

/**
 * The step a notice is about: the first named one that is a next step, else the first next
 * milestone step whose own deadline is not the notice's (else the step's ladder would carry the
 * notice's day and joinLateArrivals would drop the notice as a stale rung of that ladder).
 * A warning's notice too (warning-risk-notice.ts).
 */
export function stepFor(
  named: readonly StepSubject[],
  nextSteps: readonly NextStep[],
  noticeDeadline: string,
): NextStep | undefined {
  // Plain indexed loops, no closure nor iterator per call: this runs for every critical risk of
  // every plan (for-of's iterator results showed in the planner bench's heap profile).
  for (let at = 0; at < named.length; at++) {
    const key = named[at] as StepSubject;
    if (key === "interview") continue;
    for (let index = 0; index < nextSteps.length; index++) {
      const step = nextSteps[index] as NextStep;
      if (step.milestone === key) return step;
    }
  }
  let firstMilestone: NextStep | undefined;
  for (let index = 0; index < nextSteps.length; index++) {
    const step = nextSteps[index] as NextStep;
    if (step.milestone === "interview") continue;
    if (step.dueBy !== noticeDeadline) return step;
    firstMilestone ??= step;
  }
  return firstMilestone;
}
