import { INTERVIEW_CANCELLED_RUNG } from "./interview-cancellations.ts";
import type { Reminder } from "./plan.ts";

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
