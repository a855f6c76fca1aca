import {
  DAY_MS,
  fromWall,
  inQuietWindow,
  isoInZone,
  isoUtc,
  toWall,
  wallDayStart,
  wallMinuteOfDay,
} from "../time.ts";
import type { PlanContext } from "./context.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * One email a day: a late-arrival notice goes out off the delivery slot (now, or when quiet hours
 * end), and the reminders due later on that same local day join it instead of making a second
 * email an hour later (the season simulation found 08:00 and 09:00 emails to one applicant). They
 * only move earlier, so each stays before its deadline and at or after now; their ids are kept. A
 * notice sent inside quiet hours (their end would leave under LATE_ARRIVAL_QUIET_MARGIN_MS before
 * its deadline) takes no company there.
 * One notice per step and deadline per slot: when a later rung of the same ladder joins the late
 * notice, that rung (the more urgent, e.g. `due-in-1d`) is sent and the stale missed rung (e.g.
 * `due-in-3d`) is dropped; ids stay those of the ladder, so the same input and `now` give the same
 * ids, and a re-plan after the wake-up drops the stale rung again. A critical risk's notice is never
 * the stale one: the rungs of its step and deadline that join it are dropped instead (else "certify
 * your list" would go out, and the notice that the list does not count yet would not).
 */
export function joinLateArrivals(context: PlanContext, reminders: TimedReminder[]): void {
  // The first late notice outside quiet hours: one sent now in the night (an interview tomorrow) takes
  // no company, but the critical notice at the quiet hours' end still gathers that morning's rungs (a
  // plan made at 22:30 sent NRMP registration at 08:00 and again at 09:00). Late notices are few.
  let lateAt = Number.POSITIVE_INFINITY;
  for (const timedReminder of reminders) {
    if (
      timedReminder.late === true &&
      timedReminder.sendAt < lateAt &&
      !inQuietWindow(wallMinuteOfDay(toWall(context.zone, timedReminder.sendAt)), context.quiet)
    )
      lateAt = timedReminder.sendAt;
  }
  if (lateAt === Number.POSITIVE_INFINITY) return;
  const dayEnd = localDayEnd(context.zone, lateAt);
  let sendAtIso: string | undefined;
  let sendAtLocal: string | undefined;
  // The ladders joined and noticed are a few reminders each, compared by ladder (sameLadder): no
  // key text per reminder (a string and a Set look-up each, for most of a plan's ~70 before).
  let joined: TimedReminder[] | undefined;
  for (let index = 0; index < reminders.length; index++) {
    const later = reminders[index];
    if (later === undefined || later.sendAt <= lateAt || later.sendAt >= dayEnd || later.fixed === true)
      continue;
    sendAtIso ??= isoUtc(lateAt);
    sendAtLocal ??= isoInZone(context.zone, lateAt);
    // A notice joined stays a notice: the rungs of its step and deadline already there are dropped for it.
    reminders[index] = timedReminder(
      lateAt,
      later.deadline,
      reminderWith(later.reminder, { sendAt: sendAtIso, sendAtLocal }),
      undefined,
      undefined,
      later.notice,
    );
    joined ??= [];
    joined.push(later);
  }
  if (joined === undefined) return;
  let noticed: TimedReminder[] | undefined;
  for (const timedReminder of reminders) {
    if (timedReminder.notice !== true || timedReminder.sendAt !== lateAt) continue;
    noticed ??= [];
    noticed.push(timedReminder);
  }
  let kept = 0;
  for (const timedReminder of reminders) {
    const stale =
      timedReminder.sendAt === lateAt &&
      timedReminder.notice !== true &&
      onLadderOf(joined, timedReminder) &&
      (timedReminder.late === true || (noticed !== undefined && onLadderOf(noticed, timedReminder)));
    if (!stale) reminders[kept++] = timedReminder;
  }
  reminders.length = kept;
}

/** Whether `timedReminder` is on the ladder of one of `others`: the same step (milestone or interview) and deadline. */
function onLadderOf(others: readonly TimedReminder[], timedReminder: TimedReminder): boolean {
  const { milestone, interviewId } = timedReminder.reminder;
  for (const other of others) {
    if (
      other.deadline === timedReminder.deadline &&
      other.reminder.milestone === milestone &&
      (other.reminder.interviewId ?? "") === (interviewId ?? "")
    )
      return true;
  }
  return false;
}

/** The end of the applicant's local day that `at` falls in (its next midnight), as a UTC instant. */
export function localDayEnd(zone: string, at: number): number {
  return fromWall(zone, wallDayStart(toWall(zone, at)) + DAY_MS);
}

/**
 * A once-only notice (Match Day's follow-up, "the Match is over"), or null when its repeat
 * (`slotOf(k)`, the k-th weekly question or monthly check; null past the last) goes out later the
 * same local day: the repeat asks the same (a first plan after 1 Jul sent both an hour apart). A
 * repeat whose slot that day has already passed leaves it to go (never a week's wait for the
 * question). The ledger sends it once; a plan remade after the repeat went that day cannot tell it
 * from a first plan, and would lay it again (the rare follow-up never sent before that day).
 */
export function offRepeatDays(
  context: PlanContext,
  slotOf: (k: number) => number | null,
  notice: TimedReminder | null,
): TimedReminder | null {
  if (notice === null) return null;
  return repeatSameDay(context, slotOf, notice.sendAt) === null ? notice : null;
}

/**
 * The repeat (`slotOf(k)`) that goes later the same local day as a once-only notice at `at`, which
 * it replaces (offRepeatDays); null when none does.
 */
export function repeatSameDay(
  context: PlanContext,
  slotOf: (k: number) => number | null,
  at: number,
): number | null {
  const dayEnd = localDayEnd(context.zone, at);
  for (let k = 1; ; k++) {
    const slot = slotOf(k);
    if (slot === null || slot >= dayEnd) return null;
    if (slot >= at) return slot;
  }
}

/** The first instant from `from` and before `slot` at which a reminder of the plan goes, if any. */
export function emailBefore(into: readonly TimedReminder[], from: number, slot: number): number | undefined {
  let first: number | undefined;
  for (const each of into)
    if (each.sendAt >= from && each.sendAt < slot && (first === undefined || each.sendAt < first))
      first = each.sendAt;
  return first;
}
