import { catalogEntry } from "../catalog/index.ts";
import type { Risk } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { keyAt } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { contractSteps } from "./contract-steps.ts";
import { ACT_NOW, ACT_NOW_BY_CODE } from "./critical-notice-act-now.ts";
import { changeOfStatus, h1bInUs } from "./h1b-in-us.ts";
import {
  J1_START_OUT_OF_REACH_BEFORE_MATCH_TITLE,
  tellsJ1StartBeforeMatch,
} from "./j1-start-before-match.ts";
import { namedAtFastestPace } from "./late-for-ranking-words.ts";
import { soapHangsOnSittings } from "./late-sitting-soap.ts";
import { erasSubmissionWellPast } from "./late-step-risks.ts";
import { namesLaterChance } from "./later-last-day.ts";
import { soapAcceptedBesideMatched } from "./match-week-soap-conflict.ts";
import { inLastWeek, LAST_WEEK_PHASE, lastWeekTitle } from "./match-year-last-week.ts";
import { noteQuestioned } from "./note-questioned.ts";
import { lastWeekPathwayTitle, pathwayLateTitle } from "./pathway-late-title.ts";
import { nrmpLateFeeNoticeTitle } from "./planned-at-close.ts";
import { rankListPlannedLateTitle } from "./rank-list-planned-late.ts";
import { RETAKE_ASKS_PROGRAM } from "./score-below-passing-risk.ts";
import { seasonOverLaterCandidate } from "./season-over-risk.ts";
import { seasonOverNoticeTitle } from "./season-over-title.ts";
import { delayedStartFinal, delayedStartNeedsEcfmg, delayedStartWeek } from "./start-delayed-risk.ts";
import { changeOfStatusTitle } from "./status-notice-title.ts";
import { STUDY_ASKED_PHASE, studyAskedExam, studyAskedTitle } from "./study-asked-notice.ts";
import { unreportedResults } from "./unreported-sittings.ts";
import {
  IN_US_BEHIND_TITLE,
  NO_VISA_BEHIND_TITLE,
  VISA_REPORTED_EARLY_TITLE,
  visaReportedEarly,
} from "./visa-start-words.ts";
import { inUsVerdictTitle, visaVerdictTitle } from "./visa-verdict-notice.ts";

/** A last week naming a later day on NRMP's later candidate (namesLaterChance): the plan does not move after this day. */
const LAST_WEEK_LATER_CHANCE_TITLE =
  "Your last days for the {year} Match on NRMP's projected deadline: act now";

/** SCHOOL_NOT_ECFMG_ELIGIBLE beside that question: the answer is asked about, not stated as fact. */
const QUESTIONED_NOTE_TITLE =
  "Your answers say your school has no ECFMG sponsor note: check WDOMS before you pay any further fee";

/**
 * ERAS_LATE_SUBMISSION once most interview invitations are out (erasSubmissionWellPast): its text
 * says to weigh the next Match before paying ERAS fees, so the title says so too ({next}: the next
 * Match), and it is a notice of its own (see criticalNoticeId), since its advice is new.
 */
const ERAS_WELL_PAST_TITLE =
  "Most interview invitations are out: weigh the {next} Match before you pay ERAS fees";
const ERAS_WELL_PAST_PHASE = "well-past";
/** START_DELAYED when ECFMG holds a missing step (its J-1 chain or the certificate). */
const START_DELAYED_ECFMG_TITLE =
  "Your residency start is delayed: contact your program's GME office and ECFMG today";
/**
 * START_DELAYED's final notice after the weekly follow-ups: a phase of its own, so one
 * more email, whose title turns to what next.
 */
const START_DELAYED_FINAL_PHASE = "final";
const START_DELAYED_FINAL_TITLE =
  "Your residency start is still delayed: talk to your program and your advisor about the next Match";
/**
 * VISA_NOT_READY_FOR_START worded before the program is known (`Risk.matchOutcome`): before a match,
 * or matched (Match Week's Monday) with the program not yet named to us. The title is conditional,
 * as the risk's opening is, and asks what the risk asks for that outcome; "visa steps are behind"
 * would name a program's petition the applicant cannot ask about yet.
 */
const UNMATCHED_H1B_TITLES: Readonly<Record<NonNullable<Risk["matchOutcome"]>, string>> = {
  matchedAhead:
    "You matched: if your program files an H-1B petition, the H-1B likely cannot be ready by your start: on Match Day, ask that program about a later start or a J-1",
  matchedUntold:
    "You matched: if your program files an H-1B petition, the H-1B likely cannot be ready by your start: ask your program today about a later start or a J-1",
  ahead:
    "If you match with an H-1B program, the H-1B likely cannot be ready by your start: on Match Day, ask that program about a later start or a J-1",
  unreported:
    "If you matched with an H-1B program, the H-1B likely cannot be ready by your start: ask that program today about a later start or a J-1",
  ranking:
    "If you match with an H-1B program, the H-1B likely cannot be ready by your start: before you rank, ask each program about a later start or a J-1",
};
/**
 * SEASON_OVER while NRMP's later candidate for the deadline is still ahead
 * (seasonOverLaterCandidate): its words ask to check R3 now, so the title does
 * (seasonOverNoticeTitle), and it is a notice of its own, apart from the one that says the Match
 * is over once that candidate passes.
 */
