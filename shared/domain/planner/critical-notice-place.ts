import { localDayEnd } from "./join-late-arrivals.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { TARGET_PASSED_RUNG } from "./target-passed.ts";

/**
 * One notice per step and deadline per instant, without losing a critical risk's words: a rung of the same
 * step going out then is dropped, since the notice carries the step's action and says why it is critical; a
 * second critical risk riding on the same step then (both name no next step, so both fall back to the first)
 * is added to the first notice's why, which keeps its id (of one deadline, so the rule for any fold holds:
 * mayCarry). A notice the ledger marks sent at `sentAt` (laid there) also told the rungs of its step and
 * deadline due (or missed) before that local day ends: re-timed to each re-plan's next slot with a stable id,
 * one folded into the notice at sign-up would be asked alone days later, and the notice at the quiet hours'
 * end and the 09:00 rung were two emails an hour apart (joinLateArrivals gathers them before it is sent,
 * this keeps them gathered after); they are dropped too. Without a ledger `sentAt` is
 * undefined and only the rungs at the notice's instant go.
 */
export function placeNotice(
  into: TimedReminder[],
  notice: TimedReminder,
  passedAt: number | undefined,
  sentAt: number | undefined,
  zone: string,
): void {
  const { sendAt, deadline, reminder } = notice;
  const toldUntil = sentAt === undefined ? undefined : localDayEnd(zone, sentAt);
  let kept = 0;
  let earlier: TimedReminder | undefined;
  for (let index = 0; index < into.length; index++) {
    const each = into[index] as TimedReminder;
    // Only a reminder at this notice's instant and deadline, or a target-passed notice (sent at
    // passedAt) at or after it, can clash: those two numbers on the TimedReminder rule out most of
    // a plan's 20-75 reminders before their Reminder (of several shapes, scattered in memory) is read.
    const same = each.sendAt === sendAt && each.deadline === deadline;
    const told =
      toldUntil !== undefined && (each.missedAt ?? each.sendAt) < toldUntil && each.deadline === deadline;
    if (
      (same || told || (each.sendAt === passedAt && each.sendAt >= sendAt)) &&
      each.reminder.milestone === reminder.milestone
    ) {
      if (same && each.notice === true) earlier ??= each;
      // The step's target-passed notice is "none when a rung of the step goes out at or before its
      // slot": this notice is such a rung, made after the step's own.
      const toldHere = each.reminder.rung === TARGET_PASSED_RUNG && each.sendAt >= sendAt;
      if (((same || told) && each.notice !== true) || toldHere) continue;
    }
    // Written back only once one was dropped: most plans drop none.
    if (kept !== index) into[kept] = each;
    kept++;
  }
  if (kept !== into.length) into.length = kept;
  if (earlier === undefined) {
    Object.freeze(reminder);
    into.push(notice);
    return;
  }
  const why = `${earlier.reminder.why} Also: ${reminder.title}. ${reminder.why}`;
  earlier.reminder = reminderWith(earlier.reminder, { why });
}
