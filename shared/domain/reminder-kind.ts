import {
  NRMP_EVENT_LABEL,
  REMINDER_DATE_LABELS,
  reminderDateLabel,
  sentReminderLabel,
} from "./date-words.ts";
import { INTERVIEW_CANCELLED_RUNG } from "./interview-cancellations.ts";
import type { Plan, Reminder } from "./plan.ts";
import { dueDayWord } from "./planner/day-words.ts";
import { localDate } from "./time.ts";

/** What a reminder is about, for its words: an interview's preparation, its thank-you, its cancellation, or a step's date. */
export type ReminderKind = "deadline" | "interview" | "interview-thank-you" | "interview-cancelled";

const THANK_YOU_RUNG = "interview-thank-you";

/** What `reminder` is about (ReminderKind): a step's date unless it names an interview, then by its rung. */
export function kindOf(reminder: Pick<Reminder, "interviewId" | "rung">): ReminderKind {
  if (reminder.interviewId === undefined) return "deadline";
  if (reminder.rung === INTERVIEW_CANCELLED_RUNG) return "interview-cancelled";
  return reminder.rung === THANK_YOU_RUNG ? "interview-thank-you" : "interview";
}

/**
 * The words before a reminder's date as its email gives them, from its date's words (`label`,
 * date-words.ts): an interview's preparation counts down to the interview's start, which "starts",
 * never "is due" ("Starts in 19 hours"); a cancelled interview no longer starts, its time is the one
 * the applicant may have noted ("Was to start"). The email and `npm run plan`'s REMINDERS say the same.
 */
export function kindDateLabel(
  reminder: Pick<Reminder, "interviewId" | "rung">,
  label: { label: string; inline: string },
): { label: string; inline: string } {
  const kind = kindOf(reminder);
  if (kind === "interview-cancelled") return { label: "Was to start", inline: "was to start" };
  if (kind !== "interview") return label;
  return {
    label: label.label.replace(/^Due/, "Starts"),
    inline: label.inline.replace(/^due/, "starts"),
  };
}

/**
 * The words before a reminder's date (kindDateLabel): reminderDateLabel or, once sent, with the time
 * it leaves (sentReminderLabel).
 */
export function itemDateLabel(
  plan: Plan,
  reminder: Reminder,
  weekly: boolean,
  zone?: string,
): { label: string; inline: string } {
  if (weekly) return kindDateLabel(reminder, reminderDateLabel(reminder));
  const sentAt = sentAtOf(plan, reminder);
  const label = sentReminderLabel(reminder, sentAt);
  return kindDateLabel(
    reminder,
    zone === undefined
      ? label
      : dayToday(eventTomorrow(label, reminder, sentAt, zone), reminder, sentAt, zone),
  );
}

/**
 * A date that is a whole day (precision "day": the contract's, a post-Match step's, a target) on the
 * day the email goes, in `zone`: "Due today: Fri 2 Apr 2027", "Aim to finish today: …", as an
 * instant's deadline says its hours left ("Due in 7 hours"); the date alone read as if a day were
 * left. Other labels (start-by, overdue, an event's) as they are.
 */
function dayToday(
  label: { label: string; inline: string },
  reminder: Reminder,
  sentAt: string,
  zone: string,
): { label: string; inline: string } {
  const shown = reminder.stepDate ?? reminder.deadlineDetail;
  if (shown?.precision !== "day" || shown.day !== localDate(zone, Date.parse(sentAt))) return label;
  if (label === REMINDER_DATE_LABELS.deadline) return { label: "Due today", inline: "due today," };
  if (label === REMINDER_DATE_LABELS.target)
    return { label: "Aim to finish today", inline: "aim to finish today," };
  return label;
}

/**
 * An NRMP event or an interview on the applicant's next local day (dueDayWord, in `zone` as the
 * email is sent): "Tomorrow: Mon 15 Mar …" ("tonight" in its small hours), an interview "Starts
 * tomorrow: Tue 15 Dec …", so the last reminder before it does not repeat the one days before word
 * for word. An interview is no cut-off ending the night: one at 7:00 AM starts tomorrow, not tonight.
 * Other labels as they are.
 */
function eventTomorrow(
  label: { label: string; inline: string },
  reminder: Reminder,
  sentAt: string,
  zone: string,
): { label: string; inline: string } {
  const interview = kindOf(reminder) === "interview" && label === REMINDER_DATE_LABELS.deadline;
  if (label !== NRMP_EVENT_LABEL && !interview) return label;
  const word = dueDayWord({ zone, now: Date.parse(sentAt) }, Date.parse(reminder.deadline));
  if (word !== "tomorrow" && word !== "tonight") return label;
  if (interview) return { label: "Starts tomorrow", inline: "starts tomorrow," };
  return { label: `${word[0]?.toUpperCase()}${word.slice(1)}`, inline: `${word},` };
}

/**
 * When the email carrying a reminder goes out: the plan computed at the wake-up that sends it, or the
 * reminder's own send time when rendered ahead of it, whichever is later (ISO UTC).
 */
export function sentAtOf(plan: Plan, reminder: Reminder): string {
  return new Date(Math.max(Date.parse(plan.now), Date.parse(reminder.sendAt))).toISOString();
}
