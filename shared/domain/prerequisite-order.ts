import { MILESTONE_CATALOG } from "./catalog/index.ts";
import { leadsTheList } from "./leading-step.ts";
import type { NextStep } from "./plan.ts";

/**
 * Each milestone's catalog prerequisites, made once from the static catalog: the steps it needs
 * (the ECFMG application for Step 1, whose card says FSMB registers it only once ECFMG approves it).
 * A result that may follow the step's application (`neededByOwnDate`: the OET result, a supporting
 * document of the Pathway application, due later) is not needed first: the Pathway, due first, leads.
 */
const NEEDS: ReadonlyMap<string, readonly string[]> = (() => {
  const needs = new Map<string, string[]>();
  for (const entry of MILESTONE_CATALOG) {
    const keys = new Set<string>();
    for (const prerequisite of entry.prerequisites)
      if (prerequisite.neededByOwnDate !== true) keys.add(prerequisite.key);
    if (keys.size > 0) needs.set(entry.key, [...keys]);
  }
  return needs;
})();

/**
 * Display only: the results NRMP needs (catalog `neededForRanking`) read in the order the catalog
 * plans them, the one whose target is counted back from the other's first (usmle_step1's from Step
 * 2 CK's: "Step 1 before Step 2 CK", advice), though neither needs the other
 * (a plan listed Step 2 CK above Step 1 at one urgency). The steps NEEDS names
 * and these, by step; a booked step (its own date) reads by NEEDS alone (prerequisitesFirst). The
 * planner's own order (NEEDED_FIRST_AT) keeps to the catalog's prerequisites.
 */
const READING_NEEDS: ReadonlyMap<string, readonly string[]> = (() => {
  const needs = new Map<string, string[]>();
  for (const [key, keys] of NEEDS) needs.set(key, [...keys]);
  for (const entry of MILESTONE_CATALOG) {
    const target = entry.target;
    if (target?.from !== "milestone" || entry.neededForRanking === undefined) continue;
    const later = MILESTONE_CATALOG.find((each) => each.key === target.key);
    if (later?.neededForRanking === undefined) continue;
    const keys = needs.get(later.key) ?? [];
    if (!keys.includes(entry.key)) keys.push(entry.key);
    needs.set(later.key, keys);
  }
  return needs;
})();

/**
 * NEEDS by catalog index, each prerequisite by its catalog index: the planner's keyed next steps
 * carry their step's index (needed-first.ts applies prerequisitesFirst's rule to them). Undefined
 * for a step that needs none, and past the catalog (an interview's place).
 */
export const NEEDED_FIRST_AT: readonly (readonly number[] | undefined)[] = MILESTONE_CATALOG.map((entry) =>
  NEEDS.get(entry.key)?.map((key) => MILESTONE_CATALOG.findIndex((each) => each.key === key)),
);

/**
 * Urgency, most pressing first (the planner's urgencyRank, restated: the root may not import the
 * planner). Comparisons, not a keyed read: that read goes megamorphic (callgrind).
 */
function rank(urgency: NextStep["urgency"]): number {
  return urgency === "overdue" ? 0 : urgency === "urgent" ? 1 : urgency === "soon" ? 2 : 3;
}

/**
 * `steps` (already in an order: the plan's, or the reading order) with no step listed before a step
 * it needs (its catalog prerequisites) at the same or a higher urgency: such a prerequisite moves to
 * just before it, the rest keeping their order (Step 1 was listed
 * above the ECFMG application, which it cannot be registered without). Step 1 reads so before Step
 * 2 CK too (READING_NEEDS), unless Step 2 CK is booked: the applicant's sitting keeps its place by
 * its date. A prerequisite less urgent than the step stays where it is. The step that leads
 * (leadsTheList: Match Day's question once results are out) stays first. Sorts `steps` in place and
 * returns it; most plans need no move.
 */
export function prerequisitesFirst<T extends Pick<NextStep, "milestone" | "urgency" | "title" | "ownDate">>(
  steps: T[],
): T[] {
  // Each step's milestone read once, and each prerequisite searched for with indexOf: a Set look-up
  // and a read of `milestone` per pair of steps (next steps come in many shapes, so each read is a
  // megamorphic load) would cost about 2,000 instructions a plan (callgrind).
  const keys = steps.map((step) => step.milestone as string);
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index] as T;
    const needs = (step.ownDate === undefined ? READING_NEEDS : NEEDS).get(keys[index] as string);
    if (needs === undefined || (index === 0 && leadsTheList(step))) continue;
    const later = firstNeeded(steps, keys, needs, index + 1, rank(step.urgency));
    if (later === -1) continue;
    // Move it before the step and look at this place again: it may need a step listed later too.
    const other = steps[later] as T;
    steps.splice(later, 1);
    steps.splice(index, 0, other);
    keys.splice(later, 1);
    keys.splice(index, 0, other.milestone);
    index--;
  }
  return steps;
}

/**
 * The first place from `from` on (in `steps`, whose milestones are `keys`) of a step among `needs`
 * at urgency rank `atMost` or more pressing; -1 when there is none.
 */
function firstNeeded<T extends Pick<NextStep, "urgency">>(
  steps: readonly T[],
  keys: readonly string[],
  needs: readonly string[],
  from: number,
  atMost: number,
): number {
  let first = -1;
  for (const need of needs) {
    // This prerequisite's places in order, while they come before the best one found so far.
    let at = keys.indexOf(need, from);
    while (at !== -1 && (first === -1 || at < first)) {
      if (rank((steps[at] as T).urgency) <= atMost) {
        first = at;
        break;
      }
      at = keys.indexOf(need, at + 1);
    }
  }
  return first;
}
