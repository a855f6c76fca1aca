import { isoInZone, isoUtc } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * The plan's side of a ladder's rung laid on a start-by's card day east of New York
 * (startOnCardDay, TimedReminder.ownDay), in place:
 * - another reminder of its step and deadline already on that slot speaks for it, as on any shared
 *   slot (the Pathway's "may still be open" follow-up of Wed 1 Apr beside its "Start now", moved
 *   there from Thu 2 Apr in Karachi);
 * - another step's rungs counting down to the same deadline that shared the start's own local day
 *   go with it, as its own ladder's do: steps laid against one deadline count the same days, so
 *   what was one email stays one. In Kolkata the rank list's "start now" and NRMP's "due in 21
 *   days", both 21 days before the rank-list deadline, went in one email on Thu 3 Feb (the NRMP
 *   question folded into the rank list's: nrmp-asked-fold.ts); the rank list's card names Wed 2
 *   Feb, and alone it made them two emails. A notice, a late arrival, a fixed or a re-timed
 *   reminder keeps its own instant, and so does one whose step has a reminder of that deadline on
 *   the card's day already.
 * For a plan with no such rung, one pass over its reminders.
 */
export function followStartDays(context: PlanContext, reminders: TimedReminder[]): void {
  let starts: TimedReminder[] | undefined;
  for (const each of reminders) {
    if (each.ownDay === undefined || each.sendAt < context.now) continue;
    starts ??= [];
    starts.push(each);
  }
  if (starts === undefined) return;
  const spoken = starts.filter((start) =>
    reminders.some((other) => other !== start && sameNotice(other, start, start.sendAt)),
  );
  if (spoken.length > 0) {
    let kept = 0;
    for (const each of reminders) if (!spoken.includes(each)) reminders[kept++] = each;
    reminders.length = kept;
  }
  // The starts still laid, found once: asked of every reminder below, a look-up in `spoken` each.
  const open = spoken.length === 0 ? starts : starts.filter((start) => !spoken.includes(start));
  for (let index = 0; index < reminders.length; index++) {
    const each = reminders[index] as TimedReminder;
    if (each.ownDay !== undefined || each.late || each.fixed || each.notice || each.missedAt !== undefined)
      continue;
    for (const start of open) {
      if (each.deadline !== start.deadline || each.sendAt !== start.ownDay) continue;
      if (reminders.some((other) => sameNotice(other, each, start.sendAt))) break;
      const reminder = reminderWith(each.reminder, {
        sendAt: isoUtc(start.sendAt),
        sendAtLocal: isoInZone(context.zone, start.sendAt),
      });
      reminders[index] = timedReminder(start.sendAt, each.deadline, reminder);
      break;
    }
  }
}

/** Whether `one` is of `other`'s step (and interview) and deadline, at `at`. */
function sameNotice(one: TimedReminder, other: TimedReminder, at: number): boolean {
  return (
    one.sendAt === at &&
    one.deadline === other.deadline &&
    one.reminder.milestone === other.reminder.milestone &&
    one.reminder.interviewId === other.reminder.interviewId
  );
}
