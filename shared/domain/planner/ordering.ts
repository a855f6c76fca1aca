import { MILESTONE_CATALOG } from "../catalog/index.ts";
import { leadsTheList } from "../leading-step.ts";
import { type NextStep, type OverdueStep, RISK_CODES, type Risk } from "../plan.ts";
import { neededFirst } from "./needed-first.ts";
import { urgencyRank } from "./urgency.ts";

/**
 * The plan's orderings. Each compares precomputed numbers and plain strings with < and > (never
 * locale-aware, never re-parsing ISO text): the planner runs these on every plan (see
 * BENCHMARKS.md). The sort is stable, so equal keys keep their insertion order.
 *
 * The steps go through one record shape (OrderKeys) and one comparator (compareKeys),
 * so stableSort's call to its comparator only ever meets that one function and V8 inlines it.
 * With a comparator per list (steps, reminders) that call site met several functions and was
 * never inlined (node --trace-turbo-inlining): a real call per comparison, a few hundred per plan.
 * Keep it that way: a new ordering builds OrderKeys. The reminders, the longest list, are sorted
 * as packed numbers instead (orderReminders, reminder-order.ts); only lists too long or instants too
 * far out to pack go through stableSort with their own comparator.
 * The risks, a short list, are insertion-sorted on one number each (orderRisks), which allocates
 * no record per risk.
 */

/**
 * A step as the planner collects it, already keyed for orderNextSteps and orderOverdue: its
 * urgency rank (0 for every overdue step), the instant that drives it (Infinity when none), its
 * catalog place, its interview id. Keyed where it is made, from what the maker knows (the step's
 * catalog index, its urgency), rather than read back from the step when sorted: next steps come in
 * many shapes (optional fields), and those reads were megamorphic (callgrind), with a catalog
 * look-up per step besides.
 */
export type DueStep<T extends NextStep | OverdueStep> = OrderKeys<T>;

/** A next step with its urgency, driving instant, catalog index (INTERVIEW_ORDER for an interview) and interview id. */
export function dueNextStep(
  step: NextStep,
  urgency: NextStep["urgency"],
  due: number,
  catalog: number,
  interviewId: string,
): DueStep<NextStep> {
  return orderKeys(step, urgencyRank(urgency), due, catalog, interviewId);
}

/** An overdue milestone step with its deadline and catalog index. */
export function dueOverdueStep(step: OverdueStep, due: number, catalog: number): DueStep<OverdueStep> {
  return orderKeys(step, 0, due, catalog, "");
}

/** An interview's step is ordered after every milestone's (its "catalog index" for dueNextStep). */
export const INTERVIEW_ORDER = MILESTONE_CATALOG.length;

/** What one item is ordered by: `first`, then `second`, then `third` ascending, then `text`. */
interface OrderKeys<T> {
  item: T;
  first: number;
  second: number;
  third: number;
  text: string;
}

function orderKeys<T>(item: T, first: number, second: number, third: number, text: string): OrderKeys<T> {
  return { item, first, second, third, text };
}

function compareKeys<T>(left: OrderKeys<T>, right: OrderKeys<T>): number {
  if (left.first !== right.first) return left.first < right.first ? -1 : 1;
  if (left.second !== right.second) return left.second < right.second ? -1 : 1;
  if (left.third !== right.third) return left.third < right.third ? -1 : 1;
  if (left.text !== right.text) return left.text < right.text ? -1 : 1;
  return 0;
}

/** Sorts the keyed items (stable) and returns the items alone, in order; `after` may move them once sorted. */
function ordered<T>(keyed: OrderKeys<T>[], after?: (sorted: OrderKeys<T>[]) => void): T[] {
  stableSort(keyed, compareKeys);
  after?.(keyed);
  const items: T[] = new Array(keyed.length);
  for (let index = 0; index < keyed.length; index++) items[index] = (keyed[index] as OrderKeys<T>).item;
  return items;
}

/**
 * A stable merge sort (insertion sort on runs of 8, then merges). Array#sort calls a comparator
 * through the engine's built-in, which costs more than the comparison itself on the planner's
 * short lists; here the comparator is an ordinary call the optimiser can inline, as long as the
 * planner passes it one comparator only (compareKeys, see above). Sorts `items` in place and
 * returns it; same result as Array#sort with the same comparator.
 */
