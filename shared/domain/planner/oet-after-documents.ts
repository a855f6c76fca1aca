import { catalogEntry } from "../catalog/index.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { Risk } from "../plan.ts";
import { ET_ZONE, localDate, renderDate, startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isSatisfiedAt, type PlanContext, statusAt } from "./context.ts";
import { dayBy, when } from "./day-words.ts";
import { isRetake } from "./failed-score.ts";
import { pathwayDocumentsDeadline } from "./pathway-deadlines.ts";
import { pathwaysUnconfirmed } from "./pathways-unconfirmed.ts";
import { addSource, citationSource, citeSeasonDate } from "./risk-sources.ts";

// An OET result reported done while the Pathway it supports is still to be accepted:
// the day of a done OET is its result's day (a pass is never dated before its sitting), the day the
// result can reach ECFMG. It decides when ECFMG's review of the Pathway can end, and whether it came
// after the season's deadline for supporting documents.

const OET_INDEX = stepIndex("oet_medicine");
const PATHWAY_INDEX = stepIndex("ecfmg_pathway");

/** The OET's result day (its done date) while the Pathway still needs ECFMG's acceptance, else undefined. */
function oetResultDay(context: PlanContext): string | undefined {
  if (statusAt(context, OET_INDEX) !== "done" || isSatisfiedAt(context, PATHWAY_INDEX)) return undefined;
  return context.entries.at(OET_INDEX)?.date;
}

/** The OET result time (the catalog's reportingDays, advice). */
const OET_RESULT_DAYS = catalogEntry("oet_medicine").reportingDays?.days ?? 21;

/**
 * The day a booked OET sitting's result is expected (its date plus the result time), while the
 * Pathway still needs ECFMG's acceptance: ECFMG cannot finish a review whose OET result is not in.
 * Undefined otherwise.
 */
export function oetExpectedResultDay(context: PlanContext): string | undefined {
  const status = statusAt(context, OET_INDEX);
  if ((status !== "scheduled" && status !== "in_progress") || isSatisfiedAt(context, PATHWAY_INDEX))
    return undefined;
  const date = context.entries.at(OET_INDEX)?.date;
  return date === undefined ? undefined : shiftIsoDay(date, OET_RESULT_DAYS);
}

/**
 * A failing OET score with no retake booked (failed-score.ts) while the Pathway still needs ECFMG's
 * acceptance: no passing result can reach ECFMG yet, so no review can end (no "did ECFMG accept it?").
 */
export function oetRetakeUnbooked(context: PlanContext): boolean {
  if (context.failedScores.length === 0 || !isRetake(context, "oet_medicine")) return false;
  return oetExpectedResultDay(context) === undefined && !isSatisfiedAt(context, PATHWAY_INDEX);
}

/**
 * When ECFMG's review of a Pathway application submitted at `applicationAt` can begin: the later of
 * the application and the OET result's day (reported, or expected from a booked sitting), since ECFMG reviews the application once its
 * supporting documents are in (README: the OET result follows the application as one). The review
 * allowance (the catalog's reportingDays, advice) counts from it.
 */
export function pathwayReviewFrom(context: PlanContext, applicationAt: number): number {
  const day = oetResultDay(context) ?? oetExpectedResultDay(context);
  if (day === undefined) return applicationAt;
  return Math.max(applicationAt, startOfLocalDate(context.zone, day));
}

/** The OET result's day when it is after the application's `applicationAt` day, else undefined (for the card's words). */
export function oetResultAfter(context: PlanContext, applicationAt: number): string | undefined {
  const day = oetResultDay(context);
  return day !== undefined && startOfLocalDate(context.zone, day) > applicationAt ? day : undefined;
}

/**
 * PATHWAY_DEADLINE_PROJECTED for an OET result reported done on a day after the season's deadline
 * for a Pathway application's supporting documents (the catalog's documentsDue, projected; its ET
 * day): a warning that names the projection and asks the applicant to verify with ECFMG that the
 * result was accepted (README, "Exams, OET and the ECFMG Pathway"). Null otherwise: an OET done by that day
 * keeps the plan as it was.
 */
export function oetAfterDocumentsRisk(context: PlanContext): Risk | null {
  const day = oetResultDay(context);
  const due = pathwayDocumentsDeadline(context.calendar);
  // A result dated after today is not yet a fact to warn about (the intake refuses such a date).
  if (
    day === undefined ||
    due === null ||
    day <= localDate(ET_ZONE, due) ||
    day > localDate(context.zone, context.now)
  )
    return null;
  const { calendar } = context;
  const sources: string[] = [];
  const documentsDue = catalogEntry("ecfmg_pathway").documentsDue;
  if (documentsDue !== undefined) addSource(sources, citationSource(documentsDue));
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const year = calendar.matchYear;
  const decision = `ECFMG's decision on your Pathway must reach NRMP by the rank order list deadline, ${when(context, rol.at)}${citeSeasonDate(rol, sources)}`;
  return {
    code: "PATHWAY_DEADLINE_PROJECTED",
    severity: "warning",
    message: `Your OET result of ${renderDate(day)} came after the deadline for a Pathway application's supporting documents, ${dayBy(context, due)} (projected). ${pathwaysUnconfirmed(year)}, so this date is a projection from an earlier Match's: verify with ECFMG that your OET result was accepted for your ${year} Pathway application (check MyIntealth, or ask ECFMG), and tell your advisor if it was not. ${decision}.`,
    milestones: ["oet_medicine", "ecfmg_pathway"],
    sources,
  };
}
