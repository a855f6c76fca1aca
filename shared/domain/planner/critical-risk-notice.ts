import { SCHOOL_CHECK } from "../catalog/index.ts";
import type { NextStep, Risk, StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { isoInZone, isoUtc } from "../time.ts";
import { lastSittingDue } from "./any-seat.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { nearestShownAt, noticeDateAt, onUndatedStep3 } from "./critical-notice-carrier-date.ts";
import { deadlineOf, rolDue } from "./critical-notice-deadline.ts";
import {
  CRITICAL_RISK_RUNG,
  criticalNoticeId,
  noticeTitle,
  OUT_OF_REACH_RUNG,
} from "./critical-notice-id.ts";
import { placeNotice } from "./critical-notice-place.ts";
import { noticePhase, noticeTemplate, RETAKE_ON_LATER_PHASE } from "./critical-notice-titles.ts";
import type { PlanDates } from "./deadlines.ts";
import { isLateArrival, lateArrivalAt, lateArrivalSlot } from "./delivery-slot.ts";
import { aboutDroppedMatch, movedToLaterMatch } from "./dropped-match-notices.ts";
import { instantOf } from "./instant-of.ts";
import { emailBefore } from "./join-late-arrivals.ts";
import type { LaterCandidateSteps } from "./later-candidate-steps.ts";
import { soapAcceptedBesideMatched } from "./match-week-soap-conflict.ts";
import { isLastDayDue } from "./match-year-last-day-countdown.ts";
import { noteRecordEvidence } from "./note-contradicted-by-record.ts";
import { actBy, lateExamSteps, retakeOnLaterCandidate } from "./notice-act-by.ts";
import { stepFor } from "./notice-step.ts";
import { ownDateCutOff } from "./own-date.ts";
import { reminderRecord } from "./reminder-record.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { isResidencyStartDue } from "./residency-start-day.ts";
import { soapMayStillPlace } from "./season-over-state.ts";
import { sentAt } from "./sent-reminders.ts";
import { statusFiledTooLate } from "./status-approval-line.ts";
import { chainOf, step3Carrier } from "./step3-notice-carrier.ts";
import { judgedOnTargetedMatch, type TargetedMatch } from "./targeted-match.ts";
import { timedReminder } from "./timed-reminder.ts";
import { overdueSinceOf } from "./visa-notice-date.ts";
import { j1VerdictPhase, visaVerdictNoticeDate } from "./visa-verdict-notice.ts";

export {
  CRITICAL_RISK_RUNG,
  criticalNoticeId,
  isCriticalNoticeRung,
  isRiskNoticeRung,
  isUndatedNotice,
  OUT_OF_REACH_RUNG,
  WARNING_NOTICE_RUNG,
} from "./critical-notice-id.ts";

/**
 * SCHOOL_NOT_ECFMG_ELIGIBLE's notice rides on these, in order, while a next step: the WDOMS check
 * (its re-check lifts the gate), else the budget (the notice says to pay no fee), else the first
 * next step; never on a blocked, done or waived one.
 */
const NOT_ELIGIBLE_STEPS: readonly StepSubject[] = [SCHOOL_CHECK.key, "budget"];
/** SEASON_OVER's notice rides on these, in order: each says what next once the Match is over. */
const SEASON_OVER_STEPS: readonly StepSubject[] = ["rank_order_list", "nrmp_registration"];

/**
 * One notice per critical risk with a title (critical-notice-titles.ts ACT_NOW), sent when the
 * risk appears, not at the step's next rung weeks later: at the applicant's next delivery slot, one
 * email with that slot's rungs, unless that slot would pass the date the notice carries or leave under
 * a day before it; then at once like a late arrival (lateArrivalAt), appended to `into`. It rides
 * on the first next step the risk names (named: out of reach, the plan's first next step; never a blocked step but
 * Step 3's own; no sponsor note, the WDOMS check else the budget; a Match that is over, the rank
 * order list else NRMP registration). Its text is the risk's message, its deadline the season date
 * the risk is about (deadlineOf). No notice once that date has passed or with no actionable step;
 * a rung of the same step and deadline going out then is dropped for it. Every plan carrying the
 * risk carries the notice; its stable id makes it one email (README: critical reminders are always
 * sent). A notice the ledger marks sent (PlannerInput.remindersSent) is laid at that instant, so it
 * swallows no rung a later wake-up plans. Returns the step each risk's notice rides on (Risk.noticeOn),
 * or undefined when no notice was laid (most plans: no Map made for them).
 */
export function criticalRiskNotices(
  context: PlanContext,
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
  dates: PlanDates,
  into: TimedReminder[],
  targeted?: TargetedMatch,
  candidate: LaterCandidateSteps | null = null,
): Map<Risk, StepSubject> | undefined {
  let noticedOn: Map<Risk, StepSubject> | undefined;
  let atOnce: number | undefined;
  // The renderings of the last instant laid: every notice of a plan goes at one or two instants.
  let renderedAt: number | undefined;
  let sendAtIso = "";
  let sendAtLocal = "";
  let visitors: string[] | undefined;
  // Each notice is laid once every risk is read: at once together when one of them must (`together`).
  let drafts: ((together: number | undefined) => void)[] | undefined;
  let together: number | undefined;
  const moved = movedToLaterMatch(context, risks);
  for (const risk of risks) {
    if (risk.severity !== "critical") break; // critical first (assessRisks' order)
    if (moved && aboutDroppedMatch(risk)) continue;
    // With no sponsor note the school's notice is the one email: the season out of reach is told
    // under its risks, with its sources, and no notice dates a Match nothing can be planned for yet.
    if (risk.code === "MATCH_YEAR_NOT_FEASIBLE" && context.eligibility === "ineligible") continue;
    // A risk judged on the Match the plan moved to is noticed on that Match's dates.
    const on = judgedOnTargetedMatch(targeted, risk) ? (targeted as TargetedMatch) : null;
    const riskContext = on?.context ?? context;
    const riskDates = on?.dates ?? dates;
    const phase =
      noticePhase(riskContext, risk) ??
      j1VerdictPhase(risk) ??
      (retakeOnLaterCandidate(risk, candidate) ? RETAKE_ON_LATER_PHASE : undefined);
    const template = noticeTemplate(riskContext, risk, phase);
    // While SOAP is open its step speaks (once ended with its outcome awaited, Match Day's), unless
    // the risk asks to check R3 now (a later deadline).
    if (
      template === undefined ||
      (risk.code === "SEASON_OVER" && soapMayStillPlace(context) && phase === undefined)
    )
      continue;
    // Out of reach, the first next step is the action (the application before the exams it names).
    const { nowWall, catchUp } = catchUpOf(context);
    atOnce ??= lateArrivalSlot(context, nowWall);
    // An exam's last sitting day to find any seat by: the notice is due that day and goes out on it
    // even in quiet hours ending after it, as any reminder would (README); never after it.
    const seatDay = lastSittingDue(riskContext, risk, riskDates);
    let first = seatDay !== undefined && seatDay.at <= atOnce ? context.now : atOnce;
    const dueAt = (when: number) =>
      seatDay ?? actBy(riskContext, risk, riskDates, when, candidate) ?? deadlineOf(riskContext, risk);
    let due = dueAt(first);
    // Found in quiet hours whose end would pass its date, or leave under LATE_ARRIVAL_QUIET_MARGIN_MS
    // before it: now, at night, as any late arrival (lateArrivalAt); never lost.
    const lateAt = first === context.now ? first : lateArrivalAt(context, nowWall, due.at);
    if (lateAt !== null && lateAt !== first) [first, due] = [lateAt, dueAt(lateAt)];
    if (due.at < first) continue;
    // At once only as a late arrival (the next slot passes its date or leaves under a day before it;
    // a risk turning at 9:00 AM ET, due months later, made a second email); actBy gives that day there too.
    let late = isLateArrival(catchUp, due.at);
    const detail = riskDates.rendered(due);
    const step =
      risk.code === "STEP3_NEEDED_FOR_H1B"
        ? step3Carrier(riskContext, nextSteps, due.at === rolDue(riskDates.calendar).at)
        : risk.code === "EXAMS_LATE_FOR_RANKING"
          ? stepFor(lateExamSteps(riskContext, risk, riskDates, due), nextSteps, detail.at)
          : risk.code === "SCHOOL_NOT_ECFMG_ELIGIBLE"
            ? stepFor(NOT_ELIGIBLE_STEPS, gateSteps(context, nextSteps), detail.at)
            : risk.code === "SEASON_OVER"
              ? stepFor(SEASON_OVER_STEPS, nextSteps, detail.at)
              : risk.code === "MATCH_WEEK_SOAP_CONFLICT" && soapAcceptedBesideMatched(riskContext)
                ? SOAP_ACCEPTED_CARRIER
                : stepFor(named(riskContext, risk, targeted?.droppedBy ?? null), nextSteps, detail.at);
    if (step === undefined) continue;
    // On Step 3's card with no date (its petition's day out of reach, unmatched), or a J-1 start out
    // of reach: no date; the visa's date past reach: its last day, nothing "overdue" (one day a notice).
    const verdict = visaVerdictNoticeDate(risk, due);
    // On a petition filed too late for a change of status, its date is USCIS's expected approval after the start.
    const undatedCard =
      verdict === "undated" ||
      onUndatedStep3(riskContext, riskDates, step) ||
      statusFiledTooLate(riskContext, { key: step.milestone });
    // A last day ahead is the one date the notice gives ("Act by"): never "overdue since" the
    // passed deadline of the step it rides on, nor that step's own date beside it.
    const lastDay = verdict === "last-day" || (risk.code === "MATCH_YEAR_LAST_DAY" && isLastDayDue(due));
    const dateAt = (when: number) =>
      undatedCard
        ? undefined
        : lastDay
          ? { detail }
          : noticeDateAt(risk, riskDates, step, when, due, riskContext);
    let datedAt = late ? first : catchUp;
    let dated = dateAt(datedAt);
    // The date it shows may come before the one it is about: at once too when the slot is late for it,
    // as shown then or now (a visa interview today reads "overdue since" it at tomorrow's slot).
    if (!late) {
      const datedNow = dateAt(first);
      const shownAt = Math.min(nearestShownAt(dated), nearestShownAt(datedNow));
      if (isLateArrival(catchUp, shownAt)) [late, datedAt, dated] = [true, first, datedNow];
    }
    const year = riskContext.calendar.matchYear;
    const id = criticalNoticeId(risk, year, phase);
    // Already sent: laid where it went out, so it swallows no rung a later wake-up plans.
    const sent = sentAt(context, id);
    if (sent === undefined && late) together = together === undefined || first < together ? first : together;
    drafts ??= [];
    drafts.push((goesAt: number | undefined) => {
      const at = sent ?? goesAt ?? catchUp;
      if (at !== datedAt) [datedAt, dated] = [at, dateAt(at)];
      const shown = dated?.detail ?? detail;
      if (at !== renderedAt) {
        renderedAt = at;
        sendAtIso = isoUtc(at);
        sendAtLocal = isoInZone(context.zone, at);
      }
      const reminder = reminderRecord({
        id,
        milestone: step.milestone,
        rung: risk.code === "MATCH_YEAR_NOT_FEASIBLE" ? OUT_OF_REACH_RUNG : CRITICAL_RISK_RUNG,
        title: noticeTitle(template, year, risk.earliestFeasibleMatchYear),
        deadline: dated?.countsDownTo === "own-date" ? ownDateCutOff(context, shown, at) : shown.at,
        deadlineDetail: shown,
        countsDownTo: dated?.countsDownTo,
        sendAt: sendAtIso,
        sendAtLocal,
        why: "waiting" in step ? `${risk.message}${step.waiting}` : risk.message,
        risk: risk.code,
        overdueSince:
          undatedCard || verdict !== undefined
            ? undefined
            : (dated?.overdueSince ?? overdueSinceOf(context, step, riskDates)),
        stepDate: dated?.stepDate,
        laidAgainst: dated?.detail === undefined && isResidencyStartDue(due) ? "residency-start" : undefined,
        // SOAP is done, not waiting; Step 3 with no date waits for the program's answer.
        onWaitingStep:
          ("waiting" in step && step !== SOAP_ACCEPTED_CARRIER) || undatedCard ? true : undefined,
      });
      // A step's target-passed notice goes out at the catch-up slot (targetPassedNotice), found
      // then with catchUpOf: none was made when the plan has no catch-up slot yet.
      // A notice sent is no late arrival any more: no reminder of this plan joins it (joinLateArrivals);
      // nor is one at the slot, which goes with that slot's rungs.
      const joins = sent === undefined && goesAt !== undefined ? true : undefined;
      // Laid against the season date it was found for, as before it showed its step's date: a rung of
      // that step at its instant still joins it in the email (oneReminderPerStep), none is dropped.
      const timed = timedReminder(at, due.at, reminder, joins, undefined, true);
      // A notice riding a step its risk is not about yields the lead to that step's own (placeNotice).
      const own = risk.milestones.includes(step.milestone);
      // A list, not a Set: one or two ids a plan, and a Set's table was the larger allocation.
      if (!own) {
        visitors ??= [];
        visitors.push(id);
      }
      // Sent before its step's target passed, it told nothing of that: the target's own notice stays.
      const target = "target" in step ? step.target?.at : undefined;
      const toldTarget = sent === undefined || target === undefined || sent >= instantOf(target);
      placeNotice(
        into,
        timed,
        context.catchUp?.catchUp,
        sent,
        context.zone,
        own ? visitors : undefined,
        toldTarget,
      );
    });
    noticedOn = (noticedOn ?? new Map<Risk, StepSubject>()).set(risk, step.milestone);
  }
  // One email for the plan's notices: once one must go at once (a late arrival), the others found with
  // it go in that email rather than the next morning's (its eve, two emails about Step 3).
  // So too when an email goes before that slot anyway (a Match Day question asked now, after its release).
  if (drafts !== undefined && atOnce !== undefined) {
    together ??= emailBefore(into, atOnce, context.catchUp?.catchUp ?? atOnce);
    for (const lay of drafts) lay(together);
  }
  return noticedOn;
}

/**
 * The steps a notice names: out of reach, the step whose missed deadline dropped the Match when one
 * did, then the step that decides the earliest feasible Match, each unfinished prerequisite first
 * (the ECFMG application before the exam it registers for, the OET before the Pathway review), then
 * the other requirements NRMP needs, else the first next step; the risk's own otherwise (exams late for
 * ranking: lateExamSteps).
 */
function named(context: PlanContext, risk: Risk, droppedBy: MilestoneKey | null): readonly StepSubject[] {
  // Match Week done beside SOAP in progress: on SOAP, after it on Match Day, which asks the result.
  if (risk.code === "MATCH_WEEK_SOAP_CONFLICT") return CONFLICT_NOTICE_STEPS;
  if (risk.code !== "MATCH_YEAR_NOT_FEASIBLE") return risk.milestones;
  if (risk.decidedBy === undefined || risk.decidedBy === "interview") return NONE;
  const chain: StepSubject[] = [];
  // A Match dropped by a step's own deadline passing (the Pathway application's): the notice sits on
  // that step, not on a prerequisite still open before it (it rode on the OET).
  if (droppedBy !== null) chain.push(droppedBy);
  chainOf(context, risk.decidedBy, chain);
  return [...chain, ...risk.milestones];
}
const NONE: readonly StepSubject[] = [];
const CONFLICT_NOTICE_STEPS: readonly StepSubject[] = ["soap", "match_day"];
/** Over an accepted SOAP offer, on SOAP's card though done: its buttons are the ways out (conflictWayOutActions). */
const SOAP_ACCEPTED_CARRIER = { milestone: "soap", waiting: "" } as const;

/**
 * The next steps the gate's notice may ride on: the WDOMS check marked done or waived stays a next step while
 * the school has no sponsor note (its action is the school's note), but a reminder is never about a
 * finished milestone, so the notice rides on another, as before that step was kept.
 */
function gateSteps(context: PlanContext, nextSteps: readonly NextStep[]): readonly NextStep[] {
  // A note "false" the record contradicts is asked about on the WDOMS check (noteRecordRisk): the
  // gate's notice rides there too, so placeNotice folds it into the question ("Also: …"): one
  // contradiction, one notice.
  if (!isFinished(statusOf(context, SCHOOL_CHECK.key)) || noteRecordEvidence(context) !== 0) return nextSteps;
  const others = nextSteps.filter((each) => each.milestone !== SCHOOL_CHECK.key);
  // With no other next step (the budget done for the season, everything else behind the gate) the
  // notice rides the WDOMS check all the same: laid on nothing, it was never sent, and the console
  // read "Nothing planned" beside "none sent to them yet" for an applicant never told of the gate.
  return others.length > 0 ? others : nextSteps;
}
