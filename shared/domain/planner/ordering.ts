import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { NextStep, OverdueStep, Reminder } from "../plan.ts";
import type { TimedReminder } from "./reminders.ts";
import { URGENCY_RANK } from "./urgency.ts";

/**
 * The plan's orderings. Each compares precomputed numbers and plain strings with < and > (never
 * locale-aware, never re-parsing ISO text), with module-level comparators so no closure is made
 * per plan: the planner runs these on every plan (see BENCHMARKS.md). The sort is stable, so
 * equal keys keep their insertion order.
 */

/** Each milestone's place in the catalog: the last tie-break when ordering steps. */
const CATALOG_ORDER: ReadonlyMap<string, number> = new Map(
  MILESTONE_CATALOG.map((entry, index) => [entry.key, index]),
);

/** A step with the instant that drives it (Infinity when none), as the planner collects it. */
export interface DueStep<T extends NextStep | OverdueStep> {
  step: T;
  due: number;
}

interface StepKeys<T> {
  step: T;
  urgency: number;
  due: number;
  catalog: number;
  interview: string;
}

function keysOf<T extends NextStep | OverdueStep>(entry: DueStep<T>, urgency: number): StepKeys<T> {
  return {
    step: entry.step,
    urgency,
    due: entry.due,
    catalog: CATALOG_ORDER.get(entry.step.milestone) ?? MILESTONE_CATALOG.length,
    interview: entry.step.interviewId ?? "",
  };
}

function compareStepKeys<T>(left: StepKeys<T>, right: StepKeys<T>): number {
  if (left.urgency !== right.urgency) return left.urgency < right.urgency ? -1 : 1;
  if (left.due !== right.due) return left.due < right.due ? -1 : 1;
  if (left.catalog !== right.catalog) return left.catalog < right.catalog ? -1 : 1;
  if (left.interview !== right.interview) return left.interview < right.interview ? -1 : 1;
  return 0;
}

/**
 * A stable merge sort (insertion sort on runs of 8, then merges). Array#sort calls a comparator
 * through the engine's built-in, which costs more than the comparison itself on the planner's
 * short lists; here the comparator is an ordinary call the optimiser can inline. Sorts `items`
 * in place and returns it; same result as Array#sort with the same comparator.
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

function orderSteps<T extends NextStep | OverdueStep>(
  steps: readonly DueStep<T>[],
  rankOf: (step: T) => number,
): T[] {
  const count = steps.length;
  const keyed: StepKeys<T>[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const entry = steps[index] as DueStep<T>;
    keyed[index] = keysOf(entry, rankOf(entry.step));
  }
  stableSort(keyed, compareStepKeys);
  const ordered: T[] = new Array(count);
  for (let index = 0; index < count; index++) ordered[index] = (keyed[index] as StepKeys<T>).step;
  return ordered;
}

function urgencyRank(step: NextStep): number {
  return URGENCY_RANK[step.urgency];
}

function noUrgency(): number {
  return 0;
}

/** Next steps: most urgent first, then earliest driving date, catalog order, interview id. */
export function orderNextSteps(steps: readonly DueStep<NextStep>[]): NextStep[] {
  return orderSteps(steps, urgencyRank);
}

/** Overdue steps: earliest deadline first, then catalog order, interview id. */
export function orderOverdue(steps: readonly DueStep<OverdueStep>[]): OverdueStep[] {
  return orderSteps(steps, noUrgency);
}

function compareReminders(left: TimedReminder, right: TimedReminder): number {
  if (left.sendAt !== right.sendAt) return left.sendAt < right.sendAt ? -1 : 1;
  if (left.deadline !== right.deadline) return left.deadline < right.deadline ? -1 : 1;
  const a = left.reminder.id;
  const b = right.reminder.id;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reminders: earliest send first, then earliest deadline, then id (ids are unique in a plan). */
export function orderReminders(reminders: TimedReminder[]): Reminder[] {
  stableSort(reminders, compareReminders);
  const ordered: Reminder[] = new Array(reminders.length);
  for (let index = 0; index < reminders.length; index++) {
    ordered[index] = (reminders[index] as TimedReminder).reminder;
  }
  return ordered;
}
