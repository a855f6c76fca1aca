import { catalogEntry } from "../catalog/index.ts";
import type { Deadline, NextStep, Reminder, Risk, StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { matchDayDue, rolDue } from "./critical-notice-deadline.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { UNLESS_VISA_HELD } from "./h1b-j1-fallback.ts";
import { programUnnamed } from "./h1b-outcome-words.ts";
import { instantOf } from "./instant-of.ts";
import { sponsorshipDayNamed } from "./j1-certificate.ts";
import { isResidencyStartDue } from "./residency-start-day.ts";
import { stepRenderings } from "./step-renderings.ts";
import { step3DueNow, step3Held } from "./step3-after-ranking.ts";
import { step3ApplyBy } from "./step3-apply-by.ts";
import { step3DueKind } from "./step3-petition-dates.ts";
import { fsmbApplied } from "./step3-sitting.ts";
import { visitorVisaApplyBy } from "./step3-visa-apply-by.ts";
import { visaStepDate } from "./visa-notice-date.ts";
import { startDayDue } from "./visa-result-due.ts";

/** A notice's dates beside the season date it is laid against (carrierDate, cardLaidDate). */
export interface NoticeDate {
  detail?: Deadline;
  countsDownTo?: Reminder["countsDownTo"];
  overdueSince?: Deadline;
  stepDate?: Deadline;
}

/**
 * The date a notice says when it is not the season date its risk is about (deadlineOf), undefined
 * otherwise. A notice about the step it rides on carries that step's own date, the one its ladder
 * counts to (own date, else target, else deadline, the first still ahead at `at`): the season date
 * its risk is about may be a year after that step's target (the next Match's rank order list
 * deadline) or after the step has ended (Match Day's release after SOAP), so it stays in the risk's
 * words. MATCH_DAY_NOT_REPORTED, on Match Day, is about the contract waiting on the answer, the
 * first step after Match Day (facts.md §5: the contract comes first; the Statement of Need and the
 * J-1 sponsorship are due after it): that date while ahead, "overdue since" it once passed, never
 * residency's start, months after the contract is due. VISA_NOT_READY_FOR_START carries the date
 * of the visa step it rides on (visaStepDate); ERAS_LATE_SUBMISSION and STEP3_NEEDED_FOR_H1B the
 * date of the step they ask for (erasDate, step3Date), earlier than `seasonAt`, the season date the
 * notice is laid against.
 */
export function carrierDate(
  risk: Risk,
  dates: PlanDates,
  step: NextStep | { milestone: StepSubject; waiting: string },
  at: number,
  seasonAt: number,
  context: PlanContext,
): NoticeDate | undefined {
  if (risk.code === "MATCH_DAY_NOT_REPORTED") return matchAnswerDate(dates, at);
  // The start is what is missed, whichever step the notice rides on: riding the contract it read
  // "overdue since Mon 5 Apr (our advice)", the contract's own date, above "Residency started on …".
  // A step missed after the start (a visa interview booked after it) keeps its own day.
  if (risk.code === "START_DELAYED" && missedBeforeStart(step, dates))
    return { overdueSince: dates.rendered(startDayDue(dates.calendar)) };
  if (risk.code === "VISA_NOT_READY_FOR_START") {
    // Worded before we know where they matched, with no visitor visa held to meet Step 3's day, it
    // asks nothing of Step 3 but the program's answer: dated by Match Day's release, which names the
    // program, or once past, by the day the Match Day question is answered by (the contract's),
    // never by the Step 3 day it calls out of reach. On Step 3's card with no date it shows none
    // (onUndatedStep3, critical-risk-notice.ts): these dates are Match Day's card's.
    const unplaced = risk.matchOutcome;
    // Before ranking, the programs are asked before they are ranked: by the rank order list deadline,
    // on a step it names (on another, the start stands: that step's own notice may carry the deadline).
    if (unplaced === "ranking")
      return "waiting" in step || !risk.milestones.includes(step.milestone)
        ? undefined
        : { detail: dates.rendered(rolDue(dates.calendar)) };
    if (unplaced !== undefined && !risk.message.includes(UNLESS_VISA_HELD))
      return programUnnamed(unplaced)
        ? { detail: dates.rendered(matchDayDue(dates.calendar)) }
        : matchAnswerDate(dates, at);
    return visaStepDate(risk, step, at, context.zone);
  }
  if (risk.code === "ERAS_LATE_SUBMISSION") return erasDate(risk, dates, step, at);
  if (risk.code === "STEP3_NEEDED_FOR_H1B") return step3Date(context, risk, dates, step, at, seasonAt);
  if (risk.code === "CERTIFICATION_AFTER_START") return certificateDate(context, step, at);
  if (!CARRIER_DATED.has(risk.code) || "waiting" in step) return undefined;
  return aheadDate(step, at);
}

/** Whether the step a delayed start's notice rides on waits, or was due before residency's start. */
function missedBeforeStart(
  step: NextStep | { milestone: StepSubject; waiting: string },
  dates: PlanDates,
): boolean {
  if ("waiting" in step || step.deadline === undefined) return true;
  return instantOf(step.deadline.at) < dates.calendar.dates.residency_start.at;
}

/** The step's own date, else its target, else its deadline: the first still ahead at `at`, as its ladder counts. */
function aheadDate(
  step: NextStep,
  at: number,
): { detail: Deadline; countsDownTo?: Reminder["countsDownTo"] } | undefined {
  const dated = (detail: Deadline, countsDownTo?: Reminder["countsDownTo"]) =>
    instantOf(detail.at) >= at ? { detail, countsDownTo } : undefined;
  return (
    (step.ownDate && dated(step.ownDate, "own-date")) ??
    (step.target && dated(step.target, "target")) ??
    (step.deadline && dated(step.deadline))
  );
}

/**
 * ERAS_LATE_SUBMISSION's date: the ERAS application's own (the day programs began reviewing), past
 * by the time the risk is raised, so "overdue since" it, as the risk's words say; the rank order
 * list deadline is no date to submit by. Riding on the card of a step the application waits on (its
 * prerequisite, the ERAS token), that card's own date, as its row and the overdue list show it: the
 * token overdue since its own day, never also since the review day the risk's words name (one date
 * per step). On any other card (SOAP's, with the ERAS steps out of the plan) the
 * application's day stays. The step it rides on when the application has none.
 */
function erasDate(
  risk: Risk,
  dates: PlanDates,
  step: NextStep | { milestone: StepSubject; waiting: string },
  at: number,
): { detail?: Deadline; countsDownTo?: Reminder["countsDownTo"]; overdueSince?: Deadline } | undefined {
  if (!("waiting" in step) && ERAS_PREREQUISITES.has(step.milestone)) {
    const own = stepDate(step, at);
    if (own !== undefined) return own;
  }
  for (const key of risk.milestones) {
    if (key === "interview") continue;
    const due = stepRenderings(dates, stepIndex(key)).dueDetail;
    if (due !== undefined) return instantOf(due.at) >= at ? { detail: due } : { overdueSince: due };
  }
  return "waiting" in step ? undefined : stepDate(step, at);
}

/**
 * STEP3_NEEDED_FOR_H1B's date: Step 3's own (its last sitting day, or the day booked; booked after
 * that day, the day to move it to) while Step 3 is a next step with that day ahead and before
 * `seasonAt`, the rank order list deadline the notice is laid against: "Due" the deadline would
 * mislead. Dated instead for the H-1B petition after the Match, while its day to apply to FSMB by
 * (step3ApplyBy; abroad the visitor visa's, visitorVisaApplyBy) is ahead and before that deadline:
 * that day, the first thing the notice asks. Otherwise the card's date (the petition's sit-by day,
 * or the sitting booked before it) is shown as its step date, as cardLaidDate's (one date per step:
 * "Due" the deadline beside a card saying "sit it by" a later day gave it two), while the notice
 * stays laid against the deadline, so the visa's notice before ranking, laid there too, still folds
 * into it (placeNotice matches the laid date).
 */
function step3Date(
  context: PlanContext,
  risk: Risk,
  dates: PlanDates,
  step: NextStep | { milestone: StepSubject; waiting: string },
  at: number,
  seasonAt: number,
): NoticeDate | undefined {
  if ("waiting" in step || !risk.milestones.includes(step.milestone)) return undefined;
  // Booked after its last sitting day (the card asks to move it): that day, never the booked one.
  const late = step.ownDate && step.deadline && instantOf(step.ownDate.at) > instantOf(step.deadline.at);
  const ahead = late ? aheadDate({ ...step, ownDate: undefined }, at) : aheadDate(step, at);
  if (ahead === undefined) return undefined;
  if (instantOf(ahead.detail.at) < seasonAt) return ahead;
  // The card's date its ladder counts to (a sitting booked in time: "Your date"), shown, not laid against.
  const card = { stepDate: ahead.detail, countsDownTo: ahead.countsDownTo };
  const sitBy = step3DueNow(context, dates, dates.due(STEP3));
  // Booked or sat (step3ApplyBy null): no day to apply by is the first thing to do.
  const fsmbBy = sitBy == null || step3DueKind(sitBy) !== "petition" ? null : step3ApplyBy(context, sitBy);
  if (sitBy == null || fsmbBy === null) return card;
  // Abroad the visitor visa's day binds, applied to FSMB or not; in the US, applied to FSMB already
  // (Step 3 under way), no day to apply by is the first thing to do.
  const visaBy = visitorVisaApplyBy(context, sitBy);
  if (visaBy === null && fsmbApplied(context, isFinished(statusOf(context, "ecfmg_certification"))))
    return card;
  const applyBy = visaBy ?? fsmbBy;
  return applyBy.at >= at && applyBy.at < seasonAt ? { detail: dates.rendered(applyBy) } : card;
}

/**
 * CERTIFICATION_AFTER_START on the certificate's own card, for a J-1 applicant who has matched: the
 * sponsorship's day while ahead, the card's target, which the certificate's question counts down to
 * (certificateAskedDue). Once that day has passed, or for anyone else, undefined: the notice is laid
 * against residency's start and shows the card's deadline (cardLaidDate), as the certificate's
 * reminders do; a passed target is not "overdue" while that deadline holds.
 */
function certificateDate(
  context: PlanContext,
  step: NextStep | { milestone: StepSubject; waiting: string },
  at: number,
): NoticeDate | undefined {
  if ("waiting" in step || step.milestone !== CERTIFICATE || !sponsorshipDayNamed(context)) return undefined;
  if (step.target === undefined || instantOf(step.target.at) < at) return undefined;
  return aheadDate(step, at);
}

/**
 * A notice that carrierDate does not date shows the date of the card it rides on, whatever season
 * date its risk is laid against (`due`, which stays in its words and sets when it stops being sent):
 * that card's deadline (stepDate) while ahead, "overdue since" it once passed, so one step never
 * shows two dates (Match Week's card ends with SOAP, its notice read "Due" Match Day; an overdue
 * Statement of Need's notice read "Due" the visa's date). A card due after `due` leaves `due`
 * shown: a last day to act by never reads as the later deadline of the step it rides on (the Match
 * year's last day in June on an application due in August). Undefined on a waiting step, one with
 * no deadline, or one whose deadline is `due` itself.
 */
export function cardLaidDate(
  step: NextStep | { milestone: StepSubject; waiting: string },
  at: number,
  due: DueDate,
): NoticeDate | undefined {
  const deadline = "waiting" in step ? undefined : step.deadline;
  if (deadline === undefined) return undefined;
  const cardAt = instantOf(deadline.at);
  // A card due later than the risk's day keeps the earlier one: a notice never reads as more time.
  if (cardAt > due.at || (cardAt === due.at && !isResidencyStartDue(due))) return undefined;
  return cardAt >= at ? { stepDate: deadline } : { overdueSince: deadline };
}

/** A next step's date ahead at `at` (aheadDate), else "overdue since" its passed deadline. */
function stepDate(
  step: NextStep,
  at: number,
): { detail?: Deadline; countsDownTo?: Reminder["countsDownTo"]; overdueSince?: Deadline } | undefined {
  return aheadDate(step, at) ?? (step.deadline && { overdueSince: step.deadline });
}
/** The contract's date, by which Match Day's question is answered: while ahead, else "overdue since" it. */
function matchAnswerDate(
  dates: PlanDates,
  at: number,
): { detail?: Deadline; overdueSince?: Deadline } | undefined {
  const contract = dates.due(CONTRACT);
  if (contract === null) return undefined;
  const contractDate = dates.rendered(contract);
  return contract.at >= at ? { detail: contractDate } : { overdueSince: contractDate };
}

/** The risks whose notice is about the step it rides on, so it carries that step's date (carrierDate). */
const CARRIER_DATED: ReadonlySet<string> = new Set(["MATCH_YEAR_NOT_FEASIBLE", "MATCH_WEEK_SOAP_CONFLICT"]);
const CONTRACT: MilestoneKey = "contract";
/** The steps the ERAS application waits on (its catalog prerequisites: the ERAS token). */
const ERAS_PREREQUISITES: ReadonlySet<StepSubject> = new Set(
  catalogEntry("eras_application").prerequisites.map((prerequisite) => prerequisite.key),
);
const CERTIFICATE: MilestoneKey = "ecfmg_certification";
const STEP3: MilestoneKey = "usmle_step3";

/**
 * Whether a notice rides on Step 3's card while that card has no date: its petition's sit-by day out
 * of reach before the applicant has told us they matched (step3Held "undated": the row shows no date,
 * the card and the visa risk name that day only as out of reach, and the plan gives the days once
 * the program is known). The notice is then undated too (Reminder.onWaitingStep): dated by Match
 * Day's release or the contract's date it read "Due Fri 19 Mar, 6:00 AM *" and later "Overdue since
 * Fri 2 Apr" on a card whose only day is the sit-by day it calls out of reach. Match Day's own step
 * keeps those dates (its card, its question and the overdue list).
 */
export function onUndatedStep3(
  context: PlanContext,
  dates: PlanDates,
  step: NextStep | { milestone: StepSubject; waiting: string },
): boolean {
  if ("waiting" in step || step.milestone !== STEP3 || step.deadline !== undefined) return false;
  return step3Held(context, step3DueNow(context, dates, dates.due(STEP3))) === "undated";
}

/** The date a critical notice laid at `at` shows: carrierDate's, else its card's (cardLaidDate). */
export function noticeDateAt(
  risk: Risk,
  dates: PlanDates,
  step: NextStep | { milestone: StepSubject; waiting: string },
  at: number,
  due: DueDate,
  context: PlanContext,
): NoticeDate | undefined {
  return carrierDate(risk, dates, step, at, due.at, context) ?? cardLaidDate(step, at, due);
}

/**
 * The nearest instant a notice's date shows (the deadline it counts down to, or its card's own day
 * ahead), or +Infinity: a notice goes at once when the next delivery slot leaves under a day before
 * it, as when it is its risk's own date (the visa's notice on Step 3 shows the rank order list's).
 */
export function nearestShownAt(dated: NoticeDate | undefined): number {
  const shown = dated?.detail === undefined ? Number.POSITIVE_INFINITY : instantOf(dated.detail.at);
  const card = dated?.stepDate === undefined ? Number.POSITIVE_INFINITY : instantOf(dated.stepDate.at);
  return Math.min(shown, card);
}
