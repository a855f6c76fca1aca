import type { FieldProblem } from "./field-problems.ts";
import type { MilestoneEntry } from "./snapshot.ts";
import { localDate } from "./time.ts";

/**
 * A zone no other is ahead of (UTC+14): a date after its today is after today everywhere. A
 * milestone.update carries no zone (the applicant's is in the store), so the intake holds its done
 * dates to this one before the store is read.
 */
export const EARLIEST_ZONE = "Pacific/Kiritimati";

/**
 * The one "not done in the future" rule, for the console's Mark done and a what-if as for every
 * intake: a step is done on a date no later than today in the applicant's own zone.
 * A certificate or a pass dated ahead is a typo or a wish, and believing it would unlock steps the
 * applicant cannot take yet (Step 3 reminders on an H-1B track before certification). Undefined when
 * the date is today or earlier. `now` is passed in (the domain reads no clock). Pure.
 */
export function doneDateInFuture(zone: string, date: string, now: Date): string | undefined {
  const today = localDate(zone, now.getTime());
  return date > today
    ? `must be a date YYYY-MM-DD no later than today in the applicant's zone (${today}, ${zone}), not in the future`
    : undefined;
}

/** doneDateInFuture for each done milestone of a submission, by its path (`milestones.<index>.date`). Pure. */
export function futureDoneProblems(
  milestones: readonly Pick<MilestoneEntry, "status" | "date">[],
  zone: string,
  now: Date,
): FieldProblem[] {
  return milestones.flatMap((entry, index) => {
    const message =
      entry.status === "done" && entry.date !== undefined
        ? doneDateInFuture(zone, entry.date, now)
        : undefined;
    return message === undefined ? [] : [{ path: `milestones.${index}.date`, message }];
  });
}
