import type { Deadline } from "../plan.ts";
import { DAY_MS, fromWall, isoUtc, renderEt, renderInZone, toWall } from "../time.ts";

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
