import { summaryAt } from "../apply-preferences.ts";
import { reminderLadder } from "../catalog/index.ts";
import type { Deadline, Reminder, StepSubject } from "../plan.ts";
import { DAY_MS, isoInZone, isoUtc, toWall } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { isLateArrival, lateArrivalAt, lateArrivalSlot, slotAtOrAfter } from "./delivery-slot.ts";
import { ET_EVENT_OPEN_MS, etEventBefore, etEventSendLimit } from "./et-event.ts";
import { keptLadderOf, ladderOf, type SlotEntry, timed } from "./ladders.ts";
import { countsDownToSittingDay } from "./last-sitting-day.ts";
import { resultAskedPastStart } from "./visa-result-awaited.ts";

/**
 * What a reminder ladder is laid against: one deadline of one step. Every field is always written,
 * in this order (undefined when it does not apply): the ~50 targets of a plan then share one hidden
 * class in V8, and ladderOf's and remindersFor's reads of them stay monomorphic (planner bench).
 */
export interface ReminderTarget {
  milestone: StepSubject;
  interviewId: string | undefined;
  title: string;
  why: string;
  ladder: string;
  deadline: number;
  deadlineDetail: Deadline;
  /** Set when `deadline` is the step's target or the applicant's own date (Reminder.countsDownTo). */
  countsDownTo: Reminder["countsDownTo"] | undefined;
  /**
   * Latest safe start, for the "start-by" rung of a step not started; of a step begun, its booking
   * day (the "book-by" rung of an exam not booked) or the early deadline an NRMP registration
   * begun missed (its "finish-by" rung: the next morning, late-deadline.ts), else null.
   */
  startBy: number | null;
  notStarted: boolean;
}

/**
 * A reminder with its instants as numbers, so callers sort and filter without re-parsing ISO text.
 * Made only by timedReminder, so the plan's ~70 share one hidden class (see there).
 */
export interface TimedReminder {
  sendAt: number;
  deadline: number;
  reminder: Reminder;
  /** A late-arrival notice, sent off the delivery slot (see remindersFor). */
  late: true | undefined;
  /** Sent no earlier than its sendAt: joinLateArrivals never moves it (a notice about an event, after it). */
  fixed: true | undefined;
  /**
   * A critical risk's notice (critical-risk-notice.ts): at its instant it stands for the rungs of
   * its step and deadline, which are dropped, never the notice (it says why the step is critical).
   */
  notice: true | undefined;
  /**
   * On a missed rung re-timed to the next delivery slot (layLadder's catch-up): the slot it was due
   * at. A critical notice the ledger marks sent after it told it (placeNotice).
   */
  missedAt: number | undefined;
  /**
   * On a ladder's rung laid on a start-by's card day east of New York (startOnCardDay): the slot of
   * the start's own local day, which the plan's other rungs counting down to the same deadline
   * follow (start-day-rungs.ts).
   */
  ownDay: number | undefined;
}

/**
 * Lays a ladder against a deadline and appends the reminders to `into`, in send-time order.
 * Guarantees, for every reminder appended:
 * - sent at the applicant's delivery time (09:00 local by default), which is outside quiet hours;
 * - sendAt <= deadline (a rung whose slot would fall after the deadline moves to the previous day's slot);
 * - sendAt >= now, and sendAt >= `notBefore` when given. Rungs whose slot has passed are dropped,
 *   except the most recent one, which is re-timed to the next delivery slot at or after now when
 *   that is still before both the deadline and the next future rung: an applicant planned late
 *   still hears about a deadline once.
 * - Late arrival: when that next slot falls after the deadline, or leaves less than a day (or less
 *   than the ladder's final rung lead) before it, the missed rung is sent now if now is outside the
 *   applicant's quiet hours, else when they end if that is still before the deadline, else now
 *   (in quiet hours: the deadline would pass before they end).
 *   Its id stays the rung's id, so a notice already sent for it is never sent twice, and the same
 *   input and `now` give the same reminders.
 * Future rungs are the memoised, frozen reminders of the ladder (see ladderOf); only a re-timed
 * rung is built per plan. Written as plain loops over small arrays: this runs for every step of
 * every plan.
 */
export function remindersFor(
  context: PlanContext,
  target: ReminderTarget,
  into: TimedReminder[],
  notBefore = Number.NEGATIVE_INFINITY,
): void {
  layLadder(context, target, ladderOf(context, target), into, notBefore, false);
}

/**
 * remindersFor for a target the caller reuses across plans, with the ladder it kept from the last
 * one (see keptLadderOf); returns the ladder laid, for the caller to keep.
 */
