import { type CatalogEntry, catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { startOfLocalDate } from "../time.ts";
import { bookedLateWords } from "./booked-late-words.ts";
import { stepIndex } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { sittingAfterLastDay } from "./last-sitting-day.ts";
import { stepRenderings } from "./step-renderings.ts";
import { fill } from "./step-text.ts";

/**
 * The warning of the step at catalog `index` that a result it needs by its own date (a
 * `neededByOwnDate` prerequisite: the OET for the Pathway) is booked ahead but after that result's
 * deadline: the result's own `scheduledAfterDeadline` text, with a leading space; "" otherwise (the
 * Pathway card said "you submit the application once your OET result is in" beside a late OET).
 * The same test as EXAMS_LATE_FOR_RANKING: the day ahead, and after the deadline instant.
 */
export function lateResultWarning(context: PlanContext, index: number, dates: PlanDates): string {
  let said = "";
  for (const needed of NEEDED_BY_OWN_DATE_AT[index] ?? []) {
    const given = context.entries.at(needed.index);
    if (given?.date === undefined || (given.status !== "scheduled" && given.status !== "in_progress"))
      continue;
    const text = needed.entry.statusActions?.scheduledAfterDeadline;
    const due = stepRenderings(dates, needed.index).due;
    const day = startOfLocalDate(context.zone, given.date);
    if (text === undefined || due === null || day < context.now) continue;
    if (!sittingAfterLastDay(context, needed.entry.key, day, due)) continue;
    // The OET card's own words while the later candidate keeps the Match.
    const first = fill(context, text.slice(0, text.indexOf(". ") + 1), needed.entry, given, due);
    said += ` ${bookedLateWords(context, needed.entry.key, first, given.date, day, due as DueDate) ?? fill(context, text, needed.entry, given, due)}`;
  }
  return said;
}

/**
 * Each step's results needed by its own date (its `neededByOwnDate` prerequisites: the Pathway's
 * OET), by catalog index, from the static catalog: most cards have none, and reading every card's
 * prerequisites for the flag on every plan showed in the planner bench.
 */
const NEEDED_BY_OWN_DATE_AT: readonly (readonly { entry: CatalogEntry; index: number }[])[] =
  MILESTONE_CATALOG.map((entry) =>
    entry.prerequisites
      .filter((prerequisite) => prerequisite.neededByOwnDate === true)
      .map((prerequisite) => ({ entry: catalogEntry(prerequisite.key), index: stepIndex(prerequisite.key) })),
  );
