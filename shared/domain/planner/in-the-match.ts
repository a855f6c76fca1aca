import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";

const MATCH_WEEK = indexedStep("match_week");
const MATCH_DAY = indexedStep("match_day");

/**
 * Whether the applicant reports having been in this season's Match after its rank order list
 * deadline: Match Week done (NRMP told them whether they matched) or Match Day done (where), each
 * reported or implied by a later step (the signed contract, the J-1 steps after it); either one,
 * as a step waived stays waived when a later one implies it. NRMP withdraws an IMG from the Match
 * and from SOAP unless ECFMG confirms Step 1, Step 2 CK and the clinical and communication skills
 * requirement (the Pathway) by that deadline (official:
 * https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/),
 * so such an applicant met them and took part: feasibility has nothing to assess at any time, as
 * for a certified list once the deadline has passed (assessFeasibility). A graduation after
 * residency starts stays CERTIFICATION_AFTER_START's to warn about, as it is after the deadline.
 * Issue 9: a contract reported signed wrote the 2026 Match off until the deadline, then planned it
 * with the post-Match steps a minute later.
 */
export function reportsBeingInTheMatch(context: PlanContext): boolean {
  return statusAt(context, MATCH_WEEK.index) === "done" || statusAt(context, MATCH_DAY.index) === "done";
}