export function keptRemindersFor(
  context: PlanContext,
  target: ReminderTarget,
  kept: SlotEntry | undefined,
  into: TimedReminder[],
  notBefore = Number.NEGATIVE_INFINITY,
): SlotEntry {
  const ladder = keptLadderOf(context, target, kept);
  layLadder(context, target, ladder, into, notBefore, false);
  return ladder;
}

/** The first reminder remindersFor would append (the earliest), or nothing. */
export function firstReminderFor(context: PlanContext, target: ReminderTarget, into: TimedReminder[]): void {
  layLadder(context, target, ladderOf(context, target), into, Number.NEGATIVE_INFINITY, true);
}

/**
 * remindersFor with the ladder the caller already holds for `target` (a step's laid ladders, see
 * step-reminders.ts): `ladder` must be ladderOf's for that very target, title and why included.
 */
export function layKnownLadder(
  context: PlanContext,
  target: ReminderTarget,
  ladder: SlotEntry,
  into: TimedReminder[],
  onlyFirst: boolean,
): void {
  layLadder(context, target, ladder, into, Number.NEGATIVE_INFINITY, onlyFirst);
}

/**
 * remindersFor, or with `onlyFirst` its first reminder alone: firstReminderFor stops there rather
 * than laying the whole ladder into a scratch list and truncating it (it runs for most steps).
 */
function layLadder(
  context: PlanContext,
  target: ReminderTarget,
  ladder: SlotEntry,
  into: TimedReminder[],
  notBefore: number,
  onlyFirst: boolean,
): void {
  const slots = ladder.slots;
  const sendAts = ladder.sendAts;
  let firstFuture = 0;
  while (firstFuture < sendAts.length && (sendAts[firstFuture] as number) < context.now) firstFuture++;
  if (firstFuture > 0) {
    const { nowWall, catchUp } = catchUpOf(context);
    // One look-up by ladder name for its late window and rung kinds (shapeOf), not a walk of its rungs each.
    const shape = shapeOf(target.ladder);
    const nextFuture = slots[firstFuture];
    const missed = slots[firstFuture - 1];
    let sendAt: number | null = null;
    let late = false;
    // Late arrival: the next slot is after the deadline, or leaves less than a day (or less than
    // the ladder's final rung lead) to act; an advisor would tell them now rather than wait.
    if (missed !== undefined && isLateArrival(catchUp, target.deadline, shape.lateWindow)) {
      // Quiet hours give way unless their end still leaves LATE_ARRIVAL_QUIET_MARGIN_MS.
      sendAt = lateArrivalAt(context, nowWall, target.deadline);
      // On a last sitting day itself, after its delivery slot (the next slot is after the day): no
      // countdown; a day cannot be met in hours, the next morning's notice speaks.
      if (catchUp >= target.deadline && countsDownToSittingDay(target)) sendAt = null;
      // A visa's result asked toward a start the next slot is past: the start's morning notice asks.
      if (resultAskedPastStart(context, target, catchUp)) sendAt = null;
      late = sendAt !== null && sendAt !== catchUp;
    } else if (missed !== undefined && (nextFuture === undefined || catchUp < nextFuture.sendAt)) {
      sendAt = catchUp;
    }
    // An ET event's rung (a SOAP day's rounds) caught up after its margin: now, outside quiet
    // hours, while the round is still open, else never; the next round's rung speaks.
    if (missed !== undefined && sendAt !== null && shape.eventRungs)
      sendAt = eventCatchUp(context, target, missed.rung, sendAt, nowWall);
    // A season date's rung ("ranking opens today") is news on its day only: once its slot has
    // passed it is never re-sent, the step's other rungs speak. With a weekly summary its news is
    // the summary's after it: kept until that summary (whose plan finds the slot passed) sends it,
    // as a passed follow-up is (followUps); dropped here, an applicant on weekly summaries never
    // heard that ranking had opened.
    if (
      missed !== undefined &&
      sendAt !== null &&
      shape.seasonRungs &&
      isSeasonRung(target.ladder, missed.rung) &&
      !summaryStillToCome(context, missed.sendAt)
    )
      sendAt = null;
    // The next rung going out at that very instant says it better (one notice per slot).
    if (sendAt !== null && nextFuture !== undefined && sendAt >= nextFuture.sendAt) sendAt = null;
    if (missed !== undefined && sendAt !== null && sendAt >= notBefore) {
      const notice = timed(
        target,
        {
          rung: missed.rung,
          sendAt,
          id: missed.id,
          sendAtIso: isoUtc(sendAt),
          sendAtLocal: isoInZone(context.zone, sendAt),
          ownDay: undefined,
        },
        context.calendar,
      );
      if (late) notice.late = true; // the field exists already (timedReminder): no new hidden class
      notice.missedAt = missed.sendAt;
      into.push(notice);
      if (onlyFirst) return;
    }
  }
  // The send instants are read from `sendAts` (one array of numbers), not from each memoised
  // reminder: those objects are spread over the old heap, and reading one per rung to compare it
  // cost a cache miss each (planner bench: the costliest line of the reminders). Parallel arrays.
  const reminders = ladder.reminders;
  for (let index = firstFuture; index < sendAts.length; index++) {
    if ((sendAts[index] as number) >= notBefore) {
      into.push(reminders[index] as TimedReminder);
      if (onlyFirst) return;
    }
  }
}

