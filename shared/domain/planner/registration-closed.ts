import type { Risk } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { renderEt } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { statusOf } from "./context.ts";
import { dayBy } from "./day-words.ts";
import { nextSeasonUnderWay } from "./next-season-under-way.ts";
import { carriedOverWords } from "./pathway-certificate-risk.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citeSeasonDate, NRMP_EVENTS_URL, NRMP_SOAP_ONLY_URL } from "./risk-sources.ts";
import { laterCandidateAt } from "./rol-later-day.ts";
import { seasonOverLaterCandidate } from "./season-over-risk.ts";
import { seasonIsOver } from "./season-over-state.ts";

/**
 * Whether the applicant never registered with NRMP for the target Match and its late registration
 * has closed: it closes with the rank order list deadline (fact sheet §2, official,
 * NRMP_EVENTS_URL), and SOAP, even SOAP only, needs that registration (NRMP_SOAP_ONLY_URL), so
 * neither the Match nor its SOAP is open to them. Not while NRMP's deadline may turn out later
 * (seasonOverLaterCandidate: SEASON_OVER says "check R3 and act if it still lets you" until that
 * candidate passes). The plan then moves to the next Match at once, as for "not matched, not in SOAP"
 * (soapOutcomeFeasibility). An applicant asked whether they ranked (rankListAsked) reads registered. Pure.
 */
export function registrationClosedUnregistered(context: PlanContext): boolean {
  if (statusOf(context, "nrmp_registration") === "done" || !seasonIsOver(context)) return false;
  return seasonOverLaterCandidate(context) === undefined;
}

/**
 * NRMP_REGISTRATION_CLOSED: the standing line of a plan moved to the `year` Match because the
 * applicant never registered with NRMP before late registration closed (registrationClosedUnregistered).
 * Critical up to the entered Match's residency start, as SOAP_OUTCOME_UNREPORTED is: the move is
 * told at once, and a registration made but never told would be lost to it; a warning from then on.
 * It says how to undo it and when the next Match's ERAS season opens (or what of it is under way), and carries the Match the plan is dated for (earliestFeasibleMatchYear),
 * so the heading, the cohort and the digest name it as for MATCH_YEAR_NOT_FEASIBLE.
 */
export function registrationClosedRisk(context: PlanContext, year: number): Risk {
  const { calendar } = context;
  const sources: string[] = [];
  const rol = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  // A projected deadline with a later candidate: the plan moves only once that candidate passes, so
  // both days are said (the projected one, and the latest it can be).
  const later = laterCandidateAt(rol);
  const closed = `${renderEt(rol.at)}${citeSeasonDate(rol, sources)}${later === null ? "" : `, or by ${renderEt(later)} at the latest if NRMP's deadline was its later candidate`}`;
  // A confirmed deadline already cites NRMP's events page: each page once.
  addSource(sources, NRMP_EVENTS_URL);
  addSource(sources, NRMP_SOAP_ONLY_URL);
  const nextRol = seasonCalendar(year).dates.nrmp_rol_certification_and_late_registration_deadline;
  const deadline = `${renderEt(nextRol.at)}${citeSeasonDate(nextRol, sources)}`;
  const start = calendar.dates.residency_start.at;
  noteRiskChange(context, start);
  // Registration never reported (an applicant once asked whether they ranked, past that question's
  // end) is not a registration we know was never made: say what we know.
  // A registration reported under way was begun, never told finished: asked, never denied.
  const told = context.entries.at(indexedStep("nrmp_registration").index)?.status;
  const entered = calendar.matchYear;
  const registration =
    told === undefined
      ? `You never told us you registered with NRMP for the ${entered} Match`
      : told === "in_progress"
        ? `You started your NRMP registration for the ${entered} Match but never told us it was finished (check R3: if it is complete, mark it done, and your rank order list if you certified one)`
        : `You did not register with NRMP for the ${entered} Match`;
  // The next Match's ERAS season, as UNMATCHED_NOT_IN_SOAP says it: when MyERAS opens (nothing to
  // do before then), or, once it has, what is under way and what that means.
  const opens = seasonCalendar(year).dates.eras_season_opens_myeras;
  noteRiskChange(context, opens.at);
  const season =
    nextSeasonUnderWay(context, year, sources) ||
    ` The ${year} season's MyERAS opens on ${dayBy(context, opens.at)}${citeSeasonDate(opens, sources)}: its steps are below.`;
  return {
    code: "NRMP_REGISTRATION_CLOSED",
    severity: context.now < start ? "critical" : "warning",
    message: `${registration}, and late registration closed with its rank order list deadline, ${closed}: you cannot take part in that Match, nor in its SOAP, which needs NRMP registration too. So this plan now plans the ${year} Match (its rank order list deadline is ${deadline}): ${carriedOverWords(context)}; its ERAS, NRMP and ranking steps are below. If you did register and certify a rank order list for the ${calendar.matchYear} Match, mark NRMP registration and the rank order list done: that Match's steps come back.${season}`,
    // The entered Match's ranking, as SEASON_OVER's: never the next Match's registration, not open until September.
    milestones: ["rank_order_list"],
    earliestFeasibleMatchYear: year,
    sources,
  };
}