export function stableSort<T>(items: T[], compare: (left: T, right: T) => number): T[] {
  const count = items.length;
  for (let start = 0; start < count; start += RUN) {
    const end = Math.min(start + RUN, count);
    for (let index = start + 1; index < end; index++) {
      const item = items[index] as T;
      let at = index - 1;
      while (at >= start && compare(items[at] as T, item) > 0) {
        items[at + 1] = items[at] as T;
        at--;
      }
      items[at + 1] = item;
    }
  }
  if (count <= RUN) return items;
  let from = items;
  let into: T[] = new Array(count);
  for (let width = RUN; width < count; width *= 2) {
    for (let start = 0; start < count; start += 2 * width) {
      const middle = Math.min(start + width, count);
      const end = Math.min(start + 2 * width, count);
      let left = start;
      let right = middle;
      let out = start;
      while (left < middle && right < end) {
        // Ties take the left run first: that keeps the sort stable.
        if (compare(from[right] as T, from[left] as T) < 0) into[out++] = from[right++] as T;
        else into[out++] = from[left++] as T;
      }
      while (left < middle) into[out++] = from[left++] as T;
      while (right < end) into[out++] = from[right++] as T;
    }
    const swap = from;
    from = into;
    into = swap;
  }
  if (from !== items) for (let index = 0; index < count; index++) items[index] = from[index] as T;
  return items;
}

const RUN = 8;

/**
 * Next steps: the step that leads (Match Day's question once results are out: leadsTheList)
 * first, then most urgent first, earliest driving date, catalog order, interview id; then
 * no step before a step it needs at the same or a higher urgency (prerequisitesFirst's rule,
 * moved on the keyed records before the items are taken out: needed-first.ts).
 */
export function orderNextSteps(steps: readonly DueStep<NextStep>[]): NextStep[] {
  const keyed = steps.slice();
  // Match Day's step found by its catalog place, a read of the one OrderKeys shape: reading
  // `item.milestone` on every step was a megamorphic load each (next steps come in many shapes).
  for (let index = 0; index < keyed.length; index++) {
    const key = keyed[index] as DueStep<NextStep>;
    if (key.third === MATCH_DAY_AT && leadsTheList(key.item)) key.first = -1;
  }
  return ordered(keyed, neededFirst);
}

/** Match Day's catalog index: its step's `third` key (dueNextStep). */
const MATCH_DAY_AT = MILESTONE_CATALOG.findIndex((entry) => entry.key === "match_day");

/** Overdue steps: earliest deadline first, then catalog order, interview id. */
export function orderOverdue(steps: readonly DueStep<OverdueStep>[]): OverdueStep[] {
  return ordered(steps.slice());
}

/** Each code's place in RISK_CODES, looked up once per risk rather than in every comparison. */
const RISK_CODE_ORDER: ReadonlyMap<string, number> = new Map(RISK_CODES.map((code, index) => [code, index]));

/**
 * Risks: critical before warning, then RISK_CODES order; equal ones keep the rules' order. A plan has
 * a handful: an insertion sort (stable: an item moves only past greater ranks) on one number per
 * risk, in place in `risks` (assessRisks' own list, made for this plan) with the ranks in one kept
 * scratch array, rather than an OrderKeys record per risk and stableSort, or a copy and a ranks array
 * per plan (the planner bench's heap profile showed them on every plan). The same order as stableSort
 * with compareKeys on (severity, code order). Returns `risks`.
 */
export function orderRisks(risks: Risk[]): Risk[] {
  if (risks.length > riskRanks.length) riskRanks = new Int32Array(risks.length * 2);
  const ranks = riskRanks;
  for (let index = 0; index < risks.length; index++) {
    const risk = risks[index] as Risk;
    // Severity first, then the code's place (an unknown code, -1, before every known one).
    const code = (RISK_CODE_ORDER.get(risk.code) ?? -1) + 1;
    const rank = (risk.severity === "critical" ? 0 : RISK_CODES.length + 1) + code;
    let at = index - 1;
    while (at >= 0 && (ranks[at] as number) > rank) {
      ranks[at + 1] = ranks[at] as number;
      risks[at + 1] = risks[at] as Risk;
      at--;
    }
    ranks[at + 1] = rank;
    risks[at + 1] = risk;
  }
  return risks;
}

/** orderRisks' ranks, grown as a longer list comes: read only within one call. */
let riskRanks = new Int32Array(32);
