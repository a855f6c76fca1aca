import { type CatalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import { renderDate } from "../time.ts";
import { isFinished, type PlanContext, statusAt, statusOf } from "./context.ts";
import { textsOf, unmatchedReported } from "./match-outcome-texts.ts";
import { planDates } from "./plan-dates.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { rolLastReportedDay } from "./rol-later-day.ts";
import { rolWindowResults } from "./rol-window-results.ts";

/**
 * Where the applicant stands once the target Match's rank order list deadline has passed without a
 * certified list: whether that Match is over for them, whether SOAP is still open to them, and, once
 * it has ended, whether its outcome is still to be told (SEASON_OVER's words: season-over-risk.ts).
 */

/**
 * Whether the target Match is over for the applicant: its rank order list deadline (official: NRMP
 * Match calendar, the season's data) passed without a certified list. Its season's steps (catalog
 * `seasonBound`) then ask for nothing: no fee, no wait on a step, no action.
 */
export function seasonIsOver(context: PlanContext): boolean {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return context.now > rol && !isFinished(statusOf(context, "rank_order_list"));
}

/**
 * Whether SOAP is still open to an applicant whose Match is over (seasonIsOver): they registered
 * with NRMP (SOAP's one prerequisite in the catalog) and SOAP has not ended. Without a certified
 * list they are unmatched on Monday of Match Week, and NRMP needs no rank order list for SOAP (one
 * may register for SOAP only, NRMP_SOAP_ONLY_URL); R3 tells them that Monday whether they are
 * eligible. Telling them the Match "has passed" could cost them a year.
 */
export function soapStillOpen(context: PlanContext): boolean {
  if (statusOf(context, "nrmp_registration") !== "done") return false;
  const end = textsOf(context.calendar).soapEnd.at;
  if (context.now >= end || resultsAfterDeadline(context) !== "") return false;
  // SOAP's end turns the Match over for them (SEASON_OVER's notice, sent when it appears): a re-plan then.
  noteRiskChange(context, end);
  return true;
}

/**
 * Where an applicant with no certified list who took part in SOAP, or never told us whether they did,
 * stands once SOAP has ended (registered with NRMP, SOAP in progress or not answered, no exam result
 * past the deadline, which would have closed SOAP to them): "awaited" up to the date this plan gives
 * the contract (two weeks after Match Day, advice), "unreported" from it, null for anyone else. An
 * offer accepted in SOAP is a position as binding as a match (NRMP_SOAP_URL), with a contract and
 * visa steps after it, so until they tell us SOAP gave them none the Match is not over on what we
 * know: a participant who missed SOAP's emails never tapped an answer, and only "Not for me" says
 * they stayed out. Match Day's step asks what SOAP gave them, as it asks a participant with a
 * certified list (soapOutcomeUnreported's date, then the next Match). SOAP done is the position
 * itself (acceptedSoapPosition). Notes that date.
 */
export function noListSoapOutcome(context: PlanContext): "awaited" | "unreported" | null {
  const soap = statusOf(context, "soap");
  if ((soap !== "in_progress" && soap !== "not_started") || statusOf(context, "nrmp_registration") !== "done")
    return null;
  if (context.now < textsOf(context.calendar).soapEnd.at || !seasonIsOver(context)) return null;
  // A result in the deadline's window keeps SOAP's two sides in the words (soapStillOpenWords).
  if (resultsAfterDeadline(context) !== "" || rolWindowResults(context) !== null) return null;
  const contract = planDates(context).due("contract");
  if (contract === null) return null;
  noteRiskChange(context, contract.at);
  return context.now < contract.at ? "awaited" : "unreported";
}

/** Whether the applicant told us they took part in SOAP (in progress), not left it unanswered: noListSoapOutcome's words. */
export function soapAnswered(context: PlanContext): boolean {
  return statusOf(context, "soap") === "in_progress";
}

/**
 * Whether Match Day asks the SOAP offer accepted: the applicant told us they are in SOAP
 * (unmatchedReported), or has no certified list and SOAP's outcome is awaited (noListSoapOutcome),
 * SOAP answered or not: without a list there is no Main Match result to ask.
 */
export function asksSoapOffer(context: PlanContext): boolean {
  return unmatchedReported(context) || noListSoapOutcome(context) === "awaited";
}

/** SOAP is open to an applicant whose Match is over (soapStillOpen), or has ended with its outcome awaited (noListSoapOutcome). */
export function soapMayStillPlace(context: PlanContext): boolean {
  return soapStillOpen(context) || noListSoapOutcome(context) === "awaited";
}

/** The catalog indices of what ECFMG must confirm to NRMP by the rank order list deadline (`neededForRanking`). */
const NEEDED_AT: readonly number[] = MILESTONE_CATALOG.flatMap((entry, index) =>
  entry.neededForRanking !== undefined ? [index] : [],
);

/**
 * "your USMLE Step 2 CK result is dated Tue 2 Mar 2027" for each exam or Pathway NRMP needs marked
 * done on a day after the rank order list deadline's day in the applicant's zone (the day a rank
 * order list's date is judged by), or "". Fact sheet, row "Exam status NRMP needs before ranking"
 * (official, NRMP_ECFMG_REQUIREMENTS_URL): ECFMG must confirm them by that deadline, otherwise NRMP
 * withdraws the applicant from the Match and from SOAP; a result dated after it was not confirmed
 * in time (else such a date would bring SOAP back). A date on that day is given the doubt.
 */
export function resultsAfterDeadline(context: PlanContext): string {
  // While the deadline is projected, a date by its later candidate is not "after" it on a fact:
  // ROL_DEADLINE_MAY_BE_LATER says both sides instead.
  const lastDay = rolLastReportedDay(context.calendar, context.zone);
  const late: string[] = [];
  for (const index of NEEDED_AT) {
    const date = context.entries.at(index)?.date;
    if (statusAt(context, index) !== "done" || date === undefined || date <= lastDay) continue;
    const entry = MILESTONE_CATALOG[index] as CatalogEntry;
    late.push(
      `your ${entry.advisorName}${entry.key === "ecfmg_pathway" ? "" : " result"} is dated ${renderDate(date)}`,
    );
  }
  return late.join(" and ");
}
