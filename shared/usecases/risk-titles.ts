import type { RiskCode } from "#domain/plan.ts";
import { NRMP_LATE_FEE_PASSED_TITLE } from "#domain/planner/nrmp-late-fee-title.ts";
import { SEASON_OVER_TITLES } from "#domain/planner/season-over-title.ts";

/** CERTIFICATION_AFTER_START's title when it tells a J-1 start out of reach before the Match (tellsJ1StartBeforeMatch). */
export const J1_START_BEFORE_MATCH_RISK_TITLE =
  "A J-1 start on the program's date out of reach by the certificate's earliest day";

/**
 * Each critical risk in an advisor's words, for the email's subject and heading (the code is for
 * machines; the planner's message, which follows in the body, gives the dates and sources).
 */
export const RISK_TITLES: Record<RiskCode, string> = {
  ANSWERS_CONTRADICT_INTERVIEW: "Answers that contradict an interview for the Match",
  ANSWERS_CONTRADICT_RECORD: "Sponsor note answer that contradicts the applicant's own ECFMG record",
  MATCH_WEEK_SOAP_CONFLICT:
    "Matched beside SOAP (a partial match?), or a contract beside not matched in SOAP",
  SCHOOL_NOT_ECFMG_ELIGIBLE: "Medical school not eligible for ECFMG certification",
  SCORE_BELOW_PASSING: "An exam reported passed with a score below the passing score",
  SCORE_ON_SCHEDULED_EXAM: "A passing score reported on an exam not yet marked done",
  CERTIFICATE_BESIDE_FAILING_SCORE: "ECFMG certificate reported done beside a failing USMLE score",
  DONE_DATES_OUT_OF_ORDER:
    "A step reported done on a date before a step it needs, or before the season allows, or beside an answer that says a step it needs is not done",
  EXAMS_LATE_FOR_RANKING: "Exam results may come too late for the rank order list",
  CERTIFICATION_AFTER_START: "ECFMG certification may come after residency starts",
  STEP3_NEEDED_FOR_H1B: "USMLE Step 3 needed for the H-1B visa",
  // A warning in the digest; critical, and escalated, once the applicant is interviewing. Worded
  // for the instant by riskTitle (nrmpLateFeeTitle); this is the title once the deadline passed.
  NRMP_LATE_FEE: NRMP_LATE_FEE_PASSED_TITLE,
  ERAS_LATE_SUBMISSION: "ERAS application not submitted while programs review",
  // Worded by how it stands (riskTitle): this is its heading once the season is over for them.
  SEASON_OVER: SEASON_OVER_TITLES.over,
  RANK_LIST_UNREPORTED: "Interviewing applicant has not told us whether they certified a rank order list",
  MATCH_YEAR_NOT_FEASIBLE: "The target Match year is out of reach",
  SOAP_OUTCOME_UNREPORTED: "Did not match, and no SOAP position reported: the next Match planned",
  UNMATCHED_NOT_IN_SOAP: "Did not match and not taking part in SOAP: the next Match planned",
  NRMP_REGISTRATION_CLOSED:
    "Never registered with NRMP before late registration closed: the next Match planned",
  MATCH_YEAR_LAST_DAY: "The target Match year is out of reach after a day close ahead",
  ROL_BEFORE_RANKING_OPENS: "Rank order list dated before ranking opens",
  ROL_PLANNED_AFTER_DEADLINE: "Rank order list planned for a day after its deadline",
  RANKING_MAY_OPEN_LATER: "Rank order list dated before ranking may open this season",
  ROL_DEADLINE_MAY_BE_LATER:
    "A list or result dated after the projected rank order list deadline, by its later candidate",
  MATCH_YEAR_IMPLAUSIBLE: "The target Match year looks like a typo",
  INTERVIEW_IN_EARLIER_MATCH: "An interview falls in an earlier Match's season than the plan's",
  INTERVIEW_IN_LATER_MATCH: "An interview falls in a later Match's season than the plan's",
  INTERVIEW_AFTER_RANK_LIST_DEADLINE: "An interview is dated after the rank order list deadline",
  INTERVIEW_NEEDS_VISITOR_VISA: "An in-person US interview for an applicant abroad needs a visitor visa",
  NO_INTERVIEW_RECORDED: "Ranking is open and no interview is recorded",
  SCHEDULED_DATE_PASSED: "An exam or Pathway date has passed with no result",
  CERTIFICATION_STATUS_UNREPORTED: "Interviewing, with exam, Pathway or ERAS statuses never reported",
  H1B_STAMPING_WAIVER_IGNORED: "An H-1B stamping marked Not for me by an applicant outside the US",
  H1B_PROCLAMATION_FEE:
    "A new H-1B petition from abroad or asking for consular notification may need a $100,000 payment",
  PATHWAY_CERTIFICATE_MAY_EXPIRE: "A Pathway-based ECFMG certificate may expire before GME",
  PATHWAY_DEADLINE_PROJECTED: "A Pathway deadline, projected, may be missed",
  OET_SCORE_MAY_BE_TOO_OLD: "An OET result may be too old for the planned Pathways",
  OET_SUB_TESTS_UNCLEAR: "An OET score that passes only if it is the Writing sub-test's",
  TARGET_PASSED: "An exam's target date has passed and it is not booked",
  TARGETS_SLIPPED: "A missed target moved the competitive plan's later targets",
  BOOKED_AFTER_TARGET: "An exam is booked after its competitive target",
  VISA_NOT_READY_FOR_START: "A matched applicant's visa steps are behind for residency start",
  VISA_STEP_LATE: "A matched applicant's visa step is past our advice date; the visa's own date still holds",
  CONTRACT_NOT_RECEIVED: "A matched applicant's program contract is not marked signed yet",
  ECFMG_REVIEW_PAST_DS2019: "A late J-1 sponsorship: ECFMG's review may run past the DS-2019's date",
  DS2019_RECEIVED_LATE: "A DS-2019 received late: the J-1 visa comes in the last week before the start",
  H1B_PETITION_PAST_VISA_DATE:
    "An H-1B petition not filed by our date: the visa would come after its date, before the start's last week",
  H1B_PETITION_FILED_LATE:
    "An H-1B petition filed late: the visa in the start's last week, or the status approved after orientation",
  H1B_APPROVAL_RECEIVED_LATE:
    "An H-1B approval received late: the visa comes in the last week before the start",
  VISA_INTERVIEW_AFTER_VISA_DATE: "A visa interview booked after the visa's date, the start still holding",
  VISA_ISSUED_LATE: "A visa issued in the last week before the start: the arrival comes after orientation",
  START_DELAYED: "A matched applicant's residency start is delayed (contract, visa or certificate not done)",
  MATCH_DAY_NOT_REPORTED: "Match Day passed and the applicant has not said where they matched",
  VISA_UNDECIDED: "Visa route not chosen before ranking",
  PATHWAY_DONE_BEFORE_OET: "Pathway marked done while the OET is still to be sat",
  SOAP_DONE_BEFORE_OFFERS: "SOAP marked done before SOAP's first offer round (no accepted offer yet)",
  MATCH_OUTCOME_BEFORE_MATCH_WEEK: "A Match outcome marked done before NRMP could have told it",
};
