import { reminderLadder } from "../catalog/index.ts";
import { RANKING_OPENS_RUNG, RANKING_OPENS_TITLES } from "../date-words.ts";
import type { Deadline, StepSubject } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { DAY_MS, fromWall, isoInZone, isoUtc, toWall, wallDayStart } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { openedSlot } from "./delivery-slot.ts";
import { etEventBefore, etEventSlot } from "./et-event.ts";
import { releaseDayEventSlot } from "./release-day-event.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderRecord } from "./reminder-record.ts";
import type { ReminderTarget, TimedReminder } from "./reminders.ts";
import { rungDayWall, slotNotAfter, startBySlot, startOnCardDay } from "./slot-not-after.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * Reminder ladders laid against deadlines, with everything about them that does not depend on
 * `now` (slots, ids, ISO renderings, the reminders themselves) memoised per zone, deadline and
 * subject: applicants who share a zone and a season deadline share the work. remindersFor (in
 * reminders.ts) picks what is still ahead of `now` and re-times the most recent missed rung.
 */

/** One rung laid against one deadline: everything about a reminder that does not depend on `now`. */
interface LadderSlot {
  rung: string;
  sendAt: number;
  id: string;
  sendAtIso: string;
  sendAtLocal: string;
  /** On the rung a start-by moved to its card's day (startOnCardDay): the slot of its own day (TimedReminder.ownDay). */
  ownDay: number | undefined;
}

export interface SlotEntry {
  zone: string;
  milestone: StepSubject;
  /** The deadline instant the rungs were laid against (the rendering's, re-checked on every hit). */
  deadline: number;
  interviewId: string | undefined;
  ladder: string;
  deliveryMinute: number;
  /** The quiet hours (local minutes) an ET event's rung was laid around (et-event.ts etEventSlot). */
  quietStart: number;
  quietEnd: number;
  /** The season whose dates season-anchored rungs were laid on. */
  calendar: SeasonCalendar;
  startBy: number | null;
  notStarted: boolean;
  slots: LadderSlot[];
  /** The slots' send instants, in order, as one array of numbers: remindersFor scans it on every step. */
  sendAts: number[];
  /** The slots as reminders, for the title, text and deadline rendering they were made with. */
  title: string;
  why: string;
  deadlineDetail: Deadline;
  reminders: TimedReminder[];
}

/**
 * Slot lists memoised by zone, deadline and subject (validated against every other input), so
 * applicants sharing a zone and a season deadline share the work. Bounded across zones: each
 * deadline's ladders hold their reminders' texts, and an interview's deadlines are the applicant's
 * own, so a bound per zone does not bound memory, which must fit the planner Lambda's 256 MB
 * (bench: `planner.heap_after_new_interviews`). At the bound every zone's memo is cleared: a clear
 * changes only the cost.
 */
const slotCache = new Map<string, ZoneLadders>();
const MAX_SLOT_DEADLINES = 4_000;
let slotDeadlinesHeld = 0;

/**
 * One zone's slot lists, by the deadline's rendering (ReminderTarget.deadlineDetail), then subject
 * (PlanContext.ladders holds the plan's zone's). Keyed by the rendering object rather than the
 * deadline instant: plans share one frozen rendering per zone and deadline (PlanDates.rendered,
 * renderedInterview, ownDateOf), and a Map finds an object by its identity hash, while an epoch
 * millisecond, no small integer, was the slowest key of the plan's look-ups (planner bench, ~50
 * ladders a plan). A caller passing a fresh rendering per plan would only miss (and fill the bound),
 * never get another deadline's ladder: the instant and every other input are re-checked. The few
 * subjects per rendering are a list scanned in place, not a second Map.
 */
export type ZoneLadders = Map<Deadline, SlotEntry[]>;

