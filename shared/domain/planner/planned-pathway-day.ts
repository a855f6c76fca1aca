import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { plannedDayAt } from "./earliest-certification.ts";

const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * The day the applicant plans to submit the Pathway application (its ISO date), when it is still
 * ahead: in progress or scheduled with a date on or after today (local midnight). Null otherwise.
 */
export function plannedPathwayDay(context: PlanContext): string | null {
  const entry = context.entries.at(PATHWAY.index);
  const day = plannedDayAt(context, PATHWAY.index);
  return day === null || day < context.now || entry?.date === undefined ? null : entry.date;
}
