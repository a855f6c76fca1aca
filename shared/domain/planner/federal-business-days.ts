import { shiftIsoDay } from "../iso-texts.ts";
import { localDate, startOfLocalDate } from "../time.ts";

/**
 * The business days a federal office keeps (USCIS's premium processing of an H-1B petition: 15
 * business days): Monday to Friday, less the federal holidays of 5 U.S.C. 6103 on the days federal
 * employees observe them (a holiday on a Saturday is observed the Friday before, on a Sunday the
 * Monday after). Inauguration Day, a holiday only around Washington, DC, is not counted. The one
 * way the planner counts such days.
 */
export const FEDERAL_HOLIDAYS_SOURCE =
  "https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/ (OPM: the federal holidays of 5 U.S.C. 6103, https://www.law.cornell.edu/uscode/text/5/6103, and the days they are observed: a Saturday holiday on the Friday before, a Sunday one on the Monday after; as read 2026-12-06, the rule also at https://www.ca6.uscourts.gov/federal-holidays)";

/** The observed federal holidays falling in `year` (ISO days), made once per year. */
function holidaysOf(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (days !== undefined) return days;
  const found = new Set<string>();
  const add = (iso: string) => {
    if (iso.startsWith(`${year}-`)) found.add(iso);
  };
  // A fixed-date holiday of this year and of the next (1 Jan on a Saturday is observed on 31 Dec).
  for (const of of [year, year + 1])
    for (const monthDay of ["01-01", "06-19", "07-04", "11-11", "12-25"]) add(observed(`${of}-${monthDay}`));
  add(nthWeekday(year, 1, 1, 3)); // Birthday of Martin Luther King, Jr.: third Monday in January
  add(nthWeekday(year, 2, 1, 3)); // Washington's Birthday: third Monday in February
  add(lastWeekday(year, 5, 1)); // Memorial Day: last Monday in May
  add(nthWeekday(year, 9, 1, 1)); // Labor Day: first Monday in September
  add(nthWeekday(year, 10, 1, 2)); // Columbus Day: second Monday in October
  add(nthWeekday(year, 11, 4, 4)); // Thanksgiving Day: fourth Thursday in November
  days = found;
  byYear.set(year, days);
  return days;
}
const byYear = new Map<number, ReadonlySet<string>>();

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function observed(iso: string): string {
  const weekday = weekdayOf(iso);
  return weekday === 6 ? shiftIsoDay(iso, -1) : weekday === 0 ? shiftIsoDay(iso, 1) : iso;
}

/** The `n`th `weekday` (0 Sunday … 6 Saturday) of `month` (1-12) in `year`. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return shiftIsoDay(first, offset + (n - 1) * 7);
}

/** The last `weekday` of `month` in `year`. */
function lastWeekday(year: number, month: number, weekday: number): string {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const last = shiftIsoDay(next, -1);
  return shiftIsoDay(last, -((weekdayOf(last) - weekday + 7) % 7));
}

/** Whether an ISO day is a federal business day (a weekday, not an observed federal holiday). */
export function isFederalBusinessDay(iso: string): boolean {
  const weekday = weekdayOf(iso);
  return weekday !== 0 && weekday !== 6 && !holidaysOf(Number(iso.slice(0, 4))).has(iso);
}

/**
 * The end (the next midnight in `zone`) of the `count`th federal business day after the day that
 * ends at or contains `from` (an instant in `zone`): 15 business days from a petition filed on
 * Mon 10 May 2027 end with Tue 1 Jun, Memorial Day (31 May) not counted.
 */
export function afterBusinessDays(from: number, zone: string, count: number): number {
  let day = localDate(zone, from - 1);
  for (let counted = 0; counted < count; ) {
    day = shiftIsoDay(day, 1);
    if (isFederalBusinessDay(day)) counted++;
  }
  return startOfLocalDate(zone, shiftIsoDay(day, 1));
}