const SEASON_OVER_UNLESS_LATER_PHASE = "unless-later";
/**
 * SCORE_BELOW_PASSING whose retake is laid on NRMP's later candidate (retakeOnLaterCandidate): the
 * day below is that candidate's last sitting day, so the title says on what it holds, as the risk
 * does; a notice of its own, apart from the one that named the projected day.
 */
export const RETAKE_ON_LATER_PHASE = "retake-on-later";
const RETAKE_ON_LATER_TITLE =
  "Your exam score is below the passing score: correct it, or reapply now for a retake that counts only if NRMP's deadline is later than projected";
/**
 * SCORE_BELOW_PASSING of a Step 3 whose retake cannot meet the H-1B petition's day (its words ask
 * the program first: RETAKE_ASKS_PROGRAM): titled as VISA_NOT_READY_FOR_START asks, never "plan your
 * retake now"; a notice of its own, apart from the one that gave a retake day.
 */
const RETAKE_ASKS_PROGRAM_PHASE = "retake-asks-program";
const RETAKE_ASKS_PROGRAM_TITLE =
  "Your Step 3 score is below the passing score: correct it if you passed, and ask the program before you pay for a retake";
/** MATCH_WEEK_SOAP_CONFLICT over an accepted SOAP offer (soapAcceptedBesideMatched): a notice of its own. */
const SOAP_ACCEPTED_PHASE = "soap-accepted";
const SOAP_ACCEPTED_TITLE =
  "Matched and a SOAP offer accepted: a partial match? Sign both contracts, or tell us which is right";
/** MATCH_WEEK_SOAP_CONFLICT over a contract beside "not matched, in SOAP" (positionBesideSoap): its own notice. */
const POSITION_BESIDE_SOAP_PHASE = "position-beside-soap";
const POSITION_BESIDE_SOAP_TITLE =
  "You told us you are in SOAP, yet marked your contract: which is right? Tell us now";
/** MATCH_WEEK_SOAP_CONFLICT's partial match once SOAP has ended: its risk says what SOAP left to do. */
const PARTIAL_AFTER_SOAP_PHASE = "partial-after-soap";
const PARTIAL_AFTER_SOAP_TITLE =
  "Matched and in SOAP: a partial match? SOAP has ended: mark SOAP done if you accepted an offer, or find the year your match lacks outside SOAP";
/** ROL_BEFORE_RANKING_OPENS once ranking is open: its text asks to certify again now (risks.ts). */
const ROL_RANKING_OPEN_TITLE = "Your rank order list does not count: ranking is open, certify it again now";

/**
 * EXAMS_LATE_FOR_RANKING for an exam in reach only at its fastest pace: nothing is
 * booked to move earlier, so the title asks to book it ({exam}: the exam's name). Its own phase: a
 * sitting booked too late later is new advice, a notice of its own.
 */
const FASTEST_PACE_TITLE =
  "Book your {exam} sitting now: the {year} Match is in reach only if you sit it soon";
const FASTEST_PACE_PHASE = "fastest-pace";

/** The exam EXAMS_LATE_FOR_RANKING names as in reach only at its fastest pace, or undefined. */
function fastestPaceExam(context: PlanContext, risk: Risk): MilestoneKey | undefined {
  if (risk.code !== "EXAMS_LATE_FOR_RANKING") return undefined;
  for (const key of risk.milestones) if (namedAtFastestPace(context, key)) return key as MilestoneKey;
  return undefined;
}

/**
 * The phase of a risk whose advice changes with time, which makes its notice a new one
 * (criticalNoticeId): late ERAS once most invitations are out; a delayed start's week, so each
 * week's follow-up is a notice of its own; an exam in reach only at its fastest
 * pace; VISA_NOT_READY_FOR_START worded before a match (Match Day ahead, or past and untold);
 * undefined otherwise.
 */
