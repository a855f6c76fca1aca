/**
 * The ineligible school's risk (milestones.json `schoolEligibilityCheck.ineligible.risk`) ends with
 * this sentence, for an applicant who has paid none of the blocked steps' fees; the planner puts
 * `paidFees.risk` in its place for one who has. The schema checks the ending, so the two agree.
 */
export const NO_FEE_SENTENCE = "Pay no fee until then.";
