import type { CatalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import { DAY_MS } from "../time.ts";
import { applicationLastDayEntry } from "./application-last-day-entry.ts";
import { certificateAskedDue, certificateAskedReminders } from "./certificate-issued-asked.ts";
import type { PlanContext } from "./context.ts";
import { currentPathwaysFollowUps } from "./current-pathways-reminders.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { isApplicationChainedDue } from "./exam-chain.ts";
import { certificateLaterApplyByReminders } from "./h1b-certificate-later-rungs.ts";
import { routeQuestionOnPetition } from "./h1b-in-us.ts";
import {
  AIM,
  type AimKind,
  HARD,
  ladderFor,
  laidStep,
  NO_AIM,
  OWN_AIM,
  type StepFacts,
  TARGET_AIM,
} from "./laid-step.ts";
import { bookedAfterDue } from "./last-sitting-day.ts";
import { matchDayAfterSoap } from "./match-day-after-soap.ts";
import { type BookNowFacts, bookNowOnMovedPlan } from "./moved-exam-book-now.ts";
import { nrmpAskedEntry, nrmpRegistrationAsked } from "./nrmp-registration-asked.ts";
import { nrmpWeighingEntry, nrmpWhileWeighing } from "./nrmp-while-weighing.ts";
import { oetBookingReminders } from "./oet-booking-day.ts";
import { oetResultAnnounced, oetResultAwaited } from "./oet-result-awaited.ts";
import type { StepOwnDate } from "./own-date.ts";
import { ownDatePassedReminders } from "./own-date-passed.ts";
import { isPathwayLastDayDue } from "./pathway-last-day.ts";
import { pathwayCountdownEntry } from "./pathway-late-title.ts";
import { pathwayReviewDue, pathwaySubmittedInProgress } from "./pathway-review.ts";
import { plannedDayAsked } from "./planned-day-asked.ts";
import { presumedPathwayFollowUp } from "./presumed-pathway-follow-up.ts";
import { presumedSentPastDeadline } from "./presumed-sent.ts";
import { rankListPlannedEarly } from "./rank-list-planned-early.ts";
import { layKnownLadder, type TimedReminder } from "./reminders.ts";
import { resultQuestionEntry } from "./result-question-entry.ts";
import { reapplyFirst } from "./retake-reapply-rungs.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { laidSchoolCheck, schoolCheckFollowUps } from "./school-check-follow-ups.ts";
import type { SlippedTarget } from "./slipped-targets.ts";
import { step3WaitsForMatch } from "./step3-after-ranking.ts";
import { step3ApplyByReminders } from "./step3-apply-by.ts";
import { step3ResultAwaitedToPetition, step3SatPastPetition } from "./step3-booked-past-petition.ts";
import { targetPassedReminders } from "./target-passed.ts";
import { pathwayDueHasNoLadder, pendingPathwayReminders } from "./undated-pathway-pending.ts";
import { visaBehindReminders } from "./visa-behind.ts";
import { visaInterviewAsked } from "./visa-interview-asked.ts";
import { interviewDayOnly } from "./visa-interview-booked-late.ts";

/** The dates one next step's reminders are laid against, as planMilestone resolved them. */
export interface StepReminderDates extends BookNowFacts {
  /** The hard deadline (the authority's, or advice derived from it) and its rendering. */
  due: DueDate | null;
  detail: Deadline | undefined;
  /** The competitive target, and whether it is still ahead. */
  target: DueDate | null;
  targetDetail: Deadline | undefined;
  targetAhead: boolean;
  /** The applicant's own date, and whether the reminders count down to it (ahead, not after the deadline). */
  own: StepOwnDate | null;
  ownAhead: boolean;
  startBy: number | null;
  notStarted: boolean;
  /** The hard deadline has passed with the step not done (a visa step then: visaBehindReminders). */
  overdueNow: boolean;
  /** The certificate with nothing outstanding: a question, not work (certificate-issued-asked.ts). */
  issuedAsked: boolean;
  /** A target moving with a late prerequisite (movingSlip): its passed catalog target's follow-ups say it moved. */
  movedTarget: SlippedTarget | null;
}

/**
 * A next step's reminders, appended to `into`. The step's ladder counts down to what the
 * applicant aims at: their own date while it is ahead and not after the deadline (the exam day
 * they booked: that is the day to prepare for), else the competitive target while it is ahead;
 * the hard deadline then gets its first rung, which guarantees a wake-up before it (the plan made
 * then carries the rest of that ladder, same ids). With nothing to aim at, the hard deadline gets
 * the whole ladder: so does a deadline the applicant's own date falls after (the risk says move
 * it), and a target passed with the step not booked adds one notice at the next slot
 * (targetPassedNotice), then follow-ups at most four weeks apart until the deadline's ladder
 * begins (targetFollowUps). A passed own date with no result adds one follow-up (see resultFollowUp), unless a rung of
 * the deadline goes out at that very instant.
 */
export function stepReminders(
  context: PlanContext,
  entry: CatalogEntry,
  dates: StepReminderDates,
  into: TimedReminder[],
  stepDates: PlanDates,
  index: number,
): void {
  // Step 3 needed only if they matched on H-1B: none of its reminders until they say where (the
  // Match Day notice asks), so no email pushes its fee or the trip before then; nor while its
  // petition's day is already out of reach before they have matched (the visa risk's notice asks).
  if (entry.key === "usmle_step3" && step3WaitsForMatch(context, dates.due)) return;
  // Step 3 sat past the petition's sit-by day: its result lands after the petition's date, so no
  // "Due" countdown to a day it cannot meet; only the result's question, the day it is expected.
  // On the sit-by day itself, with the score expected on the petition's date: the same, one question.
  if (
    dates.own?.passed === true &&
    (step3SatPastPetition(context, dates.due) || step3ResultAwaitedToPetition(context, dates.due))
  )
    dates = { ...dates, due: null, detail: undefined };
  // A visa interview booked and ahead, before or after the visa's date: its reminders count down to
  // the interview, the one date its row and card give (interviewDayOnly).
  const interviewOnly = entry.stage === "visa" && interviewDayOnly(entry.key, dates.own);
  if (interviewOnly) dates = { ...dates, due: null, detail: undefined };
  // A rank list planned before ranking opens: the opening's notice, never "Start now" (rank-list-planned-early.ts).
  if (rankListPlannedEarly(context, entry.key)) dates = { ...dates, notStarted: true, startBy: null };
  const { due, detail, own, notStarted, startBy } = dates;
  // A sitting booked after its last day, once that day has passed, has nothing left to move it for:
  // the paid exam day is what its reminders count down to, as any booked exam's do.
  // A Pathway planned for a day its risk calls too late (dated by the last day): no countdown to that day.
  const ownAhead =
    (dates.ownAhead && !(entry.key === "ecfmg_pathway" && due !== null && isPathwayLastDayDue(due))) ||
    interviewOnly ||
    (due !== null && due.at < context.now && bookedAfterDue(context, entry.key, own, due) === "sitting");
  // In the US the petition's card asks the route while the stamping waits for the petition.
  if (entry.key === "visa_h1b" && due !== null && detail !== undefined)
    routeQuestionOnPetition(context, entry, { at: due.at, detail }, into);
  const from = into.length;
  // The certificate's question has nothing to aim at: no "Aim to finish by" rungs.
  const aimKind: AimKind = dates.issuedAsked
    ? NO_AIM
    : ownAhead && own !== null
      ? OWN_AIM
      : dates.targetAhead && dates.target !== null && dates.targetDetail !== undefined
        ? TARGET_AIM
        : NO_AIM;
  const aimDetail =
    aimKind === OWN_AIM ? own?.detail : aimKind === TARGET_AIM ? dates.targetDetail : undefined;
  const aimAt =
    aimKind === OWN_AIM ? (own?.due.at ?? 0) : aimKind === TARGET_AIM ? (dates.target?.at ?? 0) : 0;
  const hardDetail = due !== null ? detail : undefined;
  // Asked whether they registered, the applicant's NRMP reminders are titled as the question.
  // Beside ERAS_LATE_SUBMISSION's "weigh the next Match", titled on that condition.
  // A sat exam's rungs toward its result's deadline ask for the result; with a target ahead
  // the aim's ladder keeps the catalog's title (laidStep's aim titles are kept per step key).
  // The ECFMG application due by the exam chain's day: the Match's last day, named on its "Due" rungs
  // (not on an aim's, which count down to a target, nor laid beside one: its titles are kept per step).
  // The Pathway's own rungs: asked or weighed as its notice is (pathwayCountdownEntry).
  const titled =
    entry.key !== "nrmp_registration"
      ? own?.passed === true && due !== null && aimKind === NO_AIM
        ? resultQuestionEntry(context, entry, due, stepDates.calendar, index)
        : aimKind === NO_AIM && isApplicationChainedDue(entry.key, due)
          ? applicationLastDayEntry(entry, stepDates.calendar.matchYear)
          : pathwayCountdownEntry(context, entry, due, aimKind === NO_AIM, stepDates.calendar.matchYear)
      : nrmpRegistrationAsked(context)
        ? nrmpAskedEntry(entry)
        : nrmpWhileWeighing(context)
          ? nrmpWeighingEntry(entry)
          : entry;
  const facts = STEP_FACTS;
  facts.aimKind = aimKind;
  facts.aimAt = aimAt;
  facts.aimDetail = aimDetail;
  facts.dueAt = due?.at ?? 0;
  facts.hardDetail = hardDetail;
  facts.hasTarget = dates.target !== null;
  facts.startBy = startBy;
  facts.notStarted = notStarted;
  const laid = laidStep(context, laidSchoolCheck(context, titled), stepDates, index, facts);
  // A Pathway dated by its application deadline, whose date has gone by, is under ECFMG's review
  // (README; pathway-review.ts): none of that deadline's "Due" rungs about submitting it,
  // only the "did ECFMG accept it?" follow-up below, which then announces the
  // rank order list deadline. The plan still wakes when the application deadline passes: the step
  // is then due by the rank order list deadline (pathwayDecisionDue, `due === review`), and still
  // under review: no "Due" rungs to that deadline either.
  // One reported in progress (submitted) is dated by that deadline and its ladder counts down to it,
  // asking whether ECFMG has accepted it.
  // These rules speak of the Pathway alone: asked of it only.
  const pathway = entry.key === "ecfmg_pathway";
  const review =
    pathway && due !== null && !pathwaySubmittedInProgress(context, entry, stepDates.calendar)
      ? pathwayReviewDue(context, entry, stepDates.calendar)
      : null;
  const underReview = review !== null && due !== null;
  if (underReview && due !== null) noteRiskChange(context, due.at); // the rungs' wake-up, kept
  // A Pathway presumed sent past its projected deadline is treated as one submitted in time: one
  // "did ECFMG accept it?" follow-up, no "Due" rungs.
  // For the plan's own Match only: a step dated for a later Match (the plan moved on) keeps its ladder.
  const presumedReview =
    pathway && presumedSentPastDeadline(context, index) && stepDates.calendar === context.calendar;
  if (presumedReview && due !== null && detail !== undefined)
    presumedPathwayFollowUp(context, entry, { at: due.at, detail }, into);
  if (laid.aim !== null && !underReview && !presumedReview)
    layKnownLadder(context, laid.aim, ladderFor(context, laid, AIM), into, false);
  // An exam under way on a plan moved on: book now, not at the target's book-by day.
  if (entry.bookingLeadDays !== undefined && dates.missed !== null)
    bookNowOnMovedPlan(context, entry, dates, stepDates.calendar.matchYear, into);
  // The current Pathways season the card recommends: at least monthly until it closes.
  if (entry.key === "ecfmg_pathway") {
    currentPathwaysFollowUps(context, entry, dates, into);
    pendingPathwayReminders(context, entry, dates, stepDates, into);
  }
  // Step 3 the H-1B petition waits on after ranking, not booked: weekly to the FSMB apply-by day.
  if (entry.key === "usmle_step3") step3ApplyByReminders(context, dates, stepDates, into);
  // The certificate Step 3 waits on, on H-1B past its target: rungs to the later candidate's FSMB day.
  if (entry.key === "ecfmg_certification") certificateLaterApplyByReminders(context, entry, stepDates, into);
  // A visa interview not yet booked once its document is in hand: one "have you booked it?" check.
  if (due !== null && detail !== undefined && stepDates.calendar === context.calendar)
    visaInterviewAsked(context, entry, due, detail, into);
  // OET not booked: its last booking day's countdown.
  if (entry.key === "oet_medicine") oetBookingReminders(context, stepDates, into);
  // The WDOMS check past its target from the sign-up: followed up toward the Match's last day.
  if (entry.key === "wdoms_listing") schoolCheckFollowUps(context, entry, index, dates, stepDates, into);
  // An undated Pathway past the days that decide an unsent one, or counted down by its risk: no "Due" ladder.
  const askedOnly = entry.key === "ecfmg_pathway" && pathwayDueHasNoLadder(due);
  if (laid.hard !== null && !underReview && !presumedReview && !askedOnly) {
    const hardFrom = into.length;
    layKnownLadder(context, laid.hard, ladderFor(context, laid, HARD), into, laid.aim !== null);
    if (entry.key === "ecfmg_pathway" && laid.aim !== null) dropNextToAim(into, from, hardFrom);
    if (dates.issuedAsked && detail !== undefined && due !== null)
      certificateAskedReminders(
        context,
        entry,
        certificateAskedDue(
          context,
          { at: due.at, detail },
          dates.target === null
            ? null
            : {
                at: dates.target.at,
                detail: dates.targetDetail,
                ahead: dates.targetAhead && !ownAhead,
              },
        ),
        dates.target !== null && !dates.targetAhead && !ownAhead ? dates.target.at : null,
        into,
      );
    // A passed target is not "overdue" while the deadline holds (the card's badge is urgent): its
    // reminders say the target passed and count down to the deadline, a matched J-1 applicant's
    // certificate past the sponsorship's day too (its card says what each later day costs).
    else if (dates.target !== null && !dates.targetAhead && !ownAhead)
      targetPassedReminders(context, entry, index, dates, into);
  }
  // A retake not booked is reapplied for before it is booked: its booking rungs say so.
  if (entry.bookingLeadDays !== undefined) reapplyFirst(context, entry, into, from);
  if (own?.passed === true) {
    const announced =
      underReview && review !== null
        ? { at: review.at, detail: stepDates.rendered(review) }
        : due !== null && detail !== undefined
          ? oetResultAwaited(context, entry, due, stepDates)
            ? oetResultAnnounced(context, stepDates)
            : { at: due.at, detail }
          : null;
    ownDatePassedReminders(context, entry, index, own, { announced, overdue: detail }, stepDates, into);
  }
  // A day planned for a submission, registration or certification: "did you?" the morning after it.
  if (due !== null && detail !== undefined) plannedDayAsked(context, entry, { at: due.at, detail }, into);
  // A visa step behind after the Match, or the J-1 certificate past the DS-2019's date: weekly to the start.
  if (dates.overdueNow && due !== null && (entry.stage === "visa" || entry.key === "ecfmg_certification"))
    visaBehindReminders(context, entry, due, stepDates, into);
  // Match Day waits for SOAP's end.
  if (entry.key === "match_day") matchDayAfterSoap(context, stepDates, into, from);
}

/**
 * The facts laidStep reads, one record rewritten for every step of every plan: laidStep compares them
 * and layStep copies them, neither keeps the record, and a new one per step was most of what
 * stepReminders allocated (heap sampling).
 */
const STEP_FACTS: StepFacts = {
  aimKind: NO_AIM,
  aimAt: 0,
  aimDetail: undefined,
  dueAt: 0,
  hardDetail: undefined,
  hasTarget: false,
  startBy: null,
  notStarted: false,
};

/**
 * Drops the deadline's first rung (laid at `hardFrom` on) when it falls on the day before or after a
 * rung of the same step's own-date ladder (laid from `from`): a Pathway planned in time is one
 * application, one email ("Your date" on 11 Dec, "Due" on 12 Dec). Rungs on
 * the same slot stay: the email joins them (one item with both dates).
 */
function dropNextToAim(into: TimedReminder[], from: number, hardFrom: number): void {
  for (let index = into.length - 1; index >= hardFrom; index--) {
    const at = (into[index] as TimedReminder).sendAt;
    for (let aim = from; aim < hardFrom; aim++)
      // Apart by a day (12 to 36 hours): rungs on one slot are one email already (oneReminderPerStep).
      if (Math.abs(Math.abs((into[aim] as TimedReminder).sendAt - at) - DAY_MS) <= DAY_MS / 2) {
        into.splice(index, 1);
        break;
      }
  }
}
