import fc from "fast-check";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import {
  deliveryMinute,
  etInstant,
  fromWall,
  isoInZone,
  isQuietHour,
  renderEt,
  renderInZone,
  toWall,
  wallFromDate,
} from "#domain/time.ts";
import { offsetMinutes } from "#domain/zone-offsets.ts";

describe("time", () => {
  it.each([
    ["2026-02-25", "21:00", "2026-02-26T02:00:00.000Z"],
    ["2025-06-04", "09:00", "2025-06-04T13:00:00.000Z"],
    ["2025-11-30", "23:59", "2025-12-01T04:59:00.000Z"],
    ["2026-07-01", null, "2026-07-01T04:00:00.000Z"],
  ])("reads the ET authority date %s %s as %s", (date, clock, iso) => {
    expect(new Date(etInstant(date, clock)).toISOString()).toBe(iso);
  });

  it("renders in ET and in the applicant's zone", () => {
    const rol = Date.parse("2026-02-26T02:00:00Z");
    expect(renderEt(rol)).toBe("Wed 25 Feb 2026, 9:00 PM ET");
    expect(renderEt(Date.parse("2026-02-25T02:00:00Z"))).toBe("Tue 24 Feb 2026, 9:00 PM ET");
    expect(renderInZone("Asia/Kolkata", rol)).toMatch(/^Thu 26 Feb 2026, 7:30 AM /);
    expect(renderInZone("America/New_York", rol)).toBe("Wed 25 Feb 2026, 9:00 PM EST");
  });

  it("writes ISO with the zone's offset, including half-hour offsets", () => {
    expect(isoInZone("Asia/Kolkata", Date.parse("2026-02-18T03:30:00Z"))).toBe(
      "2026-02-18T09:00:00.000+05:30",
    );
    expect(isoInZone("America/New_York", Date.parse("2026-07-01T13:00:00Z"))).toBe(
      "2026-07-01T09:00:00.000-04:00",
    );
  });

  it("resolves a wall time skipped by spring-forward to the later offset", () => {
    const wall = wallFromDate("2026-03-08", 2 * 60 + 30);
    expect(new Date(fromWall("America/New_York", wall)).toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("round-trips wall time across the November fall-back", () => {
    const utc = Date.parse("2026-11-01T14:00:00Z");
    expect(fromWall("America/New_York", toWall("America/New_York", utc))).toBe(utc);
  });

  it.each([
    [undefined, 540],
    ["07:00", 480],
    ["12:30", 750],
    ["21:00", 1200],
    ["23:45", 1200],
  ])("delivers reminderTime %s at minute %i, never in quiet hours", (clock, minute) => {
    expect(deliveryMinute(clock)).toBe(minute);
  });

  it("knows quiet hours are 21:00 to 08:00 local", () => {
    expect(isQuietHour("Asia/Tokyo", Date.parse("2026-01-10T12:00:00Z"))).toBe(true); // 21:00 JST
    expect(isQuietHour("Asia/Tokyo", Date.parse("2026-01-10T11:59:00Z"))).toBe(false);
    expect(isQuietHour("Asia/Tokyo", Date.parse("2026-01-09T23:00:00Z"))).toBe(false); // 08:00 JST
  });

  it("rejects an unknown zone", () => {
    expect(() => toWall("Mars/Olympus", 0)).toThrow(RangeError);
  });
});

describe("zone offsets", () => {
  const zones = [
    "America/New_York",
    "America/Phoenix",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Europe/London",
    "Africa/Casablanca",
    "Pacific/Chatham",
    "America/Santiago",
  ];

  it("agree with luxon at any instant, including around transitions", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse("2023-01-01T00:00:00Z"), max: Date.parse("2030-12-31T00:00:00Z") }),
        (zone, utcMs) => {
          expect(offsetMinutes(zone, utcMs)).toBe(IANAZone.create(zone).offset(utcMs));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["America/New_York", "2026-03-08T06:59:59.999Z", -300],
    ["America/New_York", "2026-03-08T07:00:00.000Z", -240],
    ["America/New_York", "2026-11-01T05:59:59.999Z", -240],
    ["America/New_York", "2026-11-01T06:00:00.000Z", -300],
    ["Australia/Lord_Howe", "2026-04-04T14:59:59.999Z", 660],
    ["Australia/Lord_Howe", "2026-04-04T15:00:00.000Z", 630],
  ])("%s at %s is %i minutes", (zone, iso, offset) => {
    expect(offsetMinutes(zone, Date.parse(iso))).toBe(offset);
  });
});
