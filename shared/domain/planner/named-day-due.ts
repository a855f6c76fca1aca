import type { Deadline } from "../plan.ts";
import { isoUtc, localDate, renderDate } from "../time.ts";
import { type DueDate, shapedDueDate } from "./due-date.ts";

/**
 * A due date that stands for a season's day rather than an hour to meet, shown as that day with its
 * name, in its own zone for every applicant: the never-told Match outcome's question is answered by
 * the next Match's first ERAS submission day, 9:00 AM ET, which Auckland read as "answer by Thu 2
 * Sep 2027, 1:00 AM GMT+12" (the night before, to her) and Honolulu as 3:00 AM. As residency's start
 * (residency-start-day.ts), `at` stays the instant reminders stop at. The name is the due's own
 * field (`dayName`), so a copy of it renders the same.
 */
export function namedDay(due: DueDate, words: string): DueDate {
  return shapedDueDate({ ...due, dayName: words });
}

/** The deadline of a namedDay due as that day, precision "day" and no ET copy; undefined for any other. */
export function namedDayDeadline(due: DueDate): Deadline | undefined {
  const words = due.dayName;
  if (words === undefined) return undefined;
  const day = localDate(due.zone, due.at);
  const text = `${words}, ${renderDate(day)}`;
  return {
    at: isoUtc(due.at),
    local: text,
    et: text,
    status: due.status,
    basis: due.basis,
    source: due.source,
    precision: "day",
    day,
  };
}
