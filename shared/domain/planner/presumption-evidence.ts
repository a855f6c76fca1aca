import type { MilestoneKey } from "../snapshot.ts";
import { localDate } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { interviewingForMatch } from "./interviewing.ts";

const ERAS_APPLICATION_AT = indexedStep("eras_application").index;
const NRMP_REGISTRATION_AT = indexedStep("nrmp_registration").index;

/**
 * Whether the applicant reports the plan's Match season's ERAS application submitted and NRMP
 * registration done: both reported "done" (not only
 * implied by a later step), neither dated after today nor after the Match's rank order list deadline
 * (a later season's), and a step done for an earlier season was reset to not started before this
 * reads it (pastSeasonWork). NRMP registers an IMG for one Match, and the application went to that
 * season's programs: together they put the applicant in that Match as an interview does.
 */
export function appliedAndRegistered(context: PlanContext): boolean {
  const eras = context.entries.at(ERAS_APPLICATION_AT);
  const nrmp = context.entries.at(NRMP_REGISTRATION_AT);
  if (eras?.status !== "done" || nrmp?.status !== "done") return false;
  if (eras.date === undefined && nrmp.date === undefined) return true;
  const deadline = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const lastDay = localDate(context.zone, Math.min(context.now, deadline.at));
  return (eras.date ?? lastDay) <= lastDay && (nrmp.date ?? lastDay) <= lastDay;
}

/**
 * The one evidence test of presumedInTheMatch: an interview recorded for the Match's season
 * (interviewingForMatch), or this season's ERAS application and NRMP registration reported done
 * (appliedAndRegistered). Only the presumption reads it: the rules about an interview in
 * hand (NRMP unregistered while interviewing, study time left, any seat) keep interviewingForMatch.
 */
export function inTheMatchOnRecord(context: PlanContext): boolean {
  return appliedAndRegistered(context) || interviewingForMatch(context);
}

/**
 * What the words about presumed steps name as their evidence: "interview" when an interview is
 * evidence for the context's Match; else "registration" when the applicant reported the ERAS
 * application and NRMP registration done (this season's, or, on a moved plan's contexts, the
 * entered season's kept in `pastSeasonEntries`: the presumption those contexts carry);
 * else "interview" (a moved plan's contexts carrying an interview's presumption).
 */
export function presumptionEvidence(context: PlanContext): "interview" | "registration" {
  if (interviewingForMatch(context)) return "interview";
  return reportedDone(context, "eras_application") && reportedDone(context, "nrmp_registration")
    ? "registration"
    : "interview";
}

/** The step reported done, for this season or (pastSeasonEntries) an earlier one. */
function reportedDone(context: PlanContext, key: MilestoneKey): boolean {
  return context.entries.get(key)?.status === "done" || context.pastSeasonEntries.get(key)?.status === "done";
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

/** The words with their first letter upper case: a sentence's start. */
export function capitalised(words: string): string {
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
