import type { CatalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import { DAY_MS, isoInZone, isoUtc, toWall } from "../time.ts";
import { UNBOOKED_RANKING_EXAM_EVERY_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { slotOnDay } from "./delivery-slot.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderRecord } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

// The week-before notice of a step reminded weekly (remindedWeekly, weekly-exam-reminders.ts), in a
// module of its own so the weekly-to-a-day helper can use it without importing the weekly rule's
// certificate check (a run-time import cycle, layers.test.ts).

/** The rung a week before the hard deadline, for remindedWeekly steps. */
export const WEEK_BEFORE_RUNG = "deadline-in-7d";

/**
 * For remindedWeekly steps, one notice at the delivery slot a week before the hard deadline
 * (`dueAt`, rendered `detail`): the hard-deadline ladder's rungs are two weeks and three days
 * before, eleven days apart, and such a step is reminded at least weekly (UNBOOKED_RANKING_EXAM_SOURCE).
 * Its id depends on the step, the rung and the deadline only. `rung`: the ladder's own name for it
 * when the day is not the step's deadline (weekly-to-day.ts). Appended to `into` when still ahead.
 */
export function weekBeforeNotice(
  context: PlanContext,
  entry: CatalogEntry,
  dueAt: number,
  detail: Deadline,
  texts: { title: string; why: string },
  into: TimedReminder[],
  rung: string = WEEK_BEFORE_RUNG,
): void {
  const laid = laidNotice(context, entry, dueAt, detail, texts, rung);
  if (laid !== null && laid.sendAt >= context.now) into.push(laid);
}

/** A laid notice (null: its slot is not before the deadline) and what it was laid for, `now` aside. */
interface LaidNotice {
  zone: string;
  deliveryMinute: number;
  milestone: string;
  rung: string;
  dueAt: number;
  title: string;
  why: string;
  notice: TimedReminder | null;
}

/**
 * Laid notices by the deadline's rendering (shared frozen per zone and deadline), then a short list
 * checked field by field, as followUps' series are: the slot, id (a hash), ISO texts and the frozen
 * Reminder read no `now`, so they are made once and each plan keeps the notice while it is ahead
 * (else weekly inputs would have one made, and frozen through the runtime, on every plan). Bounded: a
 * WeakMap on renderings, at most MAX_NOTICES_PER_DEADLINE each.
 */
const laidNotices = new WeakMap<Deadline, LaidNotice[]>();
const MAX_NOTICES_PER_DEADLINE = 16;

function laidNotice(
  context: PlanContext,
  entry: CatalogEntry,
  dueAt: number,
  detail: Deadline,
  texts: { title: string; why: string },
  rung: string,
): TimedReminder | null {
  let laid = laidNotices.get(detail);
  if (laid === undefined) {
    laid = [];
    laidNotices.set(detail, laid);
  }
  for (const each of laid) {
    if (
      each.zone === context.zone &&
      each.deliveryMinute === context.deliveryMinute &&
      each.milestone === entry.key &&
      each.rung === rung &&
      each.dueAt === dueAt &&
      each.title === texts.title &&
      each.why === texts.why
    )
      return each.notice;
  }
  const notice = layNotice(context, entry, dueAt, detail, texts, rung);
  if (laid.length >= MAX_NOTICES_PER_DEADLINE) laid.length = 0;
  laid.push({
    zone: context.zone,
    deliveryMinute: context.deliveryMinute,
    milestone: entry.key,
    rung,
    dueAt,
    title: texts.title,
    why: texts.why,
    notice,
  });
  return notice;
}

/**
 * The notice at the slot a week before `dueAt`'s own day (the wall day of its last instant: a last
 * sitting day due at the midnight after it counts from that day, as the sitting question does, so
 * the two week-before reminders fall on one day), null when that slot is not before it.
 */
function layNotice(
  context: PlanContext,
  entry: CatalogEntry,
  dueAt: number,
  detail: Deadline,
  texts: { title: string; why: string },
  rung: string,
): TimedReminder | null {
  const sendAt = slotOnDay(
    context,
    toWall(context.zone, dueAt - 1) - UNBOOKED_RANKING_EXAM_EVERY_DAYS * DAY_MS,
  );
  if (sendAt >= dueAt) return null;
  const reminder = reminderRecord({
    id: reminderId(entry.key, undefined, rung, dueAt),
    milestone: entry.key,
    rung,
    title: texts.title,
    deadline: detail.at,
    deadlineDetail: detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: texts.why,
  });
  // Frozen: a laid notice appears in many plans.
  return timedReminder(sendAt, dueAt, Object.freeze(reminder));
}