export function noticePhase(context: PlanContext, risk: Risk): string | undefined {
  // The last week before the day that keeps the Match: a notice of its own.
  if (inLastWeek(risk)) return LAST_WEEK_PHASE;
  if (risk.code === "SEASON_OVER" && seasonOverLaterCandidate(context) !== undefined)
    return SEASON_OVER_UNLESS_LATER_PHASE;
  if (risk.code === "MATCH_WEEK_SOAP_CONFLICT" && soapAcceptedBesideMatched(context))
    return SOAP_ACCEPTED_PHASE;
  if (risk.code === "MATCH_WEEK_SOAP_CONFLICT" && context.positionBesideSoap !== null)
    return POSITION_BESIDE_SOAP_PHASE;
  if (risk.code === "MATCH_WEEK_SOAP_CONFLICT" && context.now >= context.calendar.dates.nrmp_soap_ends.at)
    return PARTIAL_AFTER_SOAP_PHASE;
  if (risk.code === "START_DELAYED")
    return delayedStartFinal(context) ? START_DELAYED_FINAL_PHASE : `week-${delayedStartWeek(context) ?? 0}`;
  // "If you match …", then "If you matched …", then matched: each wording is emailed once.
  if (risk.matchOutcome !== undefined) return `match-${risk.matchOutcome}`;
  if (risk.code === "SCORE_BELOW_PASSING" && risk.message.includes(RETAKE_ASKS_PROGRAM))
    return RETAKE_ASKS_PROGRAM_PHASE;
  return risk.code === "ERAS_LATE_SUBMISSION" && erasSubmissionWellPast(context)
    ? ERAS_WELL_PAST_PHASE
    : studyAskedExam(context, risk) !== undefined
      ? STUDY_ASKED_PHASE
      : fastestPaceExam(context, risk) !== undefined
        ? FASTEST_PACE_PHASE
        : undefined;
}

/**
 * A critical risk's notice title template (see ACT_NOW), or undefined for a risk that sends no
 * notice. Title and text say the same thing: late ERAS advice changes with time.
 */
export function noticeTemplate(
  context: PlanContext,
  risk: Risk,
  phase: string | undefined,
): string | undefined {
  if (risk.code === "MATCH_YEAR_NOT_FEASIBLE") return outOfReachTemplate(context, risk);
  if (risk.code === "SCHOOL_NOT_ECFMG_ELIGIBLE" && noteQuestioned(context)) return QUESTIONED_NOTE_TITLE;
  // No visa to wait on for visa "none": contractSteps's words, as the risk's.
  if (phase === SOAP_ACCEPTED_PHASE) return SOAP_ACCEPTED_TITLE;
  if (phase === POSITION_BESIDE_SOAP_PHASE) return POSITION_BESIDE_SOAP_TITLE;
  if (phase === PARTIAL_AFTER_SOAP_PHASE) return PARTIAL_AFTER_SOAP_TITLE;
  // On a J-1 before the Match, the start out of reach is the news, whether or not the certificate makes orientation.
  if (tellsJ1StartBeforeMatch(risk)) return J1_START_OUT_OF_REACH_BEFORE_MATCH_TITLE;
  if (risk.code === "MATCH_DAY_NOT_REPORTED")
    return ACT_NOW.MATCH_DAY_NOT_REPORTED?.replace("{steps}", contractSteps(context.applicant.visa));
  if (phase === START_DELAYED_FINAL_PHASE) return START_DELAYED_FINAL_TITLE;
  if (phase === SEASON_OVER_UNLESS_LATER_PHASE) return seasonOverNoticeTitle(risk);
  if (phase === RETAKE_ON_LATER_PHASE) return RETAKE_ON_LATER_TITLE;
  if (phase === RETAKE_ASKS_PROGRAM_PHASE) return RETAKE_ASKS_PROGRAM_TITLE;
  if (phase === LAST_WEEK_PHASE)
    return (
      lastWeekPathwayTitle(context, risk) ??
      (namesLaterChance(risk) ? LAST_WEEK_LATER_CHANCE_TITLE : lastWeekTitle(risk))
    );
  // NRMP never reported is asked about, as the risk does; planned for the day it closes or later, too late.
  if (risk.code === "NRMP_LATE_FEE") return nrmpLateFeeNoticeTitle(context) ?? ACT_NOW_BY_CODE.get(risk.code);
  if (risk.code === "ROL_PLANNED_AFTER_DEADLINE") return rankListPlannedLateTitle(context);
  if (risk.code === "START_DELAYED" && delayedStartNeedsEcfmg(risk)) return START_DELAYED_ECFMG_TITLE;
  if (risk.code === "VISA_NOT_READY_FOR_START") {
    if (risk.matchOutcome !== undefined) return UNMATCHED_H1B_TITLES[risk.matchOutcome];
    if (context.applicant.visa === "none") return NO_VISA_BEHIND_TITLE;
    if (changeOfStatus(context)) return changeOfStatusTitle(context, risk);
    // A visa she holds first, in the US too: its petition approved (verdict moot) or its date wrong.
    if (visaReportedEarly(context) !== undefined) return VISA_REPORTED_EARLY_TITLE;
    if (h1bInUs(context)) return inUsVerdictTitle(risk) ?? IN_US_BEHIND_TITLE;
    const verdict = visaVerdictTitle(risk);
    if (verdict !== undefined) return verdict;
  }
  if (phase === STUDY_ASKED_PHASE) return studyAskedTitle(context, risk);
  if (phase === FASTEST_PACE_PHASE) {
    const exam = fastestPaceExam(context, risk);
    if (exam !== undefined) return FASTEST_PACE_TITLE.replace("{exam}", catalogEntry(exam).advisorName);
  }
  if (risk.code === "EXAMS_LATE_FOR_RANKING" || risk.code === "MATCH_YEAR_LAST_DAY") {
    const pathway = pathwayLateTitle(context, risk);
    if (pathway !== undefined) return pathway;
  }
  return phase === ERAS_WELL_PAST_PHASE
    ? ERAS_WELL_PAST_TITLE
    : risk.code === "ROL_BEFORE_RANKING_OPENS" &&
        context.now >= context.calendar.dates.nrmp_rank_order_list_entry_opens.at
      ? ROL_RANKING_OPEN_TITLE
      : ACT_NOW_BY_CODE.get(risk.code);
}

