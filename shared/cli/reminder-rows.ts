import { noticeDayLabel } from "#domain/act-by-day-labels.ts";
import { reminderShownDate } from "#domain/date-words.ts";
import type { Deadline, Plan } from "#domain/plan.ts";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import type { StepReminders } from "#domain/planner/one-reminder-per-step.ts";
import { itemDateLabel } from "#domain/reminder-kind.ts";

/**
 * The REMINDERS table's columns. The last two read as the email does: its words before the date,
 * then the date itself (the one the rung counts to, or an overdue step's missed date), so two rungs
 * of one step toward different dates (an exam's booking day and its last sitting day, both
 * "deadline-in-14d") can be told apart without --json.
 */
export const REMINDER_HEADERS = [
  "send at (your time)",
  "step",
  "rung",
  "id",
  "email says",
  "date (your time)",
];

/**
 * One email item's REMINDERS row: `subject` names its step, `marked` renders a date with its basis
 * mark as the other tables do; `zone`, the applicant's, whose next day the email calls "tomorrow".
 */
export function reminderRow(
  { reminder, alsoFor }: StepReminders,
  subject: (step: { milestone: string; interviewId?: string }) => string,
  marked: (date: Deadline) => string,
  result: Plan,
  zone: string,
): string[] {
  // A notice with no date (isUndatedNotice) names the step it rides on, as the email's item does
  // ("(no step)" for one filed under the budget, which is no step), and in the date column says it
  // has none and what it says, its title: a "-" in both columns told the reader nothing about the row.
  const undated = isUndatedNotice(reminder);
  return [
    reminder.sendAtLocal,
    undated && reminder.milestone === "budget" ? "(no step)" : subject(reminder),
    alsoFor.length === 0
      ? reminder.rung
      : `${reminder.rung} (+${alsoFor.map((other) => other.rung).join(", ")})`,
    reminder.id,
    // The email's words before the date: a rung's name is an id, not a promise (due-in-1d can go
    // out 7 hours before its deadline), an interview "starts", never "is due", and on the day before
    // it or an NRMP event, "tomorrow" (itemDateLabel, the email's own label).
    // A notice dated by an act-by day reads as that day's rungs do, as in the email (noticeDayLabel).
    undated
      ? "notice (no date)"
      : (
          noticeDayLabel(reminder, [...alsoFor, ...result.reminders]) ??
          itemDateLabel(result, reminder, false, zone)
        ).label,
    undated ? `no date: ${reminder.title}` : marked(reminderShownDate(reminder)),
  ];
}

/**
 * The full words of each notice with no date, under the REMINDERS table, whose cells stop at 60
 * characters: the row's "no date: …" is the start of its title, this line the whole of it.
 */
export function undatedNoticeLines(items: readonly StepReminders[]): string[] {
  return items
    .filter(({ reminder }) => isUndatedNotice(reminder))
    .map(({ reminder }) => `  - ${reminder.id}, a notice with no date: ${reminder.title}\n`);
}
