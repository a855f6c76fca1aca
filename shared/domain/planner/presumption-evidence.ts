import { seasonCalendar } from "../seasons/index.ts";
import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { interviewingForMatch, interviewsAreEvidence } from "./interviewing.ts";

const ERAS_APPLICATION_AT = indexedStep("eras_application").index;
const NRMP_REGISTRATION_AT = indexedStep("nrmp_registration").index;

/**
 * Whether the applicant reports the plan's Match season's ERAS application submitted and NRMP
 * registration done (tester t9w F1, lead's ruling, session 28): both read "done" on the context,
 * where a step reported done for an earlier season was reset to not started (pastSeasonWork), so
 * only this season's count. NRMP registers an IMG for one Match, and the ERAS application went to
 * that season's programs: together they put the applicant in that Match as an interview does.
 */
export function appliedAndRegistered(context: PlanContext): boolean {
  return (
    statusAt(context, ERAS_APPLICATION_AT) === "done" && statusAt(context, NRMP_REGISTRATION_AT) === "done"
  );
}

/**
 * The one evidence test of presumedInTheMatch: an interview recorded for the Match's season
 * (interviewingForMatch), or this season's ERAS application and NRMP registration reported done
 * (appliedAndRegistered, t9w F1). Only the presumption reads it: the rules about an interview in
 * hand (NRMP unregistered while interviewing, study time left, any seat) keep interviewingForMatch.
 */
export function inTheMatchOnRecord(context: PlanContext): boolean {
  return appliedAndRegistered(context) || interviewingForMatch(context);
}

/**
 * What the words about presumed steps name as their evidence: "interview" when an interview for the
 * Match (or, on a moved plan's later Match, for the Match moved from: `pastSeasonMatch.out`) is
 * evidence, else "registration" (the ERAS application and NRMP registration, t9w F1).
 */
export function presumptionEvidence(context: PlanContext): "interview" | "registration" {
  if (context.interviews.length === 0) return "registration";
  if (interviewingForMatch(context)) return "interview";
  const out = context.pastSeasonMatch?.out;
  return out !== undefined && interviewsAreEvidence(context.interviews, seasonCalendar(out), context.now)
    ? "interview"
    : "registration";
}

/** "You have an interview for the 2027 Match" or "You submitted your ERAS application and registered with NRMP for the 2027 Match". */
export function inTheMatchWords(context: PlanContext, matchYear: number): string {
  return presumptionEvidence(context) === "interview"
    ? `You have an interview for the ${matchYear} Match`
    : `You submitted your ERAS application and registered with NRMP for the ${matchYear} Match`;
}

/** "your interview suggests" or "your ERAS application and NRMP registration suggest" (lower case). */
export function evidenceSuggests(context: PlanContext): string {
  return presumptionEvidence(context) === "interview"
    ? "your interview suggests"
    : "your ERAS application and NRMP registration suggest";
}
