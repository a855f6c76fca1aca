import { leadsTheList } from "../leading-step.ts";
import type { NextStep } from "../plan.ts";
import { NEEDED_FIRST_AT } from "../prerequisite-order.ts";
import type { DueStep } from "./ordering.ts";
import { urgencyRank } from "./urgency.ts";

/**
 * prerequisitesFirst (prerequisite-order.ts) on the plan's keyed next steps, once sorted and before
 * their items are taken out (orderNextSteps): the same moves, each step's prerequisites read by its
 * catalog index (the record's `third`; an interview's is past the catalog and needs none), not by a
 * Map look-up of its milestone key and a list of keys made per plan (planner bench). In place.
 */
export function neededFirst(keyed: DueStep<NextStep>[]): void {
  for (let index = 0; index < keyed.length; index++) {
    const key = keyed[index] as DueStep<NextStep>;
    const needs = NEEDED_AT[key.third];
    if (needs === undefined || (index === 0 && leadsTheList(key.item))) continue;
    const later = firstNeeded(keyed, needs, index + 1, urgencyRank(key.item.urgency));
    if (later === -1) continue;
    // Move it before the step and look at this place again: it may need a step listed later too.
    const other = keyed[later] as DueStep<NextStep>;
    keyed.splice(later, 1);
    keyed.splice(index, 0, other);
    index--;
  }
}

/**
 * NEEDED_FIRST_AT as a table: by a step's catalog index, true at the catalog index of each step it
 * needs (read by the other step's `third`; an interview's place is past it, so undefined). An
 * `includes` on the needs' list for every pair of steps was a builtin call each, about 43 a plan
 * (callgrind).
 */
const NEEDED_AT: readonly (readonly boolean[] | undefined)[] = NEEDED_FIRST_AT.map((needs) =>
  needs === undefined
    ? undefined
    : Array.from({ length: NEEDED_FIRST_AT.length }, (_, index) => needs.includes(index)),
);

/**
 * The first place from `from` on of a step among `needs` (true at catalog indexes) at urgency rank
 * `atMost` or more pressing; -1 when there is none (prerequisitesFirst's firstNeeded: the earliest
 * such place over all the needs).
 */
function firstNeeded(
  keyed: readonly DueStep<NextStep>[],
  needs: readonly boolean[],
  from: number,
  atMost: number,
): number {
  for (let at = from; at < keyed.length; at++) {
    const key = keyed[at] as DueStep<NextStep>;
    if (needs[key.third] === true && urgencyRank(key.item.urgency) <= atMost) return at;
  }
  return -1;
}
