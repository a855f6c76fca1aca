import type { Reminder } from "../plan.ts";
import { fsmbTimeSaidOnce } from "./advice.ts";
import { localDayEnd } from "./join-late-arrivals.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { TARGET_PASSED_RUNG } from "./target-passed.ts";

/**
 * One notice per step and deadline per instant, without losing a critical risk's words: a rung of the same
 * step going out then is dropped, since the notice carries the step's action and says why it is critical; a
 * second critical risk riding on the same step then (both name no next step, so both fall back to the first)
 * is added to the first notice's why, which keeps its id (of one deadline, so the rule for any fold holds:
 * mayCarry), as is a second risk's notice of the same rung showing the same date then though laid against
 * another season date (carrierDate: the visa's notice before ranking, on Step 3 abroad, shows the rank order
 * list deadline Step 3's own shows); the out-of-reach notice, of its own rung, stays its own email as
 * one-notice-per-slot.test.ts allows. One email item, the first's title, then "Also: <second>". The second is carried
 * (Reminder.folded), so the email that says it claims it and marks it sent: left out of the ledger, it
 * came back alone at the next wake-up. The step's own risk's notice is the first: one that rides it as
 * a visitor (`visitors`, ids of notices whose risk is about another step) yields its title to it,
 * never displaces it (Step 3's H-1B notice on the rank order list took "Your rank order list does not
 * count" down to an "Also:"). A notice the ledger marks sent at `sentAt` (laid there) also told the rungs of its step and
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
  visitors?: readonly string[],
  toldTarget = true,
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
    const shownAlike =
      each.notice === true &&
      each.sendAt === sendAt &&
      each.reminder.deadline === reminder.deadline &&
      each.reminder.rung === reminder.rung;
    const told =
      toldUntil !== undefined && (each.missedAt ?? each.sendAt) < toldUntil && each.deadline === deadline;
    if (
      (same || told || shownAlike || (each.sendAt === passedAt && each.sendAt >= sendAt)) &&
      each.reminder.milestone === reminder.milestone
    ) {
      if ((same && each.notice === true) || shownAlike) earlier ??= each;
      // The step's target-passed notice is "none when a rung of the step goes out at or before its
      // slot": this notice is such a rung, made after the step's own.
      // Unless it went out before that target passed (`toldTarget` false): the out-of-reach notice sent
      // with the WDOMS check's start-by left the check's passed target unsaid for four weeks.
      const toldHere = toldTarget && each.reminder.rung === TARGET_PASSED_RUNG && each.sendAt >= sendAt;
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
  // This notice is about the step and the one there rides it: this one speaks first.
  const [first, also] =
    visitors?.includes(earlier.reminder.id) === true
      ? [reminder, earlier.reminder]
      : [earlier.reminder, reminder];
  earlier.reminder = withAlso(first, also);
}

/**
 * `first` with `also`'s title and words after its own, carrying `also` (and what it carried); FSMB's
 * figures once in one email (Step 3's and the visa's notices both give them).
 */
function withAlso(first: Reminder, also: Reminder): Reminder {
  const why = `${first.why} Also: ${also.title}. ${fsmbTimeSaidOnce(first.why, also.why)}`;
  const carried =
    also.folded === undefined ? [also] : [reminderWith(also, { folded: undefined }), ...also.folded];
  return reminderWith(first, { why, folded: [...(first.folded ?? []), ...carried] });
}
