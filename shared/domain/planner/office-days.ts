import { toWall, wallDayStart } from "../time.ts";
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
  const day = wallDayStart(toWall(due.zone, due.asDay === true ? due.at - 1 : due.at));
  const weekday = new Date(day).getUTCDay();
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
