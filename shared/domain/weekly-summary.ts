import { isLastDayRung } from "./act-by-day-labels.ts";
import { isCriticalNoticeRung } from "./critical-notice-rungs.ts";
import type { Reminder } from "./plan.ts";
import { CRITICAL_WINDOW_HOURS, type Preferences } from "./preferences.ts";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * The weekly summary's day ("Wednesday") when the reminders sent together make one: the applicant
 * chose one email a week and one of them was gathered onto that day (not due within the critical
 * window, sent on the summary weekday in the applicant's zone, and not one the summary never
 * gathers: breaksThroughSummary). Reminders due sooner, and those, still come on their own day, as
 * ordinary emails (one due on the summary's day at its hour goes in it). Undefined when the email
 * is not a weekly summary. The email's wording and the timeline's "Your next emails" both ask this
 * one function.
 */
export function weeklySummaryDay(
  preferences: Pick<Preferences, "digest" | "digestDay"> | undefined,
  together: readonly Pick<Reminder, "sendAt" | "sendAtLocal" | "deadline" | "rung">[],
): string | undefined {
  if (preferences?.digest !== "weekly") return undefined;
  const gathered = together.some((reminder) => {
    if (breaksThroughSummary(reminder.rung)) return false;
    const localDay = new Date(`${reminder.sendAtLocal.slice(0, 10)}T00:00:00Z`).getUTCDay();
    const weekday = ((localDay + 6) % 7) + 1;
    const ahead = Date.parse(reminder.deadline) - Date.parse(reminder.sendAt);
    return weekday === preferences.digestDay && ahead > CRITICAL_WINDOW_HOURS * 3_600_000;
  });
  return gathered ? WEEKDAYS[preferences.digestDay - 1] : undefined;
}

/**
 * Whether a reminder goes on its own day although the applicant chose one weekly summary: a critical
 * risk's notice, on the day the risk is raised, and the countdown to a last day that keeps the Match
 * or the start (14, 3 and 1 day(s) before, and the day itself). Warnings and routine reminders wait
 * for the summary. Gathered, "act by Mon 3 May" raised on Tue 20 Apr waited for Monday's summary of
 * 26 Apr, six of its thirteen days gone; and a last day's 14-day rung, moved to the next summary,
 * was caught up there by the notice already sent, so never sent at all.
 */
export function breaksThroughSummary(rung: string): boolean {
  return isCriticalNoticeRung(rung) || isLastDayRung(rung);
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
