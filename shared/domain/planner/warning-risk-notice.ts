import { basisMark } from "../date-basis.ts";
import type { NextStep, Reminder, Risk, RiskCode, StepSubject } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, isoInZone, isoUtc, toWall } from "../time.ts";
import { ANSWERS_DISAGREE_NOTICE } from "./answers-disagree-notice.ts";
import type { PlanContext } from "./context.ts";
import { cardLaidDate } from "./critical-notice-carrier-date.ts";
import { criticalNoticeId, WARNING_NOTICE_RUNG } from "./critical-notice-id.ts";
import { placeNotice } from "./critical-notice-place.ts";
import { dayBy, etDayOrWhen } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { isLateArrival, lateArrivalSlot, slotOnDay } from "./delivery-slot.ts";
import { DS2019_RECEIVED_LATE_NOTICE } from "./ds2019-received-late.ts";
import { ECFMG_REVIEW_NOTICE } from "./ecfmg-review-past-ds2019.ts";
import { H1B_APPROVAL_RECEIVED_LATE_NOTICE } from "./h1b-approval-received-late.ts";
import { H1B_PETITION_FILED_LATE_NOTICE } from "./h1b-petition-filed-late.ts";
import { H1B_PETITION_PAST_VISA_DATE_NOTICE } from "./h1b-petition-past-visa-date.ts";
import { stepFor } from "./notice-step.ts";
import { PATHWAY_CERTIFICATE_NOTICE } from "./pathway-certificate-notice.ts";
import { reminderRecord } from "./reminder-record.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { isResidencyStartDue } from "./residency-start-day.ts";
import { sentAt } from "./sent-reminders.ts";
import { TARGETS_SLIPPED_NOTICE } from "./slipped-targets-notice.ts";
import { timedReminder } from "./timed-reminder.ts";
import { INTERVIEW_AFTER_VISA_DATE_NOTICE } from "./visa-interview-warning.ts";
import { VISA_ISSUED_LATE_NOTICE } from "./visa-issued-late.ts";
import { VISA_STEP_LATE_NOTICE } from "./visa-step-late-notice.ts";
import { VISITOR_VISA_NOTICE } from "./visitor-visa-notice.ts";

/**
 * A warning's opt-in to notices, as a critical risk's title in ACT_NOW (critical-notice-titles.ts)
 * is: a warning that asks for an action before a date is emailed, since an applicant who does not
 * open the plan never reads it.
 */
interface WarningNoticeRule {
  /**
   * The notice's title: {year} the plan's Match, {due} the day it is due by (etDayOrWhen, with its mark);
   * a function when the words depend on where the warning stands (given the date dueBy chose).
   */
  title: string | ((context: PlanContext, due: DueDate, dates: PlanDates) => string);
  /** Whether the warning, as it reads in this plan, asks for that action (a warning of the same code may not). */
  asks: (context: PlanContext) => boolean;
  /**
   * Where the notice is: `card`, the step its words are about, whatever that step's status (a done
   * certificate can still expire: riding on the first next step, the notice came on the
   * letters', USCE's, SOAP's, NRMP's or the rank list's card); or, for a notice about a step the
   * applicant cannot act on yet, `ridesOn`: the first of those that is a next step, then of the risk's
   * own steps (stepFor; `ownOnly`: only those, never another next step). A card given as a function
   * is read from the plan (the step an answer is asked about); undefined: no notice.
   */
  on:
    | { card: MilestoneKey | ((context: PlanContext) => MilestoneKey | undefined) }
    | { ridesOn: readonly StepSubject[]; ownOnly?: true };
  /** The date the action is due by, the one the notice's words name; null: none, so no notice. */
  dueBy: (dates: PlanDates, context: PlanContext, risk: Risk) => DueDate | null;
  /** What that date is when not a deadline (Reminder.countsDownTo: a target reads "aim to finish by"). */
  countsDownTo?: (due: DueDate) => Reminder["countsDownTo"];
  /** Days before that date of one more notice, at the applicant's delivery slot that day; null: none. */
  againDaysBefore: number | null;
  /**
   * A reading of the warning whose notices are their own (ids with this phase): a matched
   * applicant's certificate check is not told by the notice sent before the Match.
   */
  idPhase?: (context: PlanContext) => string | undefined;
}

