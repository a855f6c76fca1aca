import type { CatalogEntry } from "../catalog/index.ts";
import type { PlanContext } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { ownDateTitleOf } from "./laid-step.ts";
import { bookedAfterDue } from "./last-sitting-day.ts";
import type { StepOwnDate } from "./own-date.ts";
import { remindersFor, type TimedReminder } from "./reminders.ts";

/**
 * An exam booked for a day after its last sitting day (bookedAfterDue "sitting") while that last
 * day is still ahead: its reminders count down to the last day (move it earlier), and its card says
 * to keep the day booked if no earlier seat is open, so that day gets the eve's rung an exam booked
 * in time gets ("Your date": reminder-ladders.json `booked-after-last-day`). Auckland's Step 2 CK
 * booked Thu 28 Jan, a day after its last sitting day, heard nothing about the exam the day before.
 * Once the last day has passed the day booked is the step's own date and its own ladder counts
 * down to it (stepReminders' ownAhead). Appended to `into`; nothing in any other case.
 */
export function bookedSittingEve(
  context: PlanContext,
  entry: CatalogEntry,
  own: StepOwnDate | null,
  due: DueDate | null,
  into: TimedReminder[],
): void {
  if (own === null || due === null || due.at < context.now) return;
  if (bookedAfterDue(context, entry.key, own, due) !== "sitting") return;
  remindersFor(
    context,
    {
      milestone: entry.key,
      interviewId: undefined,
      title: ownDateTitleOf(entry),
      why: entry.why.text,
      ladder: "booked-after-last-day",
      deadline: own.due.at,
      deadlineDetail: own.detail,
      countsDownTo: "own-date",
      startBy: null,
      notStarted: false,
    },
    into,
  );
}