export function ladderOf(context: PlanContext, target: ReminderTarget): SlotEntry {
  let byDeadline = context.ladders;
  if (byDeadline === undefined) {
    byDeadline = slotCache.get(context.zone);
    if (byDeadline === undefined) {
      byDeadline = new Map();
      slotCache.set(context.zone, byDeadline);
    }
    context.ladders = byDeadline;
  }
  let subjects = byDeadline.get(target.deadlineDetail);
  if (subjects === undefined) {
    if (slotDeadlinesHeld >= MAX_SLOT_DEADLINES) {
      for (const zoneLadders of slotCache.values()) zoneLadders.clear();
      slotDeadlinesHeld = 0;
    }
    slotDeadlinesHeld++;
    subjects = [];
    byDeadline.set(target.deadlineDetail, subjects);
  }
  let at = 0;
  while (
    at < subjects.length &&
    ((subjects[at] as SlotEntry).milestone !== target.milestone ||
      (subjects[at] as SlotEntry).interviewId !== target.interviewId)
  )
    at++;
  const cached = subjects[at];
  if (
    cached !== undefined &&
    cached.deadline === target.deadline &&
    cached.ladder === target.ladder &&
    cached.deliveryMinute === context.deliveryMinute &&
    cached.quietStart === context.quiet.start &&
    cached.quietEnd === context.quiet.end &&
    cached.calendar === context.calendar &&
    cached.startBy === target.startBy &&
    cached.notStarted === target.notStarted
  ) {
    if (cached.title !== target.title || cached.why !== target.why) {
      cached.title = target.title;
      cached.why = target.why;
      cached.reminders = cached.slots.map((slot) => timed(target, slot, context.calendar));
    }
    return cached;
  }
  const slots = computeSlots(context, target);
  const entry: SlotEntry = {
    zone: context.zone,
    milestone: target.milestone,
    deadline: target.deadline,
    interviewId: target.interviewId,
    ladder: target.ladder,
    deliveryMinute: context.deliveryMinute,
    quietStart: context.quiet.start,
    quietEnd: context.quiet.end,
    calendar: context.calendar,
    startBy: target.startBy,
    notStarted: target.notStarted,
    slots,
    sendAts: slots.map((slot) => slot.sendAt),
    title: target.title,
    why: target.why,
    deadlineDetail: target.deadlineDetail,
    reminders: slots.map((slot) => timed(target, slot, context.calendar)),
  };
  subjects[at] = entry;
  return entry;
}

/**
 * ladderOf, first trying `kept`: the ladder a caller got for a target it reuses across plans (an
 * interview's, made with its rendering), taken again while it was laid for that very target in
 * the plan's zone, delivery time and season. An interview's two ladders were ~20 of a plan's ~45
 * look-ups in the zone's memo (planner bench); a kept one is checked field by field, not found.
 */
export function keptLadderOf(
  context: PlanContext,
  target: ReminderTarget,
  kept: SlotEntry | undefined,
): SlotEntry {
  if (
    kept !== undefined &&
    kept.deadlineDetail === target.deadlineDetail &&
    kept.zone === context.zone &&
    kept.milestone === target.milestone &&
    kept.interviewId === target.interviewId &&
    kept.deadline === target.deadline &&
    kept.ladder === target.ladder &&
    kept.deliveryMinute === context.deliveryMinute &&
    kept.quietStart === context.quiet.start &&
    kept.quietEnd === context.quiet.end &&
    kept.calendar === context.calendar &&
    kept.startBy === target.startBy &&
    kept.notStarted === target.notStarted &&
    kept.title === target.title &&
    kept.why === target.why
  )
    return kept;
  return ladderOf(context, target);
}

/**
 * Every rung's slot, sorted by send time. The ladder lists its rungs in the order of what they
 * say ("start now" before "due in 14 days" before "due tomorrow"), and the sent order must read
 * the same: a rung whose slot is not before the slot of a rung listed after it is dropped (on a
 * shared slot, and when a short lead puts "start now" after "due in 14 days"): the later speaks.
 */
