import type { PlanContext } from "./context.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";

/**
 * A last working day the plan counted itself (MATCH_YEAR_LAST_DAY's day, the Pathway's submit-by
 * days) as a DueDate: `at` an epoch-ms instant in the applicant's zone, status "projected" (counted
 * from projected deadlines), basis "advice" (our allowances, not an authority's date), `source` the
 * rule it came from. A day (`asDay`): shown as the applicant's calendar day, never an hour of it
 * with its ET time (tester t9y F8: "11:59 PM GMT+5:45 / 1:14 PM ET"). One object per zone, instant and source, so PlanDates renders it once and the
 * ladder memo finds it; the memo is cleared past 256 entries.
 */
export function adviceDayDue(context: PlanContext, at: number, source: string): DueDate {
  const key = `${context.zone}|${at}|${source}`;
  let due = adviceDays.get(key);
  if (due === undefined) {
    due = shapedDueDate({
      at,
      zone: context.zone,
      status: "projected",
      basis: "advice",
      source,
      asDay: true,
    });
    if (adviceDays.size >= 256) adviceDays.clear();
    adviceDays.set(key, due);
  }
  return due;
}
const adviceDays = new Map<string, DueDate>();
