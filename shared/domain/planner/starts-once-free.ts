import type { CatalogEntry } from "../catalog/index.ts";
import { type PlanContext, statusOf } from "./context.ts";

/**
 * Whether a step followed by a wait out of the applicant's hands (the catalog's `startsOnceFree`:
 * the J-1 visa's consular interview) is free to start now: every step it waits on is reported done.
 * Waived is not done: a DS-2019 marked "Not for me" puts no DS-2019 in the applicant's hands, and an
 * interview cannot be booked without it, so the step keeps its latest safe start.
 */
export function startsOnceFreeNow(context: PlanContext, entry: CatalogEntry): boolean {
  if (entry.startsOnceFree === undefined) return false;
  return entry.prerequisites.every((prerequisite) => statusOf(context, prerequisite.key) === "done");
}

/**
 * Whether a step free now (startsOnceFreeNow) is already begun with no day of its own: the J-1 visa
 * "in progress" (SEVIS fee paid, DS-160 filed) with no day given (the interview's, once booked). Begun must not read
 * later than not started: it is pressed at once, with no start-by, until the interview's day is told.
 */
export function begunOnceFree(context: PlanContext, entry: CatalogEntry): boolean {
  // Most steps never start once free: no status or entry look-up for them (asked of every next step).
  if (entry.startsOnceFree === undefined) return false;
  if (statusOf(context, entry.key) !== "in_progress" || context.entries.get(entry.key)?.date !== undefined)
    return false;
  return startsOnceFreeNow(context, entry);
}
