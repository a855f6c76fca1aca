import { DateTime } from "luxon";
import { BoundedMemo } from "./bounded-memo.ts";
import { InstantTexts, isoText } from "./instant-texts.ts";
import { renderWall } from "./wall-text.ts";
import { offsetMinutes } from "./zone-offsets.ts";

/**
 * Time in the applicant's zone, with luxon as the source of truth for zone offsets.
 *
 * The planner works in "wall milliseconds": the UTC epoch milliseconds that the local wall-clock
 * reading would have if it were UTC. Calendar arithmetic on wall milliseconds (add a day, set the
 * time of day) is exact, so a 09:00 local reminder stays 09:00 local across a DST change. Offsets
 * come from luxon through zone-offsets.ts, which keeps luxon out of the planner's hot loop. The
 * module-level caches are deterministic memos: they never change a result, only its cost.
 */

export const ET_ZONE = "America/New_York";
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Reminders are delivered at this local time unless the applicant chose another. */
export const DEFAULT_DELIVERY_MINUTE = 9 * 60;
/** Quiet hours start (inclusive) at 21:00 local... */
export const QUIET_START_MINUTE = 21 * 60;
/** ...and end (exclusive) at 08:00 local. */
export const QUIET_END_MINUTE = 8 * 60;

/** The wall-clock reading in the zone at the UTC instant, as wall milliseconds. */
export function toWall(zone: string, utcMs: number): number {
  return utcMs + offsetMinutes(zone, utcMs) * MINUTE_MS;
}

/**
 * The UTC instant of a wall-clock reading in the zone, by Luxon's rule (`DateTime.fromObject`:
 * start from a guessed offset, keep it if the zone agrees, else try the zone's offset there) with
 * the guess fixed to the offset in force a day before the reading. Luxon's own default guess is the
 * offset in force on the day the code runs, so its answer in a repeated hour moves with the season;
 * this fixed guess gives Temporal's "compatible" answer, the one that never plans late:
 * - a reading repeated by a fall-back overlap is the EARLIER of its two instants (01:30 in London
 *   on 2026-10-25 is 00:30Z, still BST), so a deadline is never planned later than it falls;
 * - a reading skipped by a spring-forward gap is read with the offset before the gap, which lands
 *   it after the gap (02:30 in New York on 2026-03-08 becomes 03:30 EDT), as Luxon does.
 * The two candidate offsets are those in force a day either side: no zone changes its offset
 * twice within two days. test/unit/domain/time-vs-luxon.test.ts checks it against Luxon itself.
 */
export function fromWall(zone: string, wallMs: number): number {
  const before = offsetMinutes(zone, wallMs - DAY_MS);
  const after = offsetMinutes(zone, wallMs + DAY_MS);
  const early = wallMs - before * MINUTE_MS;
  if (before === after) return early;
  const late = wallMs - after * MINUTE_MS;
  const earlier = Math.min(early, late);
  if (toWall(zone, earlier) === wallMs) return earlier;
  const later = Math.max(early, late);
  if (toWall(zone, later) === wallMs) return later;
  return early;
}

/**
 * How many instants show this wall-clock reading in the zone: 1 mostly, 2 in a fall-back overlap
 * (fromWall takes the earlier), 0 in a spring-forward gap (fromWall moves it past the gap). For
 * callers that must say so, such as an interview time typed into a form.
 */
export function wallReadingCount(zone: string, wallMs: number): 0 | 1 | 2 {
  const before = offsetMinutes(zone, wallMs - DAY_MS);
  const after = offsetMinutes(zone, wallMs + DAY_MS);
  if (before === after) return 1;
  const shown = (offset: number) => toWall(zone, wallMs - offset * MINUTE_MS) === wallMs;
  return ((shown(before) ? 1 : 0) + (shown(after) ? 1 : 0)) as 0 | 1 | 2;
}

/** Midnight of the wall day containing the wall instant. */
export function wallDayStart(wallMs: number): number {
  return Math.floor(wallMs / DAY_MS) * DAY_MS;
}

/** Minutes since local midnight of a wall instant. */
export function wallMinuteOfDay(wallMs: number): number {
  return Math.floor((wallMs - wallDayStart(wallMs)) / MINUTE_MS);
}

/** Wall milliseconds of a calendar date ("YYYY-MM-DD") at a time of day given in minutes. */
export function wallFromDate(isoDate: string, minuteOfDay: number): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  return Date.UTC(year, month - 1, day) + minuteOfDay * MINUTE_MS;
}

