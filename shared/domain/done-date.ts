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
 * the date is today or earlier. `zone` is the applicant's unless `earliest` says it is EARLIEST_ZONE
 * standing in for a zone not known yet (an update names none): the message then says which day it
 * held the date to and why, rather than call UTC+14 the applicant's zone. `now` is passed in (the
 * domain reads no clock). Pure.
 */
export function doneDateInFuture(
  zone: string,
  date: string,
  now: Date,
  earliest = false,
): string | undefined {
  const today = localDate(zone, now.getTime());
  if (date <= today) return undefined;
  return earliest
    ? `must be a date YYYY-MM-DD no later than today, not in the future: ${date} is after today everywhere on Earth (${today} is the latest today, in ${zone}, UTC+14)`
    : `must be a date YYYY-MM-DD no later than today in the applicant's zone (${today}, ${zone}), not in the future`;
}

/**
 * doneDateInFuture for each done milestone of a submission, by its path (`milestones.<index>.date`);
 * `earliest` as there. Pure.
 */
export function futureDoneProblems(
  milestones: readonly Pick<MilestoneEntry, "status" | "date">[],
  zone: string,
  now: Date,
  earliest = false,
): FieldProblem[] {
  return milestones.flatMap((entry, index) => {
    const message =
      entry.status === "done" && entry.date !== undefined
        ? doneDateInFuture(zone, entry.date, now, earliest)
        : undefined;
    return message === undefined ? [] : [{ path: `milestones.${index}.date`, message }];
  });
}
