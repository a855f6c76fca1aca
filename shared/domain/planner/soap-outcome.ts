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

/**
 * Whether an applicant who told us in Match Week they did not match (in SOAP: unmatchedReported),
 * with a certified list, has left the SOAP outcome unreported past its date:
 * the date the plan gives the contract, two weeks after Match Day (advice; Match Day's step
 * asks for it up to then, match-day.ts). From then the plan treats them as holding no position and
 * plans the next Match, as a Match out of reach is planned (soapOutcomeFeasibility). The contract's
 * date is noted as the instant the plan changes. Pure.
 */
export function soapOutcomeUnreported(context: PlanContext, dates: PlanDates): boolean {
  if (!unmatchedReported(context) || isFinished(statusOf(context, "match_day"))) return false;
  if (!isSatisfied(context, "rank_order_list")) return false;
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
 * SOAP_OUTCOME_UNREPORTED (warning): the standing line of a plan moved to the `year` Match because
 * the SOAP outcome went unreported (soapOutcomeUnreported). It says why the plan moved and how it
 * comes back: "If you accepted a SOAP position, mark Match Day done: your contract
 * and visa steps come back." It carries the Match the plan is dated for (earliestFeasibleMatchYear),
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
  return {
    code: "SOAP_OUTCOME_UNREPORTED",
    severity: "warning",
    message: `You told us in Match Week that you did not match in the ${calendar.matchYear} Match and took part in SOAP, and you did not tell us of a SOAP offer you accepted${by}, so this plan now plans the ${year} Match (its rank order list deadline is ${deadline}): ${carriedOverWords(context)}; its ERAS, NRMP and ranking steps are below. If you accepted a SOAP position, mark Match Day done: your ${contractSteps(context.applicant.visa)} come back.`,
    milestones: ["match_day"],
    earliestFeasibleMatchYear: year,
    sources,
  };
}