/** "HH:MM" as minutes since midnight. */
export function minutesFromClock(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** The UTC instant of an authority date given in US Eastern time ("2026-02-25", "21:00"). */
export function etInstant(isoDate: string, clock: string | null): number {
  return fromWall(ET_ZONE, wallFromDate(isoDate, clock === null ? 0 : minutesFromClock(clock)));
}

const localMidnights = new Map<string, BoundedMemo<string, number>>();
// The zone asked last and its memo, kept beside the Map: a plan asks in the applicant's zone only,
// so the zone look-up is mostly skipped (planner bench).
let lastMidnightZone: string | undefined;
let lastMidnights: BoundedMemo<string, number> | undefined;

/**
 * The UTC instant of local midnight starting the date in the zone; a midnight read twice (St John's
 * on 2009-11-01, when DST ended at 00:01) is its earlier instant, as in fromWall. Memoised per zone
 * and date (bounded): planners ask for the same applicant dates on every plan.
 */
export function startOfLocalDate(zone: string, isoDate: string): number {
  if (zone !== lastMidnightZone) {
    lastMidnights = localMidnights.get(zone);
    lastMidnightZone = lastMidnights === undefined ? undefined : zone;
  }
  const cached = lastMidnights?.get(isoDate);
  if (cached !== undefined) return cached;
  // Computed first, so an unknown zone throws before it gets a cache of its own.
  const midnight = fromWall(zone, wallFromDate(isoDate, 0));
  if (lastMidnights === undefined) {
    lastMidnights = new BoundedMemo(20_000);
    localMidnights.set(zone, lastMidnights);
    lastMidnightZone = zone;
  }
  return lastMidnights.keep(isoDate, midnight);
}

const dateTexts = new BoundedMemo<number, string>(20_000);

/**
 * The calendar date ("YYYY-MM-DD") of the UTC instant in the zone. The text is memoised per wall
 * day (bounded): risk messages ask for it on every plan, and Date#toISOString is the costly part.
 */
export function localDate(zone: string, utcMs: number): string {
  return dayText(Math.floor(toWall(zone, utcMs) / DAY_MS));
}

/** The ISO text ("YYYY-MM-DD") of a day counted from 1970-01-01 (day 0), memoised as localDate's. */
export function dayText(day: number): string {
  let text = dateTexts.get(day);
  if (text === undefined) {
    text = dateTexts.keep(day, isoText(day * DAY_MS).slice(0, 10));
  }
  return text;
}

/**
 * Whether the zone's clocks go forward (its UTC offset grows) at some instant within `days` after
 * `utcMs`: only then does a wall-clock time not exist on some night (a delivery time of 02:30 on a
 * spring-forward night), so only then does the preferences page explain it
 * (Asia/Karachi has not changed its clocks since 2009). Compares offsets a day apart, the
 * stride zone-offsets.ts probes at: a week apart missed America/Noronha's one-week DST of 2000.
 */
export function clocksGoForwardWithin(zone: string, utcMs: number, days: number): boolean {
  const end = utcMs + days * DAY_MS;
  let before = offsetMinutes(zone, utcMs);
  for (let probe = utcMs; probe < end; ) {
    const next = Math.min(probe + DAY_MS, end);
    const after = offsetMinutes(zone, next);
    if (after > before) return true;
    before = after;
    probe = next;
  }
  return false;
}

/** Quiet hours as local minutes of the day: start inclusive, end exclusive; start > end wraps midnight. */
export interface QuietMinutes {
  start: number;
  end: number;
}

/** The default quiet hours, 21:00 to 08:00 local. */
export const DEFAULT_QUIET: QuietMinutes = { start: QUIET_START_MINUTE, end: QUIET_END_MINUTE };

/** True when the local minute of the day falls in the quiet window (never, when start equals end). */
export function inQuietWindow(minute: number, quiet: QuietMinutes): boolean {
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? minute >= quiet.start && minute < quiet.end
    : minute >= quiet.start || minute < quiet.end;
}

/**
 * The delivery time as a local minute of the day ("HH:MM" honoured to the minute), clamped out of
 * the quiet hours: a time in their evening part moves an hour before they start, one in their
 * morning part to when they end (defaults: at or after 21:00 → 20:00, before 08:00 → 08:00).
 */
export function deliveryMinute(
  reminderTime: string | undefined,
  quiet: QuietMinutes = DEFAULT_QUIET,
): number {
  if (reminderTime === undefined) return DEFAULT_DELIVERY_MINUTE;
  const minute = minutesFromClock(reminderTime);
  if (!inQuietWindow(minute, quiet)) return minute;
  if (minute >= quiet.start && quiet.start >= 60) return quiet.start - 60;
  return quiet.end;
}

/** True when the UTC instant falls in the zone's quiet hours, 21:00 (inclusive) to 08:00 (exclusive). */
export function isQuietHour(zone: string, utcMs: number): boolean {
  const minute = wallMinuteOfDay(toWall(zone, utcMs));
  return minute >= QUIET_START_MINUTE || minute < QUIET_END_MINUTE;
}

function formatOffset(offset: number): string {
  const sign = offset < 0 ? "-" : "+";
  const absolute = Math.abs(offset);
  const hours = String(Math.floor(absolute / 60)).padStart(2, "0");
  const minutes = String(absolute % 60).padStart(2, "0");
  return `${sign}${hours}:${minutes}`;
}

/**
 * Memoises a pure formatter per zone. Plans for many applicants share deadlines and 09:00 slots,
 * so formatting (Date#toISOString, string building) is mostly a cache hit; each cache is bounded.
 */
const MAX_FORMAT_CACHE = 20_000;
/** The direct-mapped front of each formatter's memo (InstantTexts): 1,024 instants per zone. */
const FRONT_BITS = 10;
function memoByZone(
  format: (zone: string, utcMs: number) => string,
): (zone: string, utcMs: number) => string {
  const byZone = new Map<string, InstantTexts>();
  // The zone asked last and its memo: a plan asks in one zone (the applicant's, or ET) again and
  // again, so the zone look-up is mostly skipped (planner bench).
  let lastZone: string | undefined;
  let lastCache: InstantTexts | undefined;
  return (zone, utcMs) => {
    let cache = zone === lastZone ? lastCache : byZone.get(zone);
    if (cache === undefined) {
      cache = new InstantTexts(FRONT_BITS, MAX_FORMAT_CACHE);
      byZone.set(zone, cache);
    }
    lastZone = zone;
    lastCache = cache;
    const cached = cache.get(utcMs);
    if (cached !== undefined) return cached;
    return cache.keep(utcMs, format(zone, utcMs));
  };
}

/** ISO 8601 with the zone's offset, e.g. "2026-02-18T09:00:00.000+05:30". */
export const isoInZone: (zone: string, utcMs: number) => string = memoByZone((zone, utcMs) => {
  const offset = offsetMinutes(zone, utcMs);
  const wall = utcMs + offset * MINUTE_MS;
  return isoText(wall).slice(0, 23) + formatOffset(offset);
});

// One memo, not memoByZone's memo per zone: UTC is the only zone here, and isoUtc runs dozens of
// times per plan, so the zone look-up is skipped (planner bench).
const isoUtcTexts = new InstantTexts(12, MAX_FORMAT_CACHE);

/** ISO 8601 UTC, e.g. "2026-02-25T02:00:00.000Z". */
export function isoUtc(utcMs: number): string {
  const cached = isoUtcTexts.get(utcMs);
  if (cached !== undefined) return cached;
  return isoUtcTexts.keep(utcMs, isoText(utcMs));
}

const zoneNameCache = new Map<string, string>();

/** The zone's short name at an instant ("EST", "GMT+5:30"), from luxon, cached per zone and offset. */
function shortZoneName(zone: string, utcMs: number, offset: number): string {
  const cacheKey = `${zone}|${offset}`;
  const cached = zoneNameCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const name =
    DateTime.fromMillis(utcMs, { zone, locale: "en-US" }).offsetNameShort ?? `UTC${formatOffset(offset)}`;
  zoneNameCache.set(cacheKey, name);
  return name;
}

/** For humans, in the zone: "Wed 25 Feb 2026, 7:30 AM GMT+5:30" (formatted by Luxon, memoised). */
export const renderInZone: (zone: string, utcMs: number) => string = memoByZone(
  (zone, utcMs) => `${renderWall(zone, utcMs)} ${shortZoneName(zone, utcMs, offsetMinutes(zone, utcMs))}`,
);

const renderEtMemo = memoByZone((_zone, utcMs) => `${renderWall(ET_ZONE, utcMs)} ET`);

/** For humans, in US Eastern time: "Tue 24 Feb 2026, 9:00 PM ET". */
export function renderEt(utcMs: number): string {
  return renderEtMemo(ET_ZONE, utcMs);
}

const humanDateTexts = new BoundedMemo<string, string>(10_000);
/** A calendar date ("2026-08-15") for humans: "Sat 15 Aug 2026", in English; the input itself if it is no date. */
export function renderDate(isoDate: string): string {
  let text = humanDateTexts.get(isoDate);
  if (text === undefined) {
    const date = DateTime.fromISO(isoDate, { zone: "UTC", locale: "en-US" });
    text = date.isValid ? date.toFormat("ccc d LLL yyyy") : isoDate;
    humanDateTexts.keep(isoDate, text);
  }
  return text;
}
