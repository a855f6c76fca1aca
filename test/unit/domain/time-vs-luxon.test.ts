import fc from "fast-check";
import { DateTime, Settings } from "luxon";
import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  ET_ZONE,
  etInstant,
  fromWall,
  HOUR_MS,
  isoInZone,
  isQuietHour,
  localDate,
  MINUTE_MS,
  renderEt,
  renderInZone,
  startOfLocalDate,
  toWall,
  wallDayStart,
  wallFromDate,
  wallMinuteOfDay,
  wallReadingCount,
} from "#domain/time.ts";
import { offsetMinutes } from "#domain/zone-offsets.ts";

// Every function of shared/domain/time.ts against Luxon, the library it replaces in the hot loop:
// zones east and west of UTC, half- and quarter-hour offsets, a 30-minute DST (Lord Howe), the
// southern hemisphere, and Morocco's Ramadan suspensions; instants anywhere in 2000-2045 and wall
// readings on every transition of 2024-2030, where hand-written zone arithmetic goes wrong.
const ZONES = [
  "America/New_York",
  "America/Los_Angeles",
  "America/St_Johns",
  "America/Sao_Paulo",
  "America/Santiago",
  "Europe/London",
  "Europe/Berlin",
  "Africa/Cairo",
  "Africa/Casablanca",
  "Africa/Lagos",
  "Asia/Tehran",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Manila",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "UTC",
] as const;

const FROM = Date.parse("2000-01-01T00:00:00Z");
const UNTIL = Date.parse("2045-12-31T00:00:00Z");

/** Every instant in [from, until) at which the zone's offset changes, found with Luxon alone. */
function transitions(zone: string, from: number, until: number): number[] {
  const offset = (t: number) => DateTime.fromMillis(t, { zone }).offset;
  const found: number[] = [];
  for (let t = from; t < until; t += 12 * HOUR_MS) {
    if (offset(t) === offset(t + 12 * HOUR_MS)) continue;
    let low = t;
    let high = t + 12 * HOUR_MS;
    while (high - low > MINUTE_MS) {
      const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offset(middle) === offset(t)) low = middle;
      else high = middle;
    }
    found.push(high);
  }
  return found;
}

const TRANSITIONS = [
  ...ZONES.flatMap((zone) =>
    transitions(zone, Date.parse("2025-01-01T00:00:00Z"), Date.parse("2029-01-01T00:00:00Z")).map(
      (at) => [zone, at] as const,
    ),
  ),
  // St John's changed its clocks at 00:01 local until 2011: transitions off the quarter hour.
  ...transitions(
    "America/St_Johns",
    Date.parse("2003-01-01T00:00:00Z"),
    Date.parse("2005-01-01T00:00:00Z"),
  ).map((at) => ["America/St_Johns", at] as const),
];

const anyInstant = fc.integer({ min: FROM, max: UNTIL });
/** A zone and an instant within three hours of one of its transitions, minute-aligned. */
const nearTransition = fc
  .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -180, max: 180 }))
  .map(([[zone, at], minutes]) => [zone, at + minutes * MINUTE_MS] as const);
const zoneAndInstant = fc.oneof(
  fc.tuple(fc.constantFrom(...ZONES), anyInstant).map(([zone, t]) => [zone, t] as const),
  nearTransition,
);

/**
 * A wall time as Luxon itself reads it (`DateTime.fromObject` in the zone), with Luxon's first guess
 * of the offset pinned to the one in force a day before the reading (`Settings.now`): by default
 * Luxon guesses with the offset in force today, so its pick in a repeated hour would move with the
 * date the test runs (see the last case below). Cross-checked against Luxon's own list of the
 * reading's instants: the answer is the earliest of them (in a gap there are none, and Luxon's
 * reading is the instant past the gap).
 */
function luxonReading(zone: string, wallMs: number): number {
  const wall = DateTime.fromMillis(wallMs, { zone: "UTC" });
  const units = {
    year: wall.year,
    month: wall.month,
    day: wall.day,
    hour: wall.hour,
    minute: wall.minute,
    second: wall.second,
    millisecond: wall.millisecond,
  };
  const today = Settings.now;
  Settings.now = () => wallMs - DAY_MS;
  try {
    const local = DateTime.fromObject(units, { zone });
    const earliest = Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis()));
    expect(local.toMillis()).toBe(Math.min(earliest, local.toMillis()));
    return local.toMillis();
  } finally {
    Settings.now = today;
  }
}

