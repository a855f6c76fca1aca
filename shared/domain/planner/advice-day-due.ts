import type { PlanContext } from "./context.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";

/**
 * A last working day the plan counted itself (MATCH_YEAR_LAST_DAY's day, the Pathway's submit-by
 * days) as a DueDate: `at` an epoch-ms instant in the applicant's zone, status "projected" (counted
 * from projected deadlines), basis "advice" (our allowances, not an authority's date), `source` the
 * rule it came from. `wholeDay`: `at` ends a day in the applicant's zone (MATCH_YEAR_LAST_DAY's), so
 * the due is that day (`asDay`), shown as their calendar day, never an hour of it with its ET time
 * ("11:59 PM GMT+5:45 / 1:14 PM ET"); the Pathway's days are ET instants less an
 * allowance, named by the earlier of the two days, and stay instants. One object per zone, instant,
 * source and kind, so PlanDates renders it once and the ladder memo finds it; the memo is cleared
 * past 256 entries.
 */
export function adviceDayDue(context: PlanContext, at: number, source: string, wholeDay = false): DueDate {
  const key = `${context.zone}|${at}|${source}|${wholeDay}`;
  let due = adviceDays.get(key);
  if (due === undefined) {
    due = shapedDueDate({
      at,
      zone: context.zone,
      status: "projected",
      basis: "advice",
      source,
      ...(wholeDay ? { asDay: true } : {}),
    });
    if (adviceDays.size >= 256) adviceDays.clear();
    adviceDays.set(key, due);
  }
  return due;
}
const adviceDays = new Map<string, DueDate>();
