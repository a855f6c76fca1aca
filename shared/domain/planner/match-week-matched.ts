import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";

const MATCH_WEEK = indexedStep("match_week");
const RANK_ORDER_LIST = indexedStep("rank_order_list");

/**
 * Whether the applicant told us Monday's answer was "matched": Match Week marked done by them (the
 * product's "Matched: mark Match Week done"; one only implied by a later step is no answer of
 * theirs), from NRMP's Monday release on. Beside SOAP in progress too (matchWeekSoapConflict: a
 * partial match, a binding position held while SOAP's card speaks for the year it lacks): Match Day
 * then asks only where they matched, never "if you did not match … plan the next Match", and the
 * steps that only strengthen an application stay gone, as for a full match. It says whether, not
 * where: the rules that need the program still wait for Match Day (the visa chain's
 * VISA_NOT_READY_FOR_START and START_DELAYED, visaChainMatched), but those that need only that she
 * matched apply from it: the J-1 verdicts (awaitingDs2019), the undecided route's critical
 * VISA_UNDECIDED, and a step dated from Match Day read as overdue since its date. Pure.
 */
export function matchWeekMatched(context: PlanContext): boolean {
  if (context.entries.at(MATCH_WEEK.index)?.status !== "done") return false;
  return context.now >= context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
}

/**
 * Whether the target Match's application is closed with its outcome ahead or untold: a list the
 * applicant reported certified (done by them: one only implied by Match Week or Match Day done is no
 * certified list of theirs, and keeps both steps, as a bare Match outcome did on both sides of the
 * deadline) once the rank order list deadline has passed, the Match still the plan's
 * (`infeasible` false: a Match lost moves the plan on, and the next one's steps come back). Nothing
 * then strengthens that application: clinical experience and research are no next steps (they were
 * in every Match Week, SOAP and Match Day email). Pure.
 */
export function listLocked(context: PlanContext, infeasible: boolean): boolean {
  return (
    !infeasible &&
    context.now >= context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at &&
    context.entries.at(RANK_ORDER_LIST.index)?.status === "done"
  );
}
