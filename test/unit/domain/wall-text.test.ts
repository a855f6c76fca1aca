import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { englishWallText, renderWall } from "#domain/wall-text.ts";

// The planner renders instants for people without Luxon (wall-text.ts); Luxon's format is the
// reference, on every half hour of a year in zones east and west of UTC, on each side of every clock
// change, at midnight and noon (12 AM / 12 PM), and where the planner's own offsets do not apply.
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const FORMAT = "ccc d LLL yyyy, h:mm a";

function luxon(zone: string, at: number): string {
  return DateTime.fromMillis(at, { zone, locale: "en-US" }).toFormat(FORMAT);
}

/** Instants within a minute of each offset change of the zone in [from, until), found by Luxon. */
function aroundChanges(zone: string, from: number, until: number): number[] {
  const offset = (at: number) => DateTime.fromMillis(at, { zone }).offset;
  const found: number[] = [];
  for (let at = from; at < until; at += HOUR_MS) {
    if (offset(at) === offset(at + HOUR_MS)) continue;
    for (let minute = -2; minute <= 62; minute++) found.push(at + minute * MINUTE_MS);
  }
  return found;
}

describe("renderWall against Luxon", () => {
  const zones = [
    "America/New_York",
    "America/Los_Angeles",
    "America/St_Johns",
    "Europe/London",
    "Africa/Casablanca",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "UTC",
  ];
  const from = Date.parse("2026-01-01T00:00:00Z");
  const until = Date.parse("2027-01-01T00:00:00Z");

  it.each(zones)("renders every half hour of 2026 in %s as Luxon does", (zone) => {
    for (let at = from; at < until; at += 30 * MINUTE_MS) expect(renderWall(zone, at)).toBe(luxon(zone, at));
  });

  it.each(zones)("renders each minute around every clock change of 2025-2028 in %s as Luxon does", (zone) => {
    const around = aroundChanges(
      zone,
      Date.parse("2025-01-01T00:00:00Z"),
      Date.parse("2029-01-01T00:00:00Z"),
    );
    if (!["UTC", "Asia/Kolkata", "Asia/Kathmandu"].includes(zone)) expect(around.length).toBeGreaterThan(0);
    for (const at of around) expect(renderWall(zone, at)).toBe(luxon(zone, at));
  });

  it("says 12 AM at midnight and 12 PM at noon, and no leading zero on the day or the hour", () => {
    expect(renderWall("UTC", Date.parse("2026-03-05T00:00:00Z"))).toBe("Thu 5 Mar 2026, 12:00 AM");
    expect(renderWall("UTC", Date.parse("2026-03-05T12:07:00Z"))).toBe("Thu 5 Mar 2026, 12:07 PM");
    expect(renderWall("UTC", Date.parse("2026-03-05T09:30:59Z"))).toBe("Thu 5 Mar 2026, 9:30 AM");
  });

  it("leaves to Luxon a zone the planner's offsets do not know and a year Luxon pads or signs", () => {
    const at = Date.parse("2026-07-04T16:45:00Z");
    for (const zone of ["UTC+5", "utc", "system"]) expect(renderWall(zone, at)).toBe(luxon(zone, at));
    for (const year of ["0999", "10000", "-000100"]) {
      const far = Date.parse(year.length > 4 ? `+0${year}-06-01T00:00:00Z` : `${year}-06-01T00:00:00Z`);
      const instant = Number.isNaN(far) ? Date.UTC(Number(year), 5, 1) : far;
      expect(englishWallText(instant)).toBeUndefined();
      expect(renderWall("UTC", instant)).toBe(luxon("UTC", instant));
    }
    expect(englishWallText(Number.NaN)).toBeUndefined();
  });
});