/**
 * When a missed rung about an ET event goes out, given the catch-up instant the ladder's rule chose
 * (SOAP recorded on Tuesday evening in Auckland had Tuesday's round notice caught up
 * at 9:00 AM Wednesday, after the round). Unchanged while it still leaves the event's margin;
 * otherwise now (or when the quiet hours end) if the event is still open then (ET_EVENT_OPEN_MS;
 * the deadline's own day runs to the deadline: SOAP's last rounds, to its end), else nothing.
 */
function eventCatchUp(
  context: PlanContext,
  target: ReminderTarget,
  rungName: string,
  sendAt: number,
  nowWall: number,
): number | null {
  let rung: LadderRung | undefined;
  for (const each of reminderLadder(target.ladder)) if (each.rung === rungName) rung = each;
  if (rung === undefined || rung.anchor !== "deadline" || rung.eventEt === undefined) return sendAt;
  const event = etEventBefore(target.deadline, rung.daysBefore, rung.eventEt);
  if (sendAt <= etEventSendLimit(event)) return sendAt;
  const openUntil =
    rung.daysBefore === 0 ? target.deadline : Math.min(event + ET_EVENT_OPEN_MS, target.deadline);
  const at = lateArrivalSlot(context, nowWall);
  return at < openUntil ? at : null;
}

type LadderRung = ReturnType<typeof reminderLadder>[number];

/** Whether the applicant's weekly summary that gathers a reminder due at `at` is still to go out. */
function summaryStillToCome(context: PlanContext, at: number): boolean {
  const { summaryDay } = context;
  return (
    summaryDay !== undefined && summaryAt(at, context.zone, summaryDay, context.deliveryMinute) >= context.now
  );
}

/** Whether a ladder's rung is anchored on a season date (the rank list's `ranking-opens`). */
function isSeasonRung(ladder: string, rung: string): boolean {
  for (const each of reminderLadder(ladder)) if (each.rung === rung) return each.anchor === "season";
  return false;
}

/** The next delivery slot at or after now: the same for every step of one plan, so found once (PlanContext.catchUp). */
export function catchUpOf(context: PlanContext): { nowWall: number; catchUp: number } {
  let found = context.catchUp;
  if (found === undefined) {
    found = { nowWall: toWall(context.zone, context.now), catchUp: slotAtOrAfter(context, context.now) };
    context.catchUp = found;
  }
  return found;
}

/** What layLadder reads of a ladder's rungs when one was missed, made once per ladder name. */
interface LadderShape {
  /** A day, or the ladder's final (shortest) deadline-anchored lead when that is longer. */
  lateWindow: number;
  /** Some rung is an ET event's (eventCatchUp has nothing to do on a ladder with none). */
  eventRungs: boolean;
  /** Some rung is anchored on a season date (isSeasonRung is false on a ladder with none). */
  seasonRungs: boolean;
}

const ladderShapes = new Map<string, LadderShape>();
function shapeOf(ladder: string): LadderShape {
  let shape = ladderShapes.get(ladder);
  if (shape === undefined) {
    let finalLead = Number.POSITIVE_INFINITY;
    let eventRungs = false;
    let seasonRungs = false;
    for (const rung of reminderLadder(ladder)) {
      if (rung.anchor === "deadline") finalLead = Math.min(finalLead, rung.daysBefore * DAY_MS);
      if (rung.anchor === "deadline" && rung.eventEt !== undefined) eventRungs = true;
      if (rung.anchor === "season") seasonRungs = true;
    }
    const lateWindow = Number.isFinite(finalLead) ? Math.max(DAY_MS, finalLead) : DAY_MS;
    shape = { lateWindow, eventRungs, seasonRungs };
    ladderShapes.set(ladder, shape);
  }
  return shape;
}