/** How many instants Luxon finds for the wall reading (0 in a gap, 2 in an overlap). */
function luxonInstantCount(zone: string, wallMs: number): number {
  const wall = DateTime.fromMillis(wallMs, { zone: "UTC" });
  const local = DateTime.fromObject(
    { year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute },
    { zone },
  );
  return local
    .getPossibleOffsets()
    .filter((candidate) => candidate.toFormat("yyyy-MM-dd HH:mm") === wall.toFormat("yyyy-MM-dd HH:mm"))
    .length;
}

describe("time.ts against Luxon", () => {
  it("has Luxon's offset and wall reading at any instant", () => {
    fc.assert(
      fc.property(zoneAndInstant, ([zone, t]) => {
        const luxon = DateTime.fromMillis(t, { zone });
        expect(offsetMinutes(zone, t)).toBe(luxon.offset);
        expect(toWall(zone, t)).toBe(t + luxon.offset * MINUTE_MS);
        expect(localDate(zone, t)).toBe(luxon.toISODate());
        expect(isQuietHour(zone, t)).toBe(luxon.hour >= 21 || luxon.hour < 8);
        expect(isoInZone(zone, t)).toBe(luxon.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ"));
      }),
      { numRuns: 1500 },
    );
  });

  it("reads a wall time at the earlier of the instants Luxon finds when the reading repeats (never plans late)", () => {
    fc.assert(
      fc.property(zoneAndInstant, ([zone, t]) => {
        const wall = Math.floor(toWall(zone, t) / MINUTE_MS) * MINUTE_MS;
        expect(fromWall(zone, wall)).toBe(luxonReading(zone, wall));
      }),
      { numRuns: 1500 },
    );
  });

  it("reads every wall time of every transition day as Luxon's earliest reading", () => {
    for (const [zone, at] of TRANSITIONS) {
      const day = wallDayStart(toWall(zone, at));
      for (let minute = 0; minute < 24 * 60; minute += 30) {
        const wall = day + minute * MINUTE_MS;
        expect({ zone, wall: new Date(wall).toISOString(), utc: fromWall(zone, wall) }).toEqual({
          zone,
          wall: new Date(wall).toISOString(),
          utc: luxonReading(zone, wall),
        });
      }
    }
  });

  it.each([
    ["Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00.000Z"],
    ["Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"],
    ["Australia/Sydney", "2027-04-04", "02:30", "2027-04-03T15:30:00.000Z"],
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"],
  ])("%s %s %s, read twice by the clock, is its earlier instant %s", (zone, date, clock, iso) => {
    const [hours = 0, minutes = 0] = clock.split(":").map(Number);
    expect(new Date(fromWall(zone, wallFromDate(date, hours * 60 + minutes))).toISOString()).toBe(iso);
  });

  it("starts each local date where Luxon does, and reads ET authority times at Luxon's earliest reading", () => {
    fc.assert(
      fc.property(zoneAndInstant, fc.integer({ min: 0, max: 24 * 60 - 1 }), ([zone, t], minute) => {
        const date = localDate(zone, t);
        // Luxon's startOf("day") keeps its own offset guess when midnight reads twice (St John's
        // ended DST at 00:01 until 2011), so the start of a date is checked against Luxon's
        // earliest reading of its midnight, the rule fromWall follows everywhere.
        expect(startOfLocalDate(zone, date)).toBe(luxonReading(zone, wallFromDate(date, 0)));
        const clock = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
        expect(etInstant(date, clock)).toBe(luxonReading(ET_ZONE, wallFromDate(date, minute)));
        expect(etInstant(date, null)).toBe(luxonReading(ET_ZONE, wallFromDate(date, 0)));
      }),
      { numRuns: 1000 },
    );
  });

  it("starts a date whose midnight reads twice at its earlier instant (St John's, 2009-11-01)", () => {
    // Found by the property above (seed -1031360991): DST ended at 00:01 NDT, back to 23:01 NST on
    // 31 Oct, so 00:00 on 1 Nov came at 02:30Z and again at 03:30Z; the date starts at the first.
    expect(new Date(startOfLocalDate("America/St_Johns", "2009-11-01")).toISOString()).toBe(
      "2009-11-01T02:30:00.000Z",
    );
    expect(DateTime.fromISO("2009-11-01", { zone: "America/St_Johns" }).startOf("day").toMillis()).toBe(
      Date.parse("2009-11-01T03:30:00.000Z"),
    );
  });

  it("finds a transition off the quarter hour to the minute (St John's, 00:01 NDT on 2003-10-26 = 02:31Z)", () => {
    // Found by the CI (seed -2113131528): bisection to quarter hours kept NDT until 02:45Z, so
    // 02:31Z..02:44Z rendered "GMT-2:30". The instant before is asked first, as the planner would.
    const change = Date.parse("2003-10-26T02:31:00Z");
    expect(offsetMinutes("America/St_Johns", change - MINUTE_MS)).toBe(-150);
    expect(offsetMinutes("America/St_Johns", change)).toBe(-210);
    expect(renderInZone("America/St_Johns", change)).toBe("Sat 25 Oct 2003, 11:01 PM GMT-3:30");
  });

  it("does wall-day arithmetic as Luxon does in UTC", () => {
    fc.assert(
      fc.property(anyInstant, (wall) => {
        const luxon = DateTime.fromMillis(wall, { zone: "UTC" });
        expect(wallDayStart(wall)).toBe(luxon.startOf("day").toMillis());
        expect(wallMinuteOfDay(wall)).toBe(luxon.hour * 60 + luxon.minute);
        expect(wallFromDate(luxon.toISODate() ?? "", luxon.hour * 60 + luxon.minute)).toBe(
          luxon.startOf("minute").toMillis(),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("renders for people as Luxon formats", () => {
    fc.assert(
      fc.property(zoneAndInstant, ([zone, t]) => {
        const local = DateTime.fromMillis(t, { zone, locale: "en-US" });
        expect(renderInZone(zone, t)).toBe(
          `${local.toFormat("ccc d LLL yyyy, h:mm a")} ${local.offsetNameShort}`,
        );
        const et = DateTime.fromMillis(t, { zone: ET_ZONE, locale: "en-US" });
        expect(renderEt(t)).toBe(`${et.toFormat("ccc d LLL yyyy, h:mm a")} ET`);
      }),
      { numRuns: 500 },
    );
  });

  it("counts a wall reading's instants as Luxon finds them (0 in a gap, 2 in an overlap)", () => {
    fc.assert(
      fc.property(zoneAndInstant, fc.integer({ min: -90, max: 90 }), ([zone, t], shift) => {
        const wall = Math.floor(toWall(zone, t) / MINUTE_MS) * MINUTE_MS + shift * MINUTE_MS;
        expect(wallReadingCount(zone, wall)).toBe(luxonInstantCount(zone, wall));
      }),
      { numRuns: 1500 },
    );
    expect(wallReadingCount("America/New_York", wallFromDate("2027-03-14", 150))).toBe(0);
    expect(wallReadingCount("Europe/London", wallFromDate("2026-10-25", 90))).toBe(2);
    expect(wallReadingCount("Asia/Kolkata", wallFromDate("2026-10-25", 90))).toBe(1);
  });

  it("differs from unpinned Luxon only by its guess: in summer Luxon picks the earlier London 01:30, in winter the later", () => {
    const wall = { year: 2026, month: 10, day: 25, hour: 1, minute: 30 };
    const today = Settings.now;
    try {
      Settings.now = () => Date.parse("2026-07-01T12:00:00Z");
      expect(DateTime.fromObject(wall, { zone: "Europe/London" }).toUTC().toISO()).toBe(
        "2026-10-25T00:30:00.000Z",
      );
      Settings.now = () => Date.parse("2026-11-30T12:00:00Z");
      expect(DateTime.fromObject(wall, { zone: "Europe/London" }).toUTC().toISO()).toBe(
        "2026-10-25T01:30:00.000Z",
      );
    } finally {
      Settings.now = today;
    }
    expect(new Date(fromWall("Europe/London", wallFromDate("2026-10-25", 90))).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("covers transitions in both directions, east and west of UTC", () => {
    const zonesWithTransitions = new Set(TRANSITIONS.map(([zone]) => zone));
    expect(zonesWithTransitions).toContain("Europe/London");
    expect(zonesWithTransitions).toContain("Australia/Sydney");
    expect(zonesWithTransitions).toContain("America/New_York");
    expect(DAY_MS).toBe(24 * HOUR_MS);
  });
});
