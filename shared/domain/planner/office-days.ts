import type { MilestoneKey } from "../snapshot.ts";
import { toWall, wallDayStart } from "../time.ts";
import { laterDependantsOf } from "./catalog-index.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate } from "./due-date.ts";

/**
 * Why an office step's due day is never a weekend (the Statement of Need and the J-1
 * sponsorship "due Sun 16 Apr 2028"). Advice: the offices that meet these steps do not work weekends,
 * and a due day is the last day that still works, so the working day before it is the one to plan
 * for: earlier, never later.
 */
export const OFFICE_DAYS_SOURCE =
  "advice: the Ministry of Health, ECFMG, the program's GME office and the consulate do not work weekends, so a due day on a Saturday or Sunday is moved to the Friday before, earlier and never later";

/**
 * The due date of a step an office meets (catalog `due.officeDays`), on a working day: the day it
 * names (the day that ends at `at` for a day-long date, `asDay`, else the day `at` falls in, in the
 * date's zone) moved back to the Friday before when it is a Saturday or a Sunday, with the reason in
 * its source. Any other day unchanged (the same object). Pure.
 */
export function onOfficeDay(due: DueDate): DueDate {
  const weekday = new Date(dayOf(due)).getUTCDay();
  const back = weekday === 6 ? 1 : weekday === 0 ? 2 : 0;
  if (back === 0) return due;
  return {
    ...due,
    at: shiftDays(due.at, due.zone, -back),
    status: due.status === "projected" ? "projected" : "advice",
    basis: "advice",
    source: `${due.source}; moved to the Friday before, off the weekend (${OFFICE_DAYS_SOURCE})`,
  };
}

/**
 * An office step's due date (catalog `due.officeDays`): on a working day (onOfficeDay), and before
 * the steps that cannot begin the day it is met (beforeLaterDependants). Pure.
 */
export function officeDue(
  key: MilestoneKey,
  due: DueDate,
  dueOf: (dependant: MilestoneKey) => DueDate | null,
): DueDate {
  return beforeLaterDependants(key, onOfficeDay(due), dueOf);
}

/**
 * An office step's due date (onOfficeDay's) on a working day before that of each step that cannot
 * begin the day it is met (catalog `dueBefore`: the J-1 sponsorship, after the contract). Counted
 * apart (the contract from Match Day, the sponsorship back from the DS-2019), the two meet where the
 * later one is rolled back off a weekend onto the earlier one's Friday (the 2031 Match: both Fri 4
 * Apr): the prerequisite then moves to the working day before (advice, earlier and never later, as
 * office days move), with the reason in its source; the later step keeps its date, and so the time
 * it leaves after it (ECFMG's review). Any other date unchanged (the same object). Pure.
 */
function beforeLaterDependants(
  key: MilestoneKey,
  due: DueDate,
  dueOf: (dependant: MilestoneKey) => DueDate | null,
): DueDate {
  let earliest = due;
  for (const { dependant, source } of laterDependantsOf(key)) {
    const later = dueOf(dependant);
    if (later === null || dayOf(later) > dayOf(earliest)) continue;
    const before = onOfficeDay({ ...later, at: shiftDays(later.at, later.zone, -1) });
    earliest = {
      ...earliest,
      at: before.at,
      zone: before.zone,
      status: earliest.status === "projected" || later.status === "projected" ? "projected" : "advice",
      basis: "advice",
      source: `${due.source}; moved to the working day before ${dependant}'s date, which cannot begin the day this is met (${source}; ${OFFICE_DAYS_SOURCE})`,
    };
  }
  return earliest;
}

/** The day a due date names, as a wall-clock day start: the day that ends at `at` for a whole day. */
function dayOf(due: DueDate): number {
  return wallDayStart(toWall(due.zone, due.asDay === true ? due.at - 1 : due.at));
}
