import { BoundedMemo } from "../bounded-memo.ts";
import type { PlanContext } from "./context.ts";
import { type DueDate, shapedDueDate } from "./deadlines.ts";

/**
 * A last working day the plan counted itself (MATCH_YEAR_LAST_DAY's day, the Pathway's submit-by
 * days) as a DueDate: `at` an epoch-ms instant in the applicant's zone, status "projected" (counted
 * from projected deadlines), basis "advice" (our allowances, not an authority's date) unless the caller
 * says "projected" (a day that is an authority's projected deadline itself; one basis per `source`),
 * `source` the rule it came from. `wholeDay`: `at` ends a day in the applicant's zone (a MATCH_YEAR_LAST_DAY that
 * is a last sitting day), so the due is that day (`asDay`), shown as their calendar day, never an
 * hour of it with its ET time ("11:59 PM GMT+5:45 / 1:14 PM ET"); the other last days and the
 * Pathway's days are ET instants less an allowance, and stay instants. One object per zone, instant,
 * source and kind, so PlanDates renders it once and the ladder memo finds it.
 */
export function adviceDayDue(
  context: PlanContext,
  at: number,
  source: string,
  wholeDay = false,
  basis: "advice" | "projected" = "advice",
): DueDate {
  const byInstant = duesOf(wholeDay ? wholeDays : instants, source, context.zone);
  const known = byInstant.get(at);
  if (known !== undefined) return known;
  return byInstant.keep(
    at,
    shapedDueDate({
      at,
      zone: context.zone,
      status: "projected",
      basis,
      source,
      ...(wholeDay ? { asDay: true } : {}),
    }),
  );
}

/**
 * The dues made so far, by source, then zone, then instant, whole days apart: look-ups on values the
 * callers hold (each source is a constant sentence of theirs), where one key string joining the four
 * was built, then hashed in full, sentence included, on every call (planner bench: about 1 % of a
 * plan near its last day). Sources are the callers' few; zones and instants are bounded.
 */
type DuesBySource = Map<string, BoundedMemo<string, BoundedMemo<number, DueDate>>>;
const instants: DuesBySource = new Map();
const wholeDays: DuesBySource = new Map();

function duesOf(memo: DuesBySource, source: string, zone: string): BoundedMemo<number, DueDate> {
  let byZone = memo.get(source);
  if (byZone === undefined) {
    byZone = new BoundedMemo(MAX_ZONES);
    memo.set(source, byZone);
  }
  return byZone.get(zone) ?? byZone.keep(zone, new BoundedMemo(MAX_INSTANTS_PER_ZONE));
}

/** A full memo starts again: a due is then made anew, equal to the one dropped. */
const MAX_ZONES = 64;
const MAX_INSTANTS_PER_ZONE = 64;
