import type { Deadline, Reminder } from "./plan.ts";

const MIDNIGHT = /, 12:00 AM [^,]+$/;

/**
 * A deadline as the emails, pages and calendar print it. A date the applicant gave without a time (the day
 * of their exam) is a day, not the instant the planner stores for it (local midnight): it reads
 * "Thu 20 Aug 2026", with no "12:00 AM" and no US Eastern conversion, which would only confuse.
 */
export function deadlineWords(deadline: Deadline): { local: string; et?: string } {
  if (deadline.status === "applicant" && MIDNIGHT.test(deadline.local)) {
    return { local: deadline.local.replace(MIDNIGHT, "") };
  }
  return { local: deadline.local, et: deadline.et };
}

/**
 * The words before a reminder's date, by what the date is (Reminder.countsDownTo): the hard
 * deadline is "Due"; a competitive target is advice, never a deadline ("Aim to finish by"); the
 * applicant's own date is theirs ("Your date"). Emails and pages use these and only these.
 */
export const REMINDER_DATE_LABELS = {
  deadline: { label: "Due", inline: "due" },
  target: { label: "Aim to finish by", inline: "aim to finish by" },
  "own-date": { label: "Your date", inline: "on" },
} as const;

export function reminderDateLabel(reminder: Pick<Reminder, "countsDownTo">) {
  return REMINDER_DATE_LABELS[reminder.countsDownTo ?? "deadline"];
}
