import type { Risk } from "../plan.ts";
import { SCHOOL_CHECK_INDEX } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { interviewingForMatch } from "./interviewing.ts";

/** What CERTIFICATION_STATUS_UNREPORTED says of a sponsor note presumed from the interview. */
export const NOTE_WORDS =
  "your interview suggests your school has an ECFMG sponsor note; confirm it in WDOMS";
/** ECFMG's medical school policy: only a school with a sponsor note is served (the catalog's wdoms_listing source). */
export const SCHOOL_POLICY_URL = "https://www.ecfmg.org/resources/medical-school-policy.html";

/**
 * Whether the school's sponsor note, unknown to the applicant (null), counts as there only because
 * of an interview that counts (eligibilityOf's `interviewed`; `carried`: a moved plan carrying the
 * entered Match's presumption), the WDOMS check not reported done: the gate opened in silence, so
 * the warning names it.
 */
export function notePresumed(context: PlanContext, carried: boolean): boolean {
  return (
    context.applicant.medicalSchool.wdomsSponsorNote === null &&
    context.eligibility === "eligible" &&
    context.entries.at(SCHOOL_CHECK_INDEX)?.status !== "done" &&
    (carried || interviewingForMatch(context))
  );
}

/** CERTIFICATION_STATUS_UNREPORTED when every step was reported but the note (notePresumed). */
export function noteOnlyRisk(context: PlanContext): Risk {
  return {
    code: "CERTIFICATION_STATUS_UNREPORTED",
    severity: "warning",
    message: `You have an interview for the ${context.calendar.matchYear} Match, but you did not know whether your school has an ECFMG sponsor note: ${NOTE_WORDS}. Until you tell us, your plan counts it as there, as your interview suggests.`,
    milestones: ["wdoms_listing"],
    sources: [SCHOOL_POLICY_URL],
  };
}