function computeSlots(context: PlanContext, target: ReminderTarget): LadderSlot[] {
  const deadlineWall = rungDayWall(context, target.deadlineDetail, target.deadline);
  const ladder = reminderLadder(target.ladder);
  const candidates: (number | null)[] = [];
  let startIndex = -1;
  for (const rung of ladder) {
    let sendAt: number | null;
    if (rung.anchor === "startBy") {
      sendAt =
        target.startBy === null || !target.notStarted || target.startBy >= target.deadline
          ? null
          : startBySlot(context, target.startBy, target.deadline);
      if (sendAt !== null) startIndex = candidates.length;
    } else if (rung.anchor === "bookBy") {
      // A begun step's startBy is its booking day (an exam to book: bookingLeadDays), or the early
      // deadline a begun NRMP registration missed (late-deadline.ts: its "finish-by"), else null.
      sendAt =
        target.startBy === null || target.notStarted || target.startBy >= target.deadline
          ? null
          : startBySlot(context, target.startBy, target.deadline);
    } else if (rung.anchor === "passed") {
      // Follow-ups after a date that passed: laid by followUps (weeklyToDay), not by the ladder.
      sendAt = null;
    } else if (rung.anchor === "season") {
      // No earlier than the opening (openedSlot); none once the date is after the deadline, nor for a
      // begun step (a rank list in progress needs no "ranking opens"); a ladder whose deadline is the
      // opening itself keeps the slot of the opening's local day before it (none can go after it).
      const seasonAt = context.calendar.dates[rung.dateKey].at;
      const opened = openedSlot(context, seasonAt);
      sendAt =
        !target.notStarted || seasonAt > target.deadline
          ? null
          : opened < target.deadline
            ? opened
            : slotNotAfter(context, toWall(context.zone, seasonAt), target.deadline);
    } else if (rung.eventEt !== undefined) {
      // An ET event (a SOAP day's offer rounds): the same rule as a deadline's rung, against the
      // event, so the notice reaches a zone whose local day starts after the event the day before
      // (Auckland's 09:00 slot on Friday was 4 PM ET Thursday, after the rounds), and with a margin
      // before it (a slot at the event itself is too late: New York): the morning of its own day
      // where a slot allows, else the evening before.
      const event = etEventBefore(target.deadline, rung.daysBefore, rung.eventEt);
      sendAt =
        event >= target.deadline ? null : releaseDayEventSlot(context, event, etEventSlot(context, event));
    } else {
      sendAt = slotNotAfter(context, deadlineWall - rung.daysBefore * DAY_MS, target.deadline);
      // The deadline's own day (daysBefore 0): its slot there, else none (the day before's rung speaks).
      if (rung.daysBefore === 0 && sendAt < fromWall(context.zone, wallDayStart(deadlineWall))) sendAt = null;
    }
    candidates.push(sendAt);
  }
  const ownDay =
    startIndex === -1
      ? undefined
      : startOnCardDay(context, candidates, startIndex, target.startBy as number, target.deadline);
  const cardDay = candidates[startIndex];
  const rungs: string[] = [];
  const times: number[] = [];
  let laterMeaning = Number.POSITIVE_INFINITY;
  for (let index = ladder.length - 1; index >= 0; index--) {
    const sendAt = candidates[index];
    const rung = ladder[index];
    if (sendAt === null || sendAt === undefined || rung === undefined || sendAt >= laterMeaning) continue;
    laterMeaning = sendAt;
    times.unshift(sendAt);
    rungs.unshift(rung.rung);
  }
  const slots: LadderSlot[] = [];
  for (let index = 0; index < times.length; index++) {
    const rung = rungs[index];
    const sendAt = times[index];
    if (rung === undefined || sendAt === undefined) continue;
    slots.push({
      rung,
      sendAt,
      id: reminderId(target.milestone, target.interviewId, rung, target.deadline),
      sendAtIso: isoUtc(sendAt),
      sendAtLocal: isoInZone(context.zone, sendAt),
      ownDay: sendAt === cardDay ? ownDay : undefined,
    });
  }
  return slots;
}

/** `slot`'s reminder of `target`; the ranking-opens rung's title by `calendar`'s opening (RANKING_OPENS_TITLES). */
export function timed(target: ReminderTarget, slot: LadderSlot, calendar: SeasonCalendar): TimedReminder {
  const opening = calendar.dates.nrmp_rank_order_list_entry_opens.status;
  const reminder = reminderRecord({
    id: slot.id,
    milestone: target.milestone,
    rung: slot.rung,
    title: slot.rung === RANKING_OPENS_RUNG ? RANKING_OPENS_TITLES[opening] : target.title,
    deadline: target.deadlineDetail.at,
    deadlineDetail: target.deadlineDetail,
    sendAt: slot.sendAtIso,
    sendAtLocal: slot.sendAtLocal,
    why: target.why,
    interviewId: target.interviewId,
    // No memo key needed: a target's or own date's title carries its suffix, so the cache above
    // already tells them apart from the hard deadline's ladder.
    countsDownTo: target.countsDownTo,
  });
  // Frozen: a memoised ladder's reminders appear in many plans.
  const laid = timedReminder(slot.sendAt, target.deadline, Object.freeze(reminder));
  laid.ownDay = slot.ownDay; // the field exists already (timedReminder): no new hidden class
  return laid;
}
