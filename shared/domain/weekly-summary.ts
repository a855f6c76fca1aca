import type { Reminder } from "./plan.ts";
import { CRITICAL_WINDOW_HOURS, type Preferences } from "./preferences.ts";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * The weekly summary's day ("Wednesday") when the reminders sent together make one: the applicant
 * chose one email a week and one of them was gathered onto that day (not due within the critical
 * window, sent on the summary weekday in the applicant's zone). Reminders due sooner still come on
 * their own day, as ordinary emails. Undefined when the email is not a weekly summary. The email's
 * wording and the timeline's "Your next emails" both ask this one function.
 */
export function weeklySummaryDay(
  preferences: Pick<Preferences, "digest" | "digestDay"> | undefined,
  together: readonly Pick<Reminder, "sendAt" | "sendAtLocal" | "deadline">[],
): string | undefined {
  if (preferences?.digest !== "weekly") return undefined;
  const gathered = together.some((reminder) => {
    const localDay = new Date(`${reminder.sendAtLocal.slice(0, 10)}T00:00:00Z`).getUTCDay();
    const weekday = ((localDay + 6) % 7) + 1;
    const ahead = Date.parse(reminder.deadline) - Date.parse(reminder.sendAt);
    return weekday === preferences.digestDay && ahead > CRITICAL_WINDOW_HOURS * 3_600_000;
  });
  return gathered ? WEEKDAYS[preferences.digestDay - 1] : undefined;
}

/**
 * Reminders grouped as they will arrive: one wake-up sends every reminder due at its instant as
 * one email (DESIGN decision 3), so reminders with the same `sendAt` are one email. Input order is
 * kept within an email; emails come in the order of their first reminder.
 */
export function groupIntoEmails<R extends Pick<Reminder, "sendAt">>(reminders: readonly R[]): R[][] {
  const byInstant = new Map<string, R[]>();
  for (const reminder of reminders) {
    const group = byInstant.get(reminder.sendAt);
    if (group) group.push(reminder);
    else byInstant.set(reminder.sendAt, [reminder]);
  }
  return [...byInstant.values()];
}
