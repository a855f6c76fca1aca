import type { Risk } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { renderEt } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, isSatisfied, type PlanContext, statusAt } from "./context.ts";
import { contractSteps } from "./contract-steps.ts";
import { dayBy } from "./day-words.ts";
import { nextSeasonUnderWay } from "./next-season-under-way.ts";
import { carriedOverWords } from "./pathway-certificate-risk.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { citeSeasonDate, NRMP_SOAP_URL } from "./risk-sources.ts";

const SOAP = indexedStep("soap");
const MATCH_WEEK = indexedStep("match_week");
const MATCH_DAY = indexedStep("match_day");
const NRMP_REGISTRATION = indexedStep("nrmp_registration");

/**
 * Whether the applicant told us "did not match, not taking part in SOAP":
 * SOAP "Not for me" (waived) as an answer, from NRMP's Match Week Monday release on (one
 * dated before its local day was reset by buildContext: soapAnsweredTooEarly; an undated one counts
 * from the release, as soapShowsInTheMatch reads it), beside a certified list (an intake may send
 * SOAP waived for anyone), while neither Match Week nor Match Day is done, reported or implied: a
 * matched applicant marks Match Week done (the SOAP card says so), which makes SOAP moot. The plan
 * then moves to the next Match at once, through the moved-plan path (soapOutcomeFeasibility).
 * The same reading with no certified list for an applicant registered with NRMP, to whom SOAP was
 * open: without a list they did not match, and "Not for me" says
 * they are not in SOAP, so no "SOAP is running now: apply" (SEASON_OVER's words while SOAP is open).
 * Notes Monday's release as the instant the plan changes. Pure.
 */
export function soapDeclinedUnmatched(context: PlanContext): boolean {
  if (statusAt(context, SOAP.index) !== "waived") return false;
  if (isFinished(statusAt(context, MATCH_WEEK.index)) || isFinished(statusAt(context, MATCH_DAY.index)))
    return false;
  if (!isSatisfied(context, "rank_order_list") && !isFinished(statusAt(context, NRMP_REGISTRATION.index)))
    return false;
  const monday = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  if (context.now >= monday) return true;
  noteRiskChange(context, monday);
  return false;
}

/**
 * UNMATCHED_NOT_IN_SOAP (warning): the standing line of a plan moved to the `year` Match because the
 * applicant told us they did not match and are not taking part in SOAP (soapDeclinedUnmatched). It
 * names the answer it read and how to undo it: "If you did match, mark Match Week done: your contract
 * and visa steps come back." It carries the Match the plan is dated for (earliestFeasibleMatchYear),
 * so the heading, the cohort and the digest name it as for MATCH_YEAR_NOT_FEASIBLE.
 */
export function soapDeclinedRisk(context: PlanContext, year: number): Risk {
  const sources: string[] = [NRMP_SOAP_URL];
  const rol = seasonCalendar(year).dates.nrmp_rol_certification_and_late_registration_deadline;
  const deadline = `${renderEt(rol.at)}${citeSeasonDate(rol, sources)}`;
  // The next Match's ERAS season: when MyERAS opens, or, once it has, what is under way (in
  // June the plan did not name the MyERAS opening of the Match it pointed to).
  const opens = seasonCalendar(year).dates.eras_season_opens_myeras;
  noteRiskChange(context, opens.at);
  const season =
    nextSeasonUnderWay(context, year, sources) ||
    ` The ${year} season's MyERAS opens on ${dayBy(context, opens.at)}${citeSeasonDate(opens, sources)}: its steps are below.`;
  const steps = contractSteps(context.applicant.visa);
  // No certified list: no match was possible on what we know; one certified but never told undoes it.
  const reading = isSatisfied(context, "rank_order_list")
    ? `You marked SOAP "Not for me" in Match Week and did not mark Match Week done, so this plan reads it as: you did not match in the ${context.calendar.matchYear} Match and are not taking part in SOAP.`
    : `The rank order list deadline passed without a certified list, so you did not match in the ${context.calendar.matchYear} Match, and you marked SOAP "Not for me" in Match Week: you are not taking part in SOAP.`;
  const undo = isSatisfied(context, "rank_order_list")
    ? `If you did match, mark Match Week done: your ${steps} come back.`
    : `If you did certify a list and matched, mark the rank order list and Match Week done: your ${steps} come back.`;
  return {
    code: "UNMATCHED_NOT_IN_SOAP",
    severity: "warning",
    message: `${reading} It now plans the ${year} Match (its rank order list deadline is ${deadline}): ${carriedOverWords(context)}; its ERAS, NRMP and ranking steps are below. ${undo}${season}`,
    milestones: ["soap"],
    earliestFeasibleMatchYear: year,
    sources,
  };
}
