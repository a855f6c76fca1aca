import { stepIndex } from "./catalog-index.ts";
import { isSatisfiedAt, type PlanContext, statusAt } from "./context.ts";
import { interviewingForMatch } from "./interviewing.ts";
import { laterCandidateHedge } from "./later-candidate.ts";

const RANK_LIST_AT = stepIndex("rank_order_list");
const ERAS_APPLICATION_AT = stepIndex("eras_application");
const NRMP_AT = stepIndex("nrmp_registration");

/**
 * Whether the applicant has nothing to rank in the plan's Match: no ERAS application submitted, no
 * interview recorded for that Match (interviewingForMatch: an interview is evidence of being in the
 * Match whatever ERAS reads), and no rank order list begun or reported (one refused as dated before
 * ranking opened is theirs to certify again). A list ranks only programs that interviewed the
 * applicant, so before the rank order list deadline the list waits for the application (waiting-for.ts);
 * after it there was no list to miss: no "overdue" list, no critical SEASON_OVER and no "check R3" for
 * a later deadline, only SOAP and the next Match (season-over-risk.ts).
 */
export function nothingToRank(context: PlanContext): boolean {
  return (
    statusAt(context, RANK_LIST_AT) === "not_started" &&
    context.rolRefused === null &&
    !isSatisfiedAt(context, ERAS_APPLICATION_AT) &&
    !interviewingForMatch(context)
  );
}

/**
 * Registered with NRMP with nothing to rank (nothingToRank): past the deadline SOAP is what is left
 * of the Match for them (SOAP needs no rank order list), the next Match after it. One never
 * registered is told what registration would still open instead (season-over-risk.ts).
 */
export function registeredWithNothingToRank(context: PlanContext): boolean {
  return statusAt(context, NRMP_AT) === "done" && nothingToRank(context);
}

/**
 * SEASON_OVER's "unless NRMP's deadline turns out later …: check R3 and act if it still lets you"
 * (laterCandidateHedge on the rank order list deadline), or "" for a registered applicant with
 * nothing to rank: a later deadline would still find no list to certify. One never registered keeps
 * it: R3 may still let them register, and SOAP needs the registration.
 */
export function seasonOverHedge(context: PlanContext): string {
  if (registeredWithNothingToRank(context)) return "";
  return laterCandidateHedge(
    context,
    context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline,
  );
}
