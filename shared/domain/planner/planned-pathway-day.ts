import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { ownDayInTime, shiftDays } from "./date-math.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * The day the applicant plans to submit the Pathway application (its ISO date), when it is still
 * ahead: in progress or scheduled with a date on or after today (local midnight), or planned for the
 * day the projected deadline cut, that hour gone by (plannedDayOvertaken). Null otherwise.
 */
export function plannedPathwayDay(context: PlanContext): string | null {
  const entry = context.entries.at(PATHWAY.index);
  const day = plannedDayAt(context, PATHWAY.index);
  if (day === null || entry?.date === undefined) return null;
  return day >= context.now || plannedDayOvertaken(context, PATHWAY.key, day) ? entry.date : null;
}

/**
 * Whether `key` is the Pathway and its application only planned (scheduled) for the local day starting `day`, a
 * day the projected application deadline falls in (Manila's Sun 27 Dec ends it at 7:00 AM), and that
 * instant has passed. Some of the day was in time (ownDayInTime), but a plan is not a submission:
 * past that hour the planned day is too late on the plan's own projection, as a later planned day
 * is ("went in on Sun 27 Dec, by its deadline" was read the next morning from a plan alone). One
 * reported in progress on that day is a submission, and keeps it.
 */
export function plannedDayOvertaken(context: PlanContext, key: string, day: number): boolean {
  if (key !== PATHWAY.key || context.entries.at(PATHWAY.index)?.status !== "scheduled") return false;
  const deadline = pathwayDeadline(context.calendar);
  if (deadline === null || !ownDayInTime(day, deadline) || deadline >= shiftDays(day, context.zone, 1))
    return false;
  // Still ahead: the plan is made again at that hour, when the planned day turns too late.
  noteRiskChange(context, deadline);
  return deadline < context.now;
}
