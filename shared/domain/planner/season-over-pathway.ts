import { type CatalogEntry, catalogEntry } from "../catalog/index.ts";
import { startOfLocalDate } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { ownDayInTime } from "./date-math.ts";
import { seasonIsOver, soapMayStillPlace } from "./season-over-state.ts";

/**
 * The Pathway once the target Match is over for the applicant:
 * ECFMG decides a Pathway application for one Match season only (step-action.ts,
 * laterMatchPathwayAction), so a Pathway not done when that Match is over is the next Match's.
 */

const PATHWAY = indexedStep("ecfmg_pathway");
const PATHWAY_ENTRY = catalogEntry(PATHWAY.key);

/**
 * Whether the Pathway is the next Match's because the target Match is over (SEASON_OVER with SOAP
 * not open to the applicant, as Gates.afterSeasonDates): it applies, is not done (not started,
 * scheduled or in progress), and its own date, if any, is on or before that Match's rank order list
 * deadline, so it was meant for that Match. A date after it is an application for the next Match
 * already and keeps its own words. Read only for the Pathway's step and its risk, not every plan;
 * `entry` is the step asked about (false for any other).
 */
export function pathwayForNextMatch(context: PlanContext, entry: CatalogEntry = PATHWAY_ENTRY): boolean {
  if (entry.key !== PATHWAY.key) return false;
  if (context.applicable[PATHWAY.index] !== true || isFinished(statusAt(context, PATHWAY.index)))
    return false;
  if (!seasonIsOver(context) || soapMayStillPlace(context)) return false;
  const date = context.entries.at(PATHWAY.index)?.date;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return date === undefined || ownDayInTime(startOfLocalDate(context.zone, date), rol);
}

/**
 * The Pathway application that went in for the Match now over (pathwayForNextMatch, in progress
 * with its date), the day it went in (YYYY-MM-DD), else undefined: the card says it was for that
 * Match, as a moved plan's does.
 */
export function pathwaySentForOverMatch(context: PlanContext): string | undefined {
  if (statusAt(context, PATHWAY.index) !== "in_progress" || !pathwayForNextMatch(context)) return undefined;
  return context.entries.at(PATHWAY.index)?.date;
}
