/**
 * Every risk a plan can carry, by code (`Risk.code` in plan.ts). A code is part of the plan's contract
 * (the console, the emails' tags and the tests name them), so one is added here and never renamed.
 */
export const RISK_CODES = [
  "ANSWERS_CONTRADICT_INTERVIEW",
  // The sponsor note "false" beside the applicant's own ECFMG record, no interview.
  "ANSWERS_CONTRADICT_RECORD",
  "MATCH_WEEK_SOAP_CONFLICT",
  "SCHOOL_NOT_ECFMG_ELIGIBLE",
  // A result reported done below the passing score in force on its date: not a pass.
  "SCORE_BELOW_PASSING",
  // A passing score on an exam not yet done: kept as reported, the applicant asked to mark it done.
  "SCORE_ON_SCHEDULED_EXAM",
  // The ECFMG certificate done beside a failing Step 1 or Step 2 CK score: which attempt passed?
  "CERTIFICATE_BESIDE_FAILING_SCORE",
  // A step reported done on a date before a step it needs (catalog prerequisites): which date is right?
  "DONE_DATES_OUT_OF_ORDER",
  "EXAMS_LATE_FOR_RANKING",
  "CERTIFICATION_AFTER_START",
  "STEP3_NEEDED_FOR_H1B",
  "NRMP_LATE_FEE",
  "ERAS_LATE_SUBMISSION",
  "SEASON_OVER",
  "RANK_LIST_UNREPORTED",
  "MATCH_YEAR_NOT_FEASIBLE",
  // Told us "not matched" in Match Week: no SOAP position by the contract's date, or not in SOAP; next Match planned.
  "SOAP_OUTCOME_UNREPORTED",
  "UNMATCHED_NOT_IN_SOAP",
  // Never registered with NRMP once late registration closed (the rank order list deadline): next Match planned.
  "NRMP_REGISTRATION_CLOSED",
  "MATCH_YEAR_LAST_DAY",
  "ROL_BEFORE_RANKING_OPENS",
  // A list planned (scheduled, or under way with its day) for a local day after the deadline.
  "ROL_PLANNED_AFTER_DEADLINE",
  "RANKING_MAY_OPEN_LATER",
  "ROL_DEADLINE_MAY_BE_LATER",
  "MATCH_YEAR_IMPLAUSIBLE",
  "INTERVIEW_IN_EARLIER_MATCH",
  "INTERVIEW_IN_LATER_MATCH",
  "INTERVIEW_AFTER_RANK_LIST_DEADLINE",
  "INTERVIEW_NEEDS_VISITOR_VISA",
  "NO_INTERVIEW_RECORDED",
  "SCHEDULED_DATE_PASSED",
  "CERTIFICATION_STATUS_UNREPORTED",
  "H1B_STAMPING_WAIVER_IGNORED", // "Not for me" on the H-1B stamping from a zone outside the US
  "H1B_PROCLAMATION_FEE",
  "PATHWAY_CERTIFICATE_MAY_EXPIRE",
  "PATHWAY_DEADLINE_PROJECTED",
  "OET_SCORE_MAY_BE_TOO_OLD",
  // One OET score that meets the Writing minimum but not the others': which sub-test it is decides.
  "OET_SUB_TESTS_UNCLEAR",
  "TARGET_PASSED",
  "TARGETS_SLIPPED",
  "BOOKED_AFTER_TARGET",
  "VISA_NOT_READY_FOR_START",
  // Matched, a visa step past our advice date counted back from the visa's, whose own date still holds.
  "VISA_STEP_LATE",
  // Matched, the contract not marked signed past our advice date, before the date the plan needs it by.
  "CONTRACT_NOT_RECEIVED",
  // The J-1 sponsorship done so late that ECFMG's review may run past the DS-2019's date.
  "ECFMG_REVIEW_PAST_DS2019",
  // The DS-2019 received late enough to carry the J-1 visa past its own date, the start still in reach.
  "DS2019_RECEIVED_LATE",
  // The H-1B petition unfiled past the plan's day, a filing today still bringing the visa before the start's last week.
  "H1B_PETITION_PAST_VISA_DATE",
  // The H-1B petition filed on a day that keeps the start with no room: the visa in its last week, or on a change of status the approval after orientation.
  "H1B_PETITION_FILED_LATE",
  // The H-1B petition approved late enough to carry the visa into the start's last week (abroad, consular).
  "H1B_APPROVAL_RECEIVED_LATE",
  // A consular interview booked after the visa's date with the start still holding (interviewWarned).
  "VISA_INTERVIEW_AFTER_VISA_DATE",
  // The consular visa reported issued in the start's last week: in hand, but too late to travel before orientation.
  "VISA_ISSUED_LATE",
  "START_DELAYED",
  "MATCH_DAY_NOT_REPORTED",
  "VISA_UNDECIDED",
  "PATHWAY_DONE_BEFORE_OET",
  // SOAP marked done before SOAP's first offer round: no accepted offer, counted as not started.
  "SOAP_DONE_BEFORE_OFFERS",
  // Match Week or Match Day marked done before NRMP could tell it: no outcome, counted as not started.
  "MATCH_OUTCOME_BEFORE_MATCH_WEEK",
] as const;
export type RiskCode = (typeof RISK_CODES)[number];
