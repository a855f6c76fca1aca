import { basisMark } from "../date-basis.ts";
import { projectedMark, seasonDateSources } from "../seasons/date-words.ts";
import { renderEt } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt, statusOf } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { NRMP_ECFMG_REQUIREMENTS_URL } from "./earliest-certification.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { textsOf } from "./match-outcome-texts.ts";
import { addSource, NRMP_EVENTS_URL } from "./risk-sources.ts";
import {
  RANK_ORDER_LIST_AT,
  type UnreportedSitting,
  unreportedResults,
  unreportedSittings,
} from "./unreported-sittings.ts";

/**
 * What SOAP of the Match out of reach asks of an applicant without a certified list whose exam was
 * sat before the rank order list deadline and never reported (unreportedSittings), once that
 * deadline has passed and while SOAP has not ended (Step 2 CK sat on 29 Jan 2027,
 * after its last sitting day, result unreported; on 3 Mar the plan moved to 2028 with no word about
 * SOAP 2027). Facts (fact sheet, official): by the rank order list deadline ECFMG must confirm the
 * exams to NRMP, otherwise NRMP withdraws the applicant from the Match and from SOAP
 * (NRMP_ECFMG_REQUIREMENTS_URL); that deadline is also the last day to register (NRMP's Match
 * calendar, NRMP_EVENTS_URL). So a result that comes after it, even before Match Week, does not open
 * SOAP; one that reached ECFMG by it does (a result may come sooner than the allowance), and marked
 * done it brings the plan back to that Match, whose SOAP step SEASON_OVER then leads to.
 *
 * Returns the sentences that end MATCH_YEAR_NOT_FEASIBLE in place of "Change your target Match
 * year to <feasible>." (they say it too), with their sources added; "" when none of this applies.
 */
export function lateSittingSoapWords(context: PlanContext, feasibleYear: number, sources: string[]): string {
  const { calendar } = context;
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const end = textsOf(calendar).soapEnd;
  if (context.now <= rol.at || context.now >= end.at) return "";
  const pending = unreportedSittings(context, rol.at);
  if (pending.length === 0) return "";
  const year = calendar.matchYear;
  const change = `change your target Match year to ${feasibleYear}`;
  if (statusOf(context, "nrmp_registration") !== "done") {
    addSource(sources, NRMP_EVENTS_URL);
    seasonDateSources(sources, rol);
    // Interviewing, NRMP never reported: most likely registered, so ask.
    if (nrmpUnreportedWhileInterviewing(context)) {
      addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
      const results = unreportedResults(pending);
      const exams = pending.map((sitting) => sitting.name).join(" and ");
      return `If you registered with NRMP and ${results} reached ECFMG by ${dayBy(context, rol.at)}${projectedMark(rol)}, you are still in the ${year} Match (through your rank order list if you certified one, or else through SOAP): mark ${exams} done with the day ${pending.length === 1 ? "its result" : "each result"} came and tell us about your NRMP registration and rank order list, and this plan returns to the ${year} Match. If you did not register, SOAP ${year} is not open to you: registration closed with the rank order list deadline. If you did not register or ECFMG had the result only later, tell us ${results} when it comes, and ${change}.`;
    }
    return `SOAP ${year} is not open to you: you did not register with NRMP, and registration closed with the rank order list deadline, ${dayBy(context, rol.at)}${projectedMark(rol)}. Tell us ${unreportedResults(pending)} when it comes, and ${change}.`;
  }
  const start = calendar.dates.nrmp_match_week_start_and_soap_start;
  addSource(sources, NRMP_ECFMG_REQUIREMENTS_URL);
  seasonDateSources(sources, start, rol);
  const sat = pending.map((sitting) => `sat ${sitting.sat}`).join(", ");
  const projected = basisMark(start, "comma");
  return `SOAP in Match Week (${renderEt(start.at)} to ${renderEt(end.at)}${projected}) is open to you only if ${unreportedResults(pending)} (${sat}) reached ECFMG by ${dayBy(context, rol.at)}${projectedMark(rol)}: NRMP withdraws an applicant from the Match and from SOAP unless ECFMG confirmed the exams by the rank order list deadline, so a result that comes later, even before Match Week, does not open SOAP. If it reached ECFMG in time, mark it done here and this plan returns to the ${year} Match for SOAP; if not, ${change}.`;
}

/**
 * The sittings SOAP hangs on (lateSittingSoapWords' first case): the rank order list deadline has
 * passed, SOAP has not ended, the applicant registered with NRMP (or, interviewing, never reported
 * it: nrmpUnreportedWhileInterviewing) and has no certified list, and
 * these exams were sat before that deadline with no result reported; empty otherwise. For the
 * out-of-reach notice's title, which must not ask to move to the next Match before the result
 * (critical-notice-titles.ts).
 */
export function soapHangsOnSittings(context: PlanContext): readonly UnreportedSitting[] {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (context.now <= rol || context.now >= textsOf(context.calendar).soapEnd.at) return NONE;
  if (statusAt(context, RANK_ORDER_LIST_AT) === "done") return NONE;
  if (statusOf(context, "nrmp_registration") !== "done" && !nrmpUnreportedWhileInterviewing(context))
    return NONE;
  return unreportedSittings(context, rol);
}

/**
 * Whether NRMP registration is neither done nor reported (absent from the input, not implied by a
 * later step) for an applicant interviewing for the plan's Match (interviewingForMatch): the
 * interview presumes them in the Match, so the plan asks whether they registered rather than saying
 * they did not. An explicit "not started" is a reported status.
 */
export function nrmpUnreportedWhileInterviewing(context: PlanContext): boolean {
  return (
    context.entries.at(NRMP_AT) === undefined &&
    !isFinished(statusAt(context, NRMP_AT)) &&
    interviewingForMatch(context)
  );
}

const NRMP_AT = stepIndex("nrmp_registration");

const NONE: readonly UnreportedSitting[] = Object.freeze([]);
