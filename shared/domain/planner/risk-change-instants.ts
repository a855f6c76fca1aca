import { isoUtc } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { sortAscendingInPlace } from "./sort-numbers.ts";

/**
 * Where time alone changes a plan's risks between its deadlines. Many
 * risk rules compare "now + a lead time" with a deadline (Step 3's result with the rank order list
 * deadline, the fastest pace with the season, certification with orientation): the risk appears or
 * turns critical on a day that is neither a step's deadline nor a season date. Each rule notes that
 * instant here as it decides, and the plan lists them (Plan.riskChangesAt) for the console's
 * look-ahead and the escalation timer, which re-run the planner only at instants they know of.
 * Rules in this file note, never decide: a noted instant that changes nothing costs one re-plan.
 */

/**
 * Notes `at` (epoch ms) unless it is behind the plan's instant. A rule that turns once `at` has
 * passed (`due < now`) turns just after it, so `at` equal to now is still ahead; the wake-up comes
 * just after it (reminder-policy.ts nextWakeUp). A reminder's wake-up fell on the
 * contract's deadline itself, the plan made then noted nothing, and the visa risk it turned
 * critical went unseen for eleven days, until the next reminder.
 */
export function noteRiskChange(context: PlanContext, at: number): void {
  if (at >= context.now) context.riskChangesAt.push(at);
}

/**
 * Notes when `estimate`, an instant that moves with now (now plus lead times), passes `deadline`:
 * now + (deadline − estimate). Nothing when it already has. Estimates held by a fixed date (a
 * booked exam, graduation) note an instant that changes nothing, at the cost of one re-plan.
 */
export function noteCrossing(context: PlanContext, estimate: number, deadline: number): void {
  if (estimate <= deadline) noteRiskChange(context, context.now + (deadline - estimate));
}

/**
 * Plan.riskChangesAt from the instants the rules noted (ISO UTC, ascending, distinct), or undefined
 * when none was: plan() sets the field only then (an assignment, not a spread of a record made for it).
 */
export function riskChanges(context: PlanContext): string[] | undefined {
  const noted = context.riskChangesAt;
  if (noted.length === 0) return undefined;
  // About forty instants a plan (thirty distinct), sorted in place on the plan's own scratch list (no
  // allocation, no comparator); equal instants end up adjacent.
  const sorted = sortAscendingInPlace(noted);
  // Counted first, then written into a list of that length: pushing grew its store three or four
  // times a plan, each a copy left to the collector (about 1 KB a plan, heap sampling).
  let distinct = 1;
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index] !== sorted[index - 1]) distinct++;
  }
  const instants = new Array<string>(distinct);
  let written = 0;
  for (let index = 0; index < sorted.length; index++) {
    const at = sorted[index] as number;
    // index === 0 first: reading sorted[-1] is a property look-up by name ("-1"), a slow path.
    if (index === 0 || at !== sorted[index - 1]) instants[written++] = isoUtc(at);
  }
  return instants;
}
