import type { CatalogEntry } from "../catalog/index.ts";
import type { Deadline, NextStep } from "../plan.ts";

/**
 * A milestone's next step. Every field of NextStep is written, in one order, undefined where it
 * does not apply (JSON drops those, so the plan's JSON is unchanged): optional fields added after
 * the literal gave the steps of a plan several hidden classes in V8 and a property store grown per
 * step (planner bench). Keep the order: it is the order of the keys in the plan's JSON.
 */
export function milestoneNextStep(
  entry: CatalogEntry,
  action: string,
  urgency: NextStep["urgency"],
  deadline: Deadline | undefined,
  missedDeadline: Deadline | undefined,
  matchYears: NextStep["matchYears"],
  ownDate: Deadline | undefined,
  target: Deadline | undefined,
  startBy: string | undefined,
  prerequisitePending = false,
): NextStep {
  return {
    milestone: entry.key,
    interviewId: undefined,
    title: entry.title,
    why: entry.why.text,
    action,
    dueBy: deadline === undefined ? null : deadline.at,
    urgency,
    deadline,
    missedDeadline,
    matchYears,
    ownDate,
    target,
    startBy,
    prerequisitePending: prerequisitePending ? true : undefined,
    sources: undefined,
  };
}
