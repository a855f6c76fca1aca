import type { Risk } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { renderEt } from "../time.ts";
import { isFinished, isSatisfied, type PlanContext, statusOf } from "./context.ts";
import { contractDayWords, contractSteps } from "./contract-steps.ts";
import type { PlanDates } from "./deadlines.ts";
import type { Feasibility } from "./feasibility.ts";
import { unmatchedReported } from "./match-outcome-texts.ts";
import { carriedOverWords } from "./pathway-certificate-risk.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { citeSeasonDate, NRMP_SOAP_URL } from "./risk-sources.ts";
import { noListSoapOutcome, soapAnswered } from "./season-over-state.ts";

/**
 * Whether an applicant who told us in Match Week they did not match (in SOAP: unmatchedReported),
 * with a certified list, has left the SOAP outcome unreported past its date:
 * the date the plan gives the contract, two weeks after Match Day (advice; Match Day's step
 * asks for it up to then, match-day.ts). From then the plan treats them as holding no position and
 * plans the next Match, as a Match out of reach is planned (soapOutcomeFeasibility). The contract's
 * date is noted as the instant the plan changes. So is one with no certified list, registered with
 * NRMP, who never told us of a SOAP offer by that date, SOAP answered or not (noListSoapOutcome
 * "unreported"): nothing in that Match can still happen for them, and a plan left on it would send
 * nothing more while the next Match's ERAS season opens. Pure.
 */
export function soapOutcomeUnreported(context: PlanContext, dates: PlanDates): boolean {
  if (isFinished(statusOf(context, "match_day"))) return false;
  if (!isSatisfied(context, "rank_order_list")) return noListSoapOutcome(context) === "unreported";
  if (!unmatchedReported(context)) return false;
  const due = dates.due("contract");
  if (due === null) return false;
  noteRiskChange(context, due.at);
  return context.now >= due.at;
}

/**
 * The plan's feasibility moved on to the next Match for an applicant whose SOAP outcome went
 * unreported (soapOutcomeUnreported): the moved plan's way (laterMatchInReach), out of reach for
 * the season whose Match left them without a position, the next Match the earliest it plans.
 */
export function soapOutcomeFeasibility(context: PlanContext, feasibility: Feasibility): Feasibility {
  // The first later Match whose rank order list deadline is still ahead (as matchOverTexts picks it):
  // what that Match proved carries over (carriedConfirmation), so no exam holds a later one back.
  let next = context.calendar.matchYear + 1;
  while (
    next < context.calendar.matchYear + 4 &&
    seasonCalendar(next).dates.nrmp_rol_certification_and_late_registration_deadline.at < context.now
  )
    next++;
  return {
    ...feasibility,
    infeasible: true,
    earliestMatchYear: Math.max(next, feasibility.earliestMatchYear),
  };
}

/**
 * SOAP_OUTCOME_UNREPORTED: the standing line of a plan moved to the `year` Match because
 * the SOAP outcome went unreported (soapOutcomeUnreported). It says why the plan moved and how it
 * comes back: "If you accepted a SOAP position, mark Match Day done: your contract
 * and visa steps come back" (with no certified list, SOAP done, as its step asked).
 * Critical up to the Match's residency start, as MATCH_DAY_NOT_REPORTED is for silence after the
 * Match: the move is told at once and the advisor hears of it, since a position accepted in SOAP
 * and never told would be lost to this silence; a warning from then on.
 * It carries the Match the plan is dated for (earliestFeasibleMatchYear),
 * so the heading, the cohort and the digest name it as for MATCH_YEAR_NOT_FEASIBLE.
 */
export function soapOutcomeRisk(context: PlanContext, dates: PlanDates, year: number): Risk {
  const { calendar } = context;
  const sources: string[] = [NRMP_SOAP_URL];
  // As the step and the contract showed the day (asDay advice), not dayBy's reading of its instant.
  const contractDay = contractDayWords(dates);
  const by = contractDay === null ? "" : ` by ${contractDay}`;
  const rol = seasonCalendar(year).dates.nrmp_rol_certification_and_late_registration_deadline;
  const deadline = `${renderEt(rol.at)}${citeSeasonDate(rol, sources)}`;
  const start = calendar.dates.residency_start.at;
  noteRiskChange(context, start);
  const steps = contractSteps(context.applicant.visa);
  // No certified list: no Main Match result to tell, SOAP was the only way in (no-list-soap-words.ts).
  const listed = isSatisfied(context, "rank_order_list");
  const heard = listed
    ? `You told us in Match Week that you did not match in the ${calendar.matchYear} Match and took part in SOAP, and you did not tell us of a SOAP offer you accepted${by}`
    : `The ${calendar.matchYear} rank order list deadline passed without a certified list, leaving SOAP your only way into that Match, and you did not tell us ${soapAnswered(context) ? "of a SOAP offer you accepted" : "whether you took part in SOAP or accepted an offer"}${by}`;
  const undo = listed
    ? `If you accepted a SOAP position, mark Match Day done: your ${steps} come back.`
    : `If you accepted a SOAP position, mark SOAP done: your ${steps} come back.`;
  return {
    code: "SOAP_OUTCOME_UNREPORTED",
    severity: context.now < start ? "critical" : "warning",
    message: `${heard}, so this plan now plans the ${year} Match (its rank order list deadline is ${deadline}): ${carriedOverWords(context)}; its ERAS, NRMP and ranking steps are below. ${undo}`,
    milestones: ["match_day"],
    earliestFeasibleMatchYear: year,
    sources,
  };
}
