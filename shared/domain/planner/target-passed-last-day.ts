import type { NextStep, Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS } from "../time.ts";
import { instantOf } from "./instant-of.ts";

// TARGET_PASSED beside MATCH_YEAR_LAST_DAY: an
// exam's far deadline is not the latest day that works while the Match hinges on an earlier one.

/**
 * Whether MATCH_YEAR_LAST_DAY names the step with a last day before the day its deadline `dueAt` ends:
 * then that deadline is not "the latest day that still works".
 */
export function lastDayFirst(
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
  key: MilestoneKey,
  dueAt: number,
): boolean {
  for (const risk of risks) {
    if (risk.code !== "MATCH_YEAR_LAST_DAY" || risk.lastWorkingAt === undefined) continue;
    if (!risk.milestones.includes(key)) continue;
    const at = instantOf(risk.lastWorkingAt);
    // Its last working minute within the deadline's last 24 hours is that day itself: the OET dated
    // by the later candidate's Tue 12 Jan, whose critical's last minute is 11:59 PM that day, read
    // "the Match hinges on an earlier day" beside that day on its row.
    if (at <= dueAt - DAY_MS && !anotherStepsDay(risk, nextSteps, key, at)) return true;
  }
  return false;
}

/**
 * Whether the last day `at` is another named step's own deadline (within a day): a Pathway's
 * projected deadline is not the OET's day, whose own deadline stays the latest that works for it.
 */
function anotherStepsDay(risk: Risk, nextSteps: readonly NextStep[], key: MilestoneKey, at: number): boolean {
  for (const step of nextSteps) {
    if (step.milestone === key || step.dueBy === null || !risk.milestones.includes(step.milestone)) continue;
    if (Math.abs(instantOf(step.dueBy) - at) <= DAY_MS) return true;
  }
  return false;
}

/**
 * The sentence with its last day left to MATCH_YEAR_LAST_DAY: "The latest day that still works is
 * Wed 2 Feb 2028 (projected)." read as plenty of time beside "act by Mon 7 Jun 2027".
 */
export function earlierDayWords(text: string): string {
  return text.replace(
    /The latest day that still works is (.+)\.$/,
    "Its deadline is $1, but the Match hinges on an earlier day: act by the last day named for keeping this Match.",
  );
}
