import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES } from "#domain/preferences.ts";
import { clocksGoForwardWithin } from "#domain/time.ts";
import { formOf } from "#pages/preferences-form.ts";
import { preferencesPage } from "#pages/preferences-page.ts";

/**
 * The preferences page explained the times a spring-forward night skips to
 * an applicant in Asia/Karachi, whose clocks have not changed since 2009. The note is for zones
 * whose clocks go forward within the coming year only.
 */
const NOTE = "On a night the clocks go forward, a time they skip";
const DECEMBER = new Date("2026-12-01T12:00:00Z");

function page(timezone: string, now: Date): string {
  return (
    preferencesPage({
      form: formOf(DEFAULT_PREFERENCES),
      timezone,
      formAction: "/p",
      timelineUrl: "/t",
      now,
    }).body ?? ""
  );
}

describe("the preferences page's note on skipped delivery times", () => {
  it.each(["Asia/Karachi", "Africa/Lagos", "Asia/Kolkata", "Asia/Dhaka", "UTC"])(
    "%s: no clock change ahead, no note",
    (zone) => {
      expect(page(zone, DECEMBER)).not.toContain(NOTE);
    },
  );

  it.each(["America/New_York", "Europe/London", "Australia/Sydney", "America/Santiago"])(
    "%s: its clocks go forward within the year, the note stays",
    (zone) => {
      expect(page(zone, DECEMBER)).toContain(NOTE);
    },
  );

  it("stays the day after a spring-forward night: the next one is within the year", () => {
    expect(page("America/New_York", new Date("2027-03-15T12:00:00Z"))).toContain(NOTE);
  });
});

describe("clocksGoForwardWithin agrees with Luxon's day-by-day offsets", () => {
  const zones = [
    "Asia/Karachi",
    "Africa/Lagos",
    "Africa/Cairo",
    "Asia/Tehran",
    "Europe/London",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
  ];
  const starts = ["2026-12-01T00:00:00Z", "2027-04-01T00:00:00Z", "2027-10-31T12:00:00Z"];
  it.each(zones.flatMap((zone) => starts.map((start) => [zone, start] as const)))(
    "%s from %s",
    (zone, start) => {
      const from = Date.parse(start);
      const luxon = IANAZone.create(zone);
      let forward = false;
      for (let hour = 0; hour < 366 * 24 && !forward; hour += 6) {
        const at = from + hour * 3_600_000;
        forward = luxon.offset(at + 6 * 3_600_000) > luxon.offset(at);
      }
      expect(clocksGoForwardWithin(zone, from, 366)).toBe(forward);
    },
  );

  // A forward change undone within a week: probes a week apart both read UTC-2
  // (America/Noronha kept UTC-1 only from 2000-10-08 to 2000-10-15).
  it("sees America/Noronha's one-week DST of October 2000 between two probes a week apart", () => {
    expect(clocksGoForwardWithin("America/Noronha", Date.parse("2000-10-01T01:30:00Z"), 14)).toBe(true);
  });
});
