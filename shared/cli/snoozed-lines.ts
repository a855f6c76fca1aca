import type { MilestoneEntry } from "#domain/snapshot.ts";
import { SNOOZE_KEEPS } from "#domain/snoozes.ts";
import { localDate, renderDate } from "#domain/time.ts";

/**
 * One line per step whose snooze still runs on `now`'s day in `timezone` (a milestone's
 * `snoozedUntil` after today, as the timeline shows it), in the timeline's words: why the reminder
 * table has none of its reminders before that day.
 */
export function snoozedLines(milestones: readonly MilestoneEntry[], now: string, timezone: string): string[] {
  const today = localDate(timezone, Date.parse(now));
  return milestones.flatMap((entry) =>
    entry.snoozedUntil !== undefined && entry.snoozedUntil > today
      ? [`  (${entry.key} snoozed until ${renderDate(entry.snoozedUntil)} (your time): ${SNOOZE_KEEPS})\n`]
      : [],
  );
}
