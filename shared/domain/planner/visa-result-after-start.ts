import type { CatalogEntry } from "../catalog/index.ts";
import { CONSULAR_INTERVIEWS } from "../consular-interviews.ts";
import type { Deadline } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { resultFollowUp, type StepOwnDate } from "./own-date.ts";
import { reminderWith } from "./reminder-record.ts";
import type { TimedReminder } from "./reminders.ts";
import { residencyStartedAt } from "./residency-started.ts";
import { delayedStartDue } from "./start-delayed-risk.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * "Was the visa issued?" the morning after a consular interview (the J-1 visa, the H-1B stamping)
 * whose result is untold once residency has started: an interview on the start day or after it, or
 * one whose morning after comes past the start (the day before it, east of New York). Before the
 * start the question announces the start (visa-result-asked.ts); past it, a follow-up announcing the
 * start, or the interview's own day, would be sent after its deadline and so was dropped, and the
 * delayed start's weekly notice, sent already that week, left the applicant a week unasked after
 * the interview that decides whether she can start. It counts to the day that notice gives way to
 * the next (delayedStartDue), so it goes before that week's end, and shows the day the step is
 * overdue since (`overdue`: the step's date, visaResultDue's, as the card and the notice show it).
 * Null for any other step or time, and once that week has gone by (the next notice carries the card,
 * which asks); the caller then lays the follow-up of a step before the start.
 */
export function startedResultAsked(
  context: PlanContext,
  entry: CatalogEntry,
  own: StepOwnDate,
  overdue: Deadline | undefined,
  stepDates: PlanDates,
): TimedReminder | null {
  if (overdue === undefined || !CONSULAR_INTERVIEWS.has(entry.key)) return null;
  if (context.now < residencyStartedAt(context)) return null;
  const next = delayedStartDue(context);
  const asked = resultFollowUp(context, entry, own, { at: next.at, detail: stepDates.rendered(next) });
  if (asked === null) return null;
  const made = timedReminder(
    asked.sendAt,
    asked.deadline,
    reminderWith(asked.reminder, { overdueSince: overdue }),
  );
  made.missedAt = asked.missedAt;
  return made;
}
