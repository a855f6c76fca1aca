import type { CatalogEntry } from "../catalog/index.ts";
import { basisMark } from "../date-basis.ts";
import type { Deadline } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { movingTargetDay, movingWords } from "./slipped-step-targets.ts";
import { type SlippedTarget, subjectOf } from "./slipped-targets.ts";

// What the notice and follow-ups of a step whose target moves with a late prerequisite say
// (target-passed.ts, in place of "your target date has passed"): the target moved, to a day.

/** "Pass USMLE Step 1: your target moved later", made once per step title. */
export function movedTitle(entry: CatalogEntry): string {
  let title = titles.get(entry.title);
  if (title === undefined) {
    title = `${entry.title}: your target moved later`;
    titles.set(entry.title, title);
  }
  return title;
}

/** Titles per (static) catalog title. */
const titles = new Map<string, string>();

/**
 * The why: where the target was, the day it reads today and why it keeps moving (the step before it
 * is not done), what to do now, and the latest day that still works. Reads `now` (the moving day):
 * made afresh, never kept.
 */
export function movedWhy(
  context: PlanContext,
  entry: CatalogEntry,
  slip: SlippedTarget,
  dueAt: number,
  dueDetail: Deadline,
): string {
  const moved = movingTargetDay(slip, context.zone);
  const dueDay = `${dueDetail.precision === "day" ? dueDetail.local : dayBy(context, dueAt)}${basisMark(dueDetail)}`;
  const reporting = entry.reportingDays?.days;
  const act =
    reporting === undefined
      ? "Every week of waiting moves the steps after it later."
      : `Start preparing now: results take up to ${reporting} days, so every week of waiting moves your result later in the season.`;
  return `Your target for ${subjectOf(entry.key)} was ${dayBy(context, slip.planned.at)}; it moved with your ${subjectOf(slip.after.key)}, not done yet, to about ${slip.after.gapDays} days after it: ${moved.local}${basisMark(moved)}, ${movingWords(slip)}. ${act} The latest day that still works is ${dueDay}.`;
}
