import { basisMark } from "../date-basis.ts";
import type { PlanContext } from "./context.ts";
import { dayBy } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { resultDueAt } from "./result-deadline.ts";

/**
 * A sitting dated while the plan is dated for a later Match than the applicant targets (the target
 * Match out of reach, MATCH_YEAR_NOT_FEASIBLE, or over): which Match the sitting counts for and,
 * while it is ahead, when that Match needs its result (a 2027 OET sitting
 * read beside "the deadline is Tue 4 Jan 2028", the later Match's last sitting day). With a leading
 * space; "" for a plan dated for its own Match, a step that is no sitting (`resultDue` null: a
 * Pathway application belongs to one season's Pathways), or no date.
 */
export function laterMatchSittingNote(
  context: PlanContext,
  stepDates: PlanDates,
  index: number,
  own: { passed: boolean; due: DueDate } | null,
): string {
  const year = stepDates.calendar.matchYear;
  if (own === null || year === context.calendar.matchYear) return "";
  const resultDue = resultDueAt(stepDates.calendar, index);
  if (resultDue === null) return "";
  const counts = ` This sitting counts for the ${year} Match, the one your plan is now dated for`;
  // Once sat, the step's own text names the result's deadline (its {due}).
  if (own.due.at < context.now) return `${counts}.`;
  const projected = basisMark(resultDue);
  return `${counts}: its result is needed by ${dayBy(context, resultDue.at)}${projected}.`;
}
