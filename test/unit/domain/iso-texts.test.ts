import { describe, expect, it } from "vitest";
import { CLOCK, shiftIsoDay } from "#domain/iso-texts.ts";

describe("shiftIsoDay", () => {
  it.each([
    ["2027-01-05", 1, "2027-01-06"],
    ["2027-01-05", -20, "2026-12-16"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2027-03-14", 1, "2027-03-15"],
    ["2026-12-31", 0, "2026-12-31"],
  ])("%s moved by %i days is %s, whatever the clocks do", (day, days, moved) => {
    expect(shiftIsoDay(day, days)).toBe(moved);
  });
});

describe("CLOCK", () => {
  it.each(["00:00", "09:05", "23:59"])("takes %s", (clock) => expect(CLOCK.test(clock)).toBe(true));
  it.each(["24:00", "9:05", "12:60", "12:00:00", " 12:00"])("refuses %s", (clock) =>
    expect(CLOCK.test(clock)).toBe(false),
  );
});
