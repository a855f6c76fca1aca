import { catalogEntry } from "../catalog/index.ts";
import type { NextStep, StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { instantOf } from "./instant-of.ts";

/**
 * STEP3_NEEDED_FOR_H1B's notice is on Step 3's own card: its next step, or Step 3 waiting for its
 * prerequisites, with no button (actionsWhileWaiting) and words naming what comes first (on another
 * step's card it offered that step's buttons: a Done recorded a Step 2 CK pass). None once finished.
 * Step 3 waiting and the notice due the rank order list deadline (`dueByRol`), it asks "rank J-1
 * programs too": on the rank order list while a next step (a waiting Step 3 said "Due in 23 hours");
 * so too once Step 3 is sat (its sitting day gone by), when the card asks only for the result, due by
 * the petition's date: "Due in 11 hours" on an exam already sat read as something still to do for it.
 */
export function step3Carrier(
  context: PlanContext,
  nextSteps: readonly NextStep[],
  dueByRol: boolean,
): NextStep | { milestone: StepSubject; waiting: string } | undefined {
  let rankList: NextStep | undefined;
  let step3: NextStep | undefined;
  for (const step of nextSteps) {
    if (step.milestone === "usmle_step3") step3 = step;
    if (step.milestone === "rank_order_list") rankList = step;
  }
  if (step3 !== undefined)
    return dueByRol && rankList !== undefined && sat(context, step3) ? rankList : step3;
  if (isFinished(statusOf(context, "usmle_step3"))) return undefined;
  if (dueByRol && rankList !== undefined) return rankList;
  const chain: StepSubject[] = [];
  chainOf(context, "usmle_step3", chain);
  for (const key of chain)
    for (const step of nextSteps)
      if (step.milestone === key)
        return {
          milestone: "usmle_step3",
          waiting: ` Step 3 cannot be booked yet; what comes first: ${step.title}.`,
        };
  return { milestone: "usmle_step3", waiting: "" };
}

/** `key`'s unfinished prerequisites (their own first, depth first), then `key`, into `chain`. */
export function chainOf(context: PlanContext, key: MilestoneKey, chain: StepSubject[]): void {
  for (const prerequisite of catalogEntry(key).prerequisites)
    if (!isFinished(statusOf(context, prerequisite.key)) && !chain.includes(prerequisite.key))
      chainOf(context, prerequisite.key, chain);
  if (!chain.includes(key)) chain.push(key);
}

/** Whether Step 3's own date (the day booked) has gone by, a whole day, as its card reads it (ownDateOf). */
function sat(context: PlanContext, step3: NextStep): boolean {
  return step3.ownDate !== undefined && instantOf(step3.ownDate.at) + DAY_MS <= context.now;
}