/**
 * The warnings that send notices; every other warning sends none. None once its date has passed.
 * A Map: each of a plan's warnings is looked up by its code, and a property read by a code that
 * varies was a megamorphic keyed load (see catalog-index.ts's STEP_INDEX).
 */
const WARNING_NOTICES: ReadonlyMap<RiskCode, WarningNoticeRule> = new Map<RiskCode, WarningNoticeRule>([
  // The certificate's validity check: before the Match by the Pathways close, once matched before
  // the first visa step that needs the certificate (pathway-certificate-notice.ts).
  ["PATHWAY_CERTIFICATE_MAY_EXPIRE", PATHWAY_CERTIFICATE_NOTICE],
  // Step 3 is offered only in the US: abroad, the visitor visa's interview wait is the chain's one
  // step that waits on nothing, so it is asked for now, not when Step 3's own ladder starts.
  ["STEP3_NEEDED_FOR_H1B", VISITOR_VISA_NOTICE],
  // A J-1 sponsorship done late: the DS-2019 may come after its date; said at once, not on 17 May.
  ["ECFMG_REVIEW_PAST_DS2019", ECFMG_REVIEW_NOTICE],
  ["DS2019_RECEIVED_LATE", DS2019_RECEIVED_LATE_NOTICE],
  // The H-1B petition unfiled a few days past our day, the start still holding: file today, once.
  ["H1B_PETITION_PAST_VISA_DATE", H1B_PETITION_PAST_VISA_DATE_NOTICE],
  // The H-1B petition filed with no room left before the start: what to do before the approval, once.
  ["H1B_PETITION_FILED_LATE", H1B_PETITION_FILED_LATE_NOTICE],
  ["H1B_APPROVAL_RECEIVED_LATE", H1B_APPROVAL_RECEIVED_LATE_NOTICE],
  // A visa interview booked after the visa's date, the start still holding: what to do, once.
  ["VISA_INTERVIEW_AFTER_VISA_DATE", INTERVIEW_AFTER_VISA_DATE_NOTICE],
  // The visa issued in the start's last week: book the flight, tell the program the arrival day, once.
  ["VISA_ISSUED_LATE", VISA_ISSUED_LATE_NOTICE],
  // A derived visa step past its date while the visa's own date holds: what to ask, at once.
  ["VISA_STEP_LATE", VISA_STEP_LATE_NOTICE],
  // An answer "not done" counted done beside a later step done: the question, once, by email too.
  ["DONE_DATES_OUT_OF_ORDER", ANSWERS_DISAGREE_NOTICE],
  // Targets moved by an earlier step's lateness: told once by email, as the rows now show them.
  ["TARGETS_SLIPPED", TARGETS_SLIPPED_NOTICE],
]);

/** The ids' phases: the first notice, and the one `againDaysBefore` its date. */
const FIRST_PHASE = "warning-first";
const AGAIN_PHASE = "warning-before-close";

/**
 * The least time between the first notice and the one before the date: closer, the second repeats
 * the first's title and text a day or two later (the certificate check on 20 and 22 Mar for a
 * 5 Apr sponsorship), so the first alone tells it.
 */
const AGAIN_AFTER_FIRST_MS = 7 * DAY_MS;

/**
 * The notices of the warnings in `risks` whose code has a rule (WARNING_NOTICES) that asks here,
 * appended to `into` as a critical risk's are (criticalRiskNotices): the first at once when the
 * warning appears (now, outside quiet hours, else when they end), one more at the delivery slot
 * `againDaysBefore` days before the rule's date while that is still ahead; none once the date has
 * passed. Each is on its rule's card, its text the risk's message, its deadline the rule's date. Ids
 * are the risk's (criticalNoticeId with a phase), so a re-plan makes the same ones and the ledger's
 * claim sends each once; one the ledger marks sent (PlannerInput.remindersSent) is laid where it
 * went out.
 */
