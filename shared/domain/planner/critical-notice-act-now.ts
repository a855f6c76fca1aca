import type { RiskCode } from "../plan.ts";

/**
 * The critical risks that ask the applicant to act now, with the notice's title ({year}: the
 * target Match; {feasible}: the earliest feasible one). SCHOOL_NOT_ECFMG_ELIGIBLE sends one too:
 * the gate keeps every blocked step silent (DESIGN decision 10), but the risk itself, with what
 * resolves it, is the plan's one message and the applicant hears it only by email.
 * SEASON_OVER sends one once SOAP is not open to the applicant: that Match is over and
 * the notice says what to do for the next one (the timeline led with it, yet
 * no email said it); while SOAP is open to them, SOAP's own step tells them, unless NRMP's later
 * deadline may still be open: then the risk asks to check R3 now and sends its notice either way. Left out on purpose:
 * SCHEDULED_DATE_PASSED (its own result follow-up is that notice, see own-date.ts). A warning never
 * sends one.
 */
export const ACT_NOW: Partial<Record<RiskCode, string>> = {
  // The answers an interview contradicts: most likely wrong, asked about at once.
  ANSWERS_CONTRADICT_INTERVIEW: "Some of your answers conflict with your {year} interview: check them now",
  // A note "false" the record contradicts (note-contradicted-by-record.ts): no interview to name,
  // no "has no note" as fact.
  ANSWERS_CONTRADICT_RECORD:
    "Your answer about your school's sponsor note conflicts with your ECFMG record: check WDOMS now",
  // Match Week done beside SOAP in progress: read as a partial match, SOAP planned for the year it lacks.
  MATCH_WEEK_SOAP_CONFLICT:
    "Matched and in SOAP: a partial match? Take part in SOAP now for the year your match lacks",
  // The plan already dates that Match's steps: the one thing left is the form's
  // "Match year" field, which the steps, reminders and budget then keep as they are.
  MATCH_YEAR_NOT_FEASIBLE:
    "The {year} Match is out of reach: update your Match year to {feasible} in your intake form",
  EXAMS_LATE_FOR_RANKING: "An exam is too late for the {year} Match: move it earlier now",
  // A result below the passing score: read as not passed until the score is corrected.
  SCORE_BELOW_PASSING: "Your exam score is below the passing score: correct it, or plan your retake now",
  // Critical only in reach on the later candidate of a projected deadline; a warning sends none.
  MATCH_YEAR_LAST_DAY:
    "The {year} Match is in reach only if NRMP's deadline is later than projected: act now",
  STEP3_NEEDED_FOR_H1B:
    "Ranking on H-1B for the {year} Match is most likely out of reach: rank J-1 programs too",
  CERTIFICATION_AFTER_START: "Your ECFMG certificate may come after residency starts: ask your school now",
  ERAS_LATE_SUBMISSION: "Programs are already reviewing applications: submit your ERAS application now",
  // Critical only for an applicant interviewing for the Match; a warning sends none.
  NRMP_LATE_FEE: "Register with NRMP now: you are interviewing and cannot rank programs without it",
  ROL_BEFORE_RANKING_OPENS: "Your rank order list does not count yet: certify it once ranking opens",
  // noticeTemplate titles it with the deadline in the applicant's time (rankListPlannedLateTitle).
  ROL_PLANNED_AFTER_DEADLINE:
    "The day you plan to certify your rank order list is too late: certify it before the deadline",
  MATCH_YEAR_IMPLAUSIBLE: "Check your target Match year ({year}): is it a typo?",
  VISA_NOT_READY_FOR_START: "Your visa steps are behind: you cannot start residency without the visa",
  VISA_UNDECIDED: "You matched: choose your visa route with your program's GME office now",
  START_DELAYED: "Your residency start is delayed: contact your program's GME office today",
  MATCH_DAY_NOT_REPORTED: "Tell us where you matched: your {steps} are waiting",
  SEASON_OVER: "The {year} Match is over for you: plan for the {next} Match",
  // Silence after SOAP read as no position: the move told at once, with the answer that undoes it.
  SOAP_OUTCOME_UNREPORTED:
    "No SOAP position reported: your plan now plans the {feasible} Match. Accepted one? Tell us now",
  // Never registered (or never told finished) once late registration closed: the move told at once, with the answer that undoes it.
  NRMP_REGISTRATION_CLOSED:
    "No finished NRMP registration for the {year} Match: your plan now plans the {feasible} Match",
  // A result dated between the deadline's two candidates: in the Match unless NRMP's is the projected one.
  ROL_DEADLINE_MAY_BE_LATER:
    "Check R3 now: your {year} Match depends on NRMP's deadline being later than projected",
  RANK_LIST_UNREPORTED: "Did you certify a rank order list for the {year} Match? Tell us before Match Week",
  SCHOOL_NOT_ECFMG_ELIGIBLE:
    "Your school has no ECFMG sponsor note: ask your school's dean's office before you pay any fee",
};

/** ACT_NOW by code, for the look-up by a risk's code: a property read by a code that varies was a megamorphic keyed load. */
export const ACT_NOW_BY_CODE: ReadonlyMap<string, string> = new Map(Object.entries(ACT_NOW));
