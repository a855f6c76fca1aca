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
