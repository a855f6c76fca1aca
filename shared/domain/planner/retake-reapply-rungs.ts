import type { CatalogEntry } from "../catalog/index.ts";
import type { PlanContext } from "./context.ts";
import { isRetake } from "./failed-score.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * The ladder's book-by rung (an exam begun, not booked: the day to book it by) on a retake, named
 * for what comes first: after a fail FSMB books no one before a new application and fee (ECFMG
 * Information Booklet: https://ecfmg.org/2024ib/reexamination-and-reapplication.html), so "Book your
 * test date now" asked for a step the applicant cannot take yet. A moved plan's book-now is named
 * where it is made (moved-exam-book-now.ts, REAPPLY_NOW_RUNG).
 */
export const REAPPLY_BY_RUNG = "reapply-by";
const BOOK_BY_RUNG = "book-by";

/**
 * The book-by rungs of `entry` appended to `into` from `from`, renamed REAPPLY_BY_RUNG on a retake
 * (their ids from the new rung): until a new date is recorded they ask to reapply to FSMB, then
 * book. Unchanged for a step that is no retake (most plans: one length check).
 */
export function reapplyFirst(
  context: PlanContext,
  entry: CatalogEntry,
  into: TimedReminder[],
  from: number,
): void {
  if (context.failedScores.length === 0 || !isRetake(context, entry.key)) return;
  for (let index = from; index < into.length; index++) {
    const each = into[index] as TimedReminder;
    if (each.reminder.rung !== BOOK_BY_RUNG || each.reminder.milestone !== entry.key) continue;
    const reminder = reminderWith(each.reminder, {
      id: reminderId(entry.key, each.reminder.interviewId, REAPPLY_BY_RUNG, each.deadline),
      rung: REAPPLY_BY_RUNG,
    });
    const renamed = timedReminder(each.sendAt, each.deadline, reminder, each.late, each.fixed, each.notice);
    renamed.missedAt = each.missedAt;
    into[index] = renamed;
  }
}
