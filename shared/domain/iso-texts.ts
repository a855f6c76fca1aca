import { DAY_MS, dayText, wallFromDate } from "./time.ts";

/**
 * A time of day on the 24-hour clock, "HH:MM" from 00:00 to 23:59: the applicant's delivery time
 * and quiet hours, the season data's ET times and the ladders' ET event hour. No `g` flag, so
 * `test` keeps no state between callers.
 */
export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An ISO day ("YYYY-MM-DD") moved by whole calendar days, earlier when negative: ("2027-01-05", 1) is "2027-01-06". */
// Counted in whole days from the date's own digits, its text memoised (dayText): Date.parse of an ISO
// text and a new slice of its rendering cost about 1 % of a plan in the planner bench's profile.
export function shiftIsoDay(isoDate: string, days: number): string {
  return dayText(wallFromDate(isoDate, 0) / DAY_MS + days);
}
