import { MILESTONE_CATALOG } from "../catalog/index.ts";
import type { NextStep, OverdueStep, Reminder } from "../plan.ts";
import type { TimedReminder } from "./reminders.ts";
import { URGENCY_RANK } from "./urgency.ts";

/**
 * The plan's orderings. Each compares precomputed numbers and plain strings with < and > (never
 * locale-aware, never re-parsing ISO text), with module-level comparators so no closure is made
 * per plan: the planner runs these on every plan (see BENCHMARKS.md). Array#sort is stable, so
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

function stepOf<T>(entry: StepKeys<T>): T {
  return entry.step;
}

/** Next steps: most urgent first, then earliest driving date, catalog order, interview id. */
export function orderNextSteps(steps: readonly DueStep<NextStep>[]): NextStep[] {
  const keyed: StepKeys<NextStep>[] = [];
  for (const entry of steps) keyed.push(keysOf(entry, URGENCY_RANK[entry.step.urgency]));
  return keyed.sort(compareStepKeys).map(stepOf);
}

/** Overdue steps: earliest deadline first, then catalog order, interview id. */
export function orderOverdue(steps: readonly DueStep<OverdueStep>[]): OverdueStep[] {
  const keyed: StepKeys<OverdueStep>[] = [];
  for (const entry of steps) keyed.push(keysOf(entry, 0));
  return keyed.sort(compareStepKeys).map(stepOf);
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
  reminders.sort(compareReminders);
  const ordered: Reminder[] = new Array(reminders.length);
  for (let index = 0; index < reminders.length; index++) {
    ordered[index] = (reminders[index] as TimedReminder).reminder;
  }
  return ordered;
}
