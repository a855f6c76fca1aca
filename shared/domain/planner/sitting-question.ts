import type { CatalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import { DAY_MS, isoInZone, isoUtc, renderDate, toWall } from "../time.ts";
import { EXAM_BOOKING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { slotOnDay } from "./ladders.ts";
import { dayText, sittingDayOf } from "./last-sitting-day.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderRecord } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/** The rung of the one question about a booked day passed, its result not yet overdue (t9q F3). */
export const SITTING_QUESTION_RUNG = "sitting-question";

/**
 * A ranking exam booked for a day that has passed, its result not yet overdue, its last sitting
 * day (`sitting`, rebookBy's; `bookedDay` the ISO day reported) still ahead (tester t9q F3, lead's ruling): ONE reminder, worded as a
 * question ("Did you sit USMLE Step 2 CK on Sun 10 Jan 2027? If not, sit it by Wed 27 Jan 2027 at
 * the latest"), at the delivery slot a week (EXAM_BOOKING_DAYS, the seat lead time, advice) before
 * the last sitting day, or at the next slot when less than that is left. It carries the step's
 * own deadline (`resultDue`: when the result must arrive), so nothing counts down to a sitting
 * deadline the applicant may have met (t9h issue 9 B4). Its id depends on the step, the rung and
 * the last sitting day only (the ledger sends it once). Appended to `into` while the day is ahead.
 */
export function sittingQuestion(
  context: PlanContext,
  entry: CatalogEntry,
  bookedDay: string,
  sitting: DueDate,
  resultDue: { at: number; detail: Deadline } | null,
  into: TimedReminder[],
): void {
  if (resultDue === null) return;
  // The last sitting day's own wall day (its due is the midnight after it), a week earlier.
  const weekBefore = slotOnDay(context, toWall(context.zone, sitting.at - 1) - EXAM_BOOKING_DAYS * DAY_MS);
  let sendAt = weekBefore;
  if (sendAt < context.now) {
    sendAt = slotOnDay(context, toWall(context.zone, context.now));
    if (sendAt < context.now) sendAt = slotOnDay(context, toWall(context.zone, context.now) + DAY_MS);
  }
  if (sendAt >= sitting.at) return;
  const exam = entry.title.replace(/^(Pass|Complete an?) /, "");
  const lastDay = dayText(sittingDayOf(sitting));
  const projected = sitting.status === "projected" ? " (projected)" : "";
  const reminder = reminderRecord({
    id: reminderId(entry.key, undefined, SITTING_QUESTION_RUNG, sitting.at),
    milestone: entry.key,
    rung: SITTING_QUESTION_RUNG,
    title: `Did you sit ${exam} on ${renderDate(bookedDay)}? If not, sit it by ${lastDay} at the latest`,
    deadline: resultDue.detail.at,
    deadlineDetail: resultDue.detail,
    sendAt: isoUtc(sendAt),
    sendAtLocal: isoInZone(context.zone, sendAt),
    why: `If you sat it, tell us your result. If you did not, ${lastDay}${projected} is the last day a sitting still reaches ECFMG by the rank order list deadline; a test date usually takes about a week (advice), so book a seat now.`,
  });
  into.push(timedReminder(sendAt, resultDue.at, Object.freeze(reminder)));
}
