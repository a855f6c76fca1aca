import type { Deadline } from "../plan.ts";
import { DAY_MS, ET_ZONE, fromWall, isoUtc, localDate, renderEt, renderInZone, toWall } from "../time.ts";

/** Shifts an instant by whole calendar days in a zone, so the local time of day is kept across DST. */
export function shiftDays(at: number, zone: string, days: number): number {
  if (days === 0) return at;
  return fromWall(zone, toWall(zone, at) + days * DAY_MS);
}

/** The human-facing deadline: the instant in UTC, the zone given and ET, with provenance. */
export function deadlineDetail(
  zone: string,
  at: number,
  status: Deadline["status"],
  source: string,
): Deadline {
  return { at: isoUtc(at), local: renderInZone(zone, at), et: renderEt(at), status, source };
}

/**
 * An advisory date as a day (Deadline.precision "day"): the day in the zone given and in ET, each
 * as a date without a time ("Wed 27 Jan 2027"), with the zone's ISO day. The day is that of
 * `dayOf` (default the instant; a due date names the last whole day before it, see PlanDates.rendered).
 */
export function deadlineDay(
  zone: string,
  at: number,
  status: Deadline["status"],
  source: string,
  dayOf = at,
): Deadline {
  return {
    at: isoUtc(at),
    local: dateOnly(renderInZone(zone, dayOf)),
    et: dateOnly(renderInZone(ET_ZONE, dayOf)),
    status,
    source,
    precision: "day",
    day: localDate(zone, dayOf),
  };
}

/** "Wed 27 Jan 2027, 10:00 PM GMT+8" → "Wed 27 Jan 2027". */
function dateOnly(rendered: string): string {
  const comma = rendered.indexOf(", ");
  return comma < 0 ? rendered : rendered.slice(0, comma);
}