export function warningRiskNotices(
  context: PlanContext,
  risks: readonly Risk[],
  nextSteps: readonly NextStep[],
  dates: PlanDates,
  into: TimedReminder[],
): void {
  for (const risk of risks) {
    if (risk.severity === "critical") continue;
    const rule = WARNING_NOTICES.get(risk.code);
    if (rule === undefined || !rule.asks(context)) continue;
    const due = rule.dueBy(dates, context, risk);
    if (due === null || due.at < context.now) continue;
    const detail = dates.rendered(due);
    const fixed =
      "card" in rule.on
        ? typeof rule.on.card === "string"
          ? rule.on.card
          : rule.on.card(context)
        : undefined;
    const step =
      "card" in rule.on
        ? fixed === undefined
          ? undefined
          : cardStep(fixed, nextSteps)
        : stepFor([...rule.on.ridesOn, ...risk.milestones], nextSteps, detail.at);
    const card = "card" in rule.on ? fixed : step?.milestone;
    if (card === undefined) continue;
    if ("ownOnly" in rule.on && !risk.milestones.includes(card)) continue;
    const year = context.calendar.matchYear;
    // The heading names its date as the Due line does: the applicant's day, with the instant in both
    // zones where the ET day is another (Manila read "closes, Sat 26 Dec" over "Check it by Sun 27 Dec").
    const day = `${etDayOrWhen(context, due.at, dayBy(context, due.at))}${basisMark(due)}`;
    const words = typeof rule.title === "string" ? rule.title : rule.title(context, due, dates);
    const title = words.replace("{year}", String(year)).replace("{due}", day);
    const lay = (id: string, at: number, sent: number | undefined, late?: true): void => {
      const laid = sent ?? at;
      if (laid > due.at) return;
      // The card's date, as its critical notice shows (cardLaidDate); the warning's own date stays in its words.
      const shown = step === undefined ? undefined : cardLaidDate(step, laid, due);
      const reminder = reminderRecord({
        id,
        milestone: card,
        rung: WARNING_NOTICE_RUNG,
        title,
        deadline: detail.at,
        deadlineDetail: detail,
        countsDownTo: rule.countsDownTo?.(due),
        sendAt: isoUtc(laid),
        sendAtLocal: isoInZone(context.zone, laid),
        why: risk.message,
        risk: risk.code,
        overdueSince: shown?.overdueSince,
        stepDate: shown?.stepDate,
        laidAgainst: isResidencyStartDue(due) ? "residency-start" : undefined,
      });
      const timed = timedReminder(
        laid,
        due.at,
        reminder,
        sent === undefined ? late : undefined,
        undefined,
        true,
      );
      placeNotice(into, timed, context.catchUp?.catchUp, sent, context.zone);
    };
    const reading = rule.idPhase?.(context);
    const phase = (name: string) => (reading === undefined ? name : `${reading}-${name}`);
    const firstId = criticalNoticeId(risk, year, phase(FIRST_PHASE));
    const firstSent = sentAt(context, firstId);
    // At the applicant's next delivery slot, as any catch-up; at once (quiet hours aside) only when
    // that slot would leave less than a day before the action's date: a late arrival.
    const { nowWall, catchUp } = catchUpOf(context);
    const late = isLateArrival(catchUp, due.at);
    const first = late ? lateArrivalSlot(context, nowWall) : catchUp;
    lay(firstId, first, firstSent, late ? true : undefined);
    const againId = criticalNoticeId(risk, year, phase(AGAIN_PHASE));
    const againSent = sentAt(context, againId);
    if (rule.againDaysBefore === null) continue;
    const again = slotOnDay(context, toWall(context.zone, due.at - 1) - rule.againDaysBefore * DAY_MS);
    // A slot that passed before the warning appeared, or within a week of the first notice (sent or
    // still to go), is told by the first.
    if (
      againSent !== undefined ||
      (again >= context.now && again - (firstSent ?? first) >= AGAIN_AFTER_FIRST_MS)
    )
      lay(againId, again, againSent);
  }
}

/** The next step a rule's fixed card is, if it is one (no closure per call: this runs on every plan with a warning). */
function cardStep(card: StepSubject, nextSteps: readonly NextStep[]): NextStep | undefined {
  for (const step of nextSteps) if (step.milestone === card) return step;
  return undefined;
}