/**
 * Once the target Match's rank order list deadline has passed, "is out of reach" no longer fits
 * what the risk says: with a certified list it hangs on whether ECFMG confirmed
 * the results by then (the risk asks the applicant to tell us), else the deadline passed before
 * they were ready. Before it, ACT_NOW's title.
 */
const PASSED_LIST_CERTIFIED_TITLE =
  "Your {year} rank order list counted only if ECFMG confirmed your results by its deadline: tell us, or plan for the {feasible} Match";
const PASSED_NOT_READY_TITLE =
  "The {year} Match's rank order list deadline passed before you were ready: update your Match year to {feasible} in your intake form";

/**
 * No certified list, registered with NRMP, and every result the Match still needs sat before the
 * deadline but never reported: SOAP is open only if ECFMG had it by the deadline, as the risk says
 * (late-sitting-soap.ts), so the title asks for the result first ("update your Match
 * year to 2028" emailed while SOAP 2027 might be open). {results}: "your USMLE Step 2 CK result".
 */
const PASSED_SOAP_HANGS_TITLE =
  "SOAP {year} is open to you only if ECFMG had {results} by the rank order list deadline: tell us, or plan for the {feasible} Match";

/**
 * As PASSED_SOAP_HANGS_TITLE for an interviewing applicant who never reported NRMP registration
 * (nrmpUnreportedWhileInterviewing): the risk asks whether they registered.
 */
const PASSED_MATCH_HANGS_TITLE =
  "You are still in the {year} Match only if you registered with NRMP and ECFMG had {results} by the rank order list deadline: tell us, or plan for the {feasible} Match";

function outOfReachTemplate(context: PlanContext, risk: Risk): string | undefined {
  const passed =
    context.now > context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  if (passed && risk.decidedBy !== undefined && statusOf(context, "rank_order_list") === "done")
    return PASSED_LIST_CERTIFIED_TITLE;
  const pending = passed && risk.decidedBy !== undefined ? soapHangsOnSittings(context) : [];
  if (
    pending.length > 0 &&
    risk.droppedMatchYear === undefined &&
    risk.milestones.every((key) => pending.some((sitting) => keyAt(sitting.index) === key))
  )
    return (
      statusOf(context, "nrmp_registration") === "done" ? PASSED_SOAP_HANGS_TITLE : PASSED_MATCH_HANGS_TITLE
    ).replace("{results}", unreportedResults(pending));
  if (risk.droppedMatchYear !== undefined) return droppedTitle(risk.droppedMatchYear, risk.decidedBy);
  return passed ? PASSED_NOT_READY_TITLE : ACT_NOW.MATCH_YEAR_NOT_FEASIBLE;
}

/**
 * A later Match dropped out as a deadline passed (the 2028 Pathway deadline, with
 * the plan moving from 2028 to 2029): the title names that Match and what missed it (decidedBy, the
 * step the notice sits on), not the target's deadline long gone. One template per year (a few).
 */
function droppedTitle(year: number, step: Risk["decidedBy"]): string {
  const template =
    step === "ecfmg_pathway"
      ? DROPPED_PATHWAY_TITLE
      : step === "oet_medicine"
        ? DROPPED_OET_TITLE
        : DROPPED_TITLE;
  return template.replace("{dropped}", String(year));
}
const DROPPED_PATHWAY_TITLE =
  "The {dropped} Match's Pathway deadline passed without your application: update your Match year to {feasible} in your intake form";
const DROPPED_OET_TITLE =
  "Your OET result cannot reach ECFMG in time for the {dropped} Match: update your Match year to {feasible} in your intake form";
const DROPPED_TITLE =
  "The {dropped} Match is out of reach too: update your Match year to {feasible} in your intake form";
