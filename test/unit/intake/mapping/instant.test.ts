import { describe, expect, it } from "vitest";
import { localToInstant, readDate, readInstantParts, readTime, readZone } from "#intake/answers/instant.ts";
import { JOTFORM_RECORD_ANSWERS } from "#intake/providers/jotform/answers.ts";

// Record-shaped answers are Jotform's, read by its provider object's recordAnswers (the mapper passes
// them); the generic readers refuse a record without them.
describe("readDate: every provider's date shape", () => {
  it.each([
    ["Typeform date / Tally INPUT_DATE / Apps Script DATE", "2023-06-28", "2023-06-28"],
    ["an ISO date-time (its date)", "2026-12-11T20:00:00Z", "2026-12-11"],
    ["Jotform Date Picker", { month: "12", day: "11", year: "2026" }, "2026-12-11"],
    ["Jotform Date Picker, unpadded", { month: "6", day: "3", year: "2024" }, "2024-06-03"],
    ["Jotform Birth Date (month name)", { month: "June", day: "30", year: "2024" }, "2024-06-30"],
    ["Jotform short month name", { month: "Dec", day: "11", year: "2026" }, "2026-12-11"],
    ["Jotform's Sept", { month: "Sept", day: "30", year: "2026" }, "2026-09-30"],
  ] as const)("%s", (_, answer, date) => {
    expect(readDate(answer, {}, JOTFORM_RECORD_ANSWERS)).toEqual({ ok: true, value: date });
  });

  it.each([
    ["en-US", "12/11/2026", "2026-12-11"],
    ["en-GB", "11/12/2026", "2026-12-11"],
    ["de-DE", "11.12.2026", "2026-12-11"],
  ])("a Sheet in %s writes %s", (locale, text, date) => {
    expect(readDate(text, { locale })).toEqual({ ok: true, value: date });
  });

  it("reads a Luxon format", () => {
    expect(readDate("11-12-2026", { format: "dd-MM-yyyy" })).toEqual({ ok: true, value: "2026-12-11" });
  });

  it("never guesses day-first or month-first", () => {
    const read = readDate("03/04/2026");
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.message).toMatch(/day-first or month-first.*locale/);
  });

  it("claims no ambiguity for a slash date with one reading, and still asks for the locale", () => {
    const read = readDate("12/20/2026");
    expect(read.ok).toBe(false);
    const message = read.ok ? "" : read.message;
    expect(message).not.toMatch(/day-first or month-first/);
    expect(message).toMatch(/read only in the form's locale.*"locale": "en-US"/);
  });

  it.each([["2026-02-30"], ["2026-13-01"], ["tomorrow"]])("refuses %s", (text) => {
    expect(readDate(text).ok).toBe(false);
  });

  it("refuses a record-shaped answer when the provider reads none (no recordAnswers)", () => {
    const picker = { month: "12", day: "11", year: "2026" };
    expect(readDate(picker)).toEqual({ ok: false, message: expect.stringMatching(/expected a date/) });
    expect(readTime({ timeInput: "08:00" })).toMatchObject({ ok: false });
    expect(readInstantParts(picker)).toMatchObject({ ok: false });
    expect(readDate(picker, {}, JOTFORM_RECORD_ANSWERS)).toEqual({ ok: true, value: "2026-12-11" });
  });

  it("refuses a Jotform date with a month it cannot read", () => {
    expect(readDate({ month: "Smarch", day: "1", year: "2026" }, {}, JOTFORM_RECORD_ANSWERS).ok).toBe(false);
  });
});

describe("dates that are typos are refused, never read as another day", () => {
  it.each([
    [
      "an ISO date with no such day",
      "2026-02-30",
      /^2026-02-30 is not a calendar date: February has no day 30$/,
    ],
    ["an ISO date with no such month", "2026-13-01", /there is no month 13/],
    [
      "a Jotform date with no such day",
      { month: "February", day: "30", year: "2026" },
      /February has no day 30/,
    ],
    ["a year typed 0026", "0026-12-11", /year 0026, outside 1900–2100; check the year/],
    ["a Jotform year typed 0026", { month: "12", day: "11", year: "0026" }, /year 0026, outside 1900–2100/],
    ["a year typed 2226", "2226-12-11", /year 2226, outside 1900–2100/],
  ] as const)("%s", (_, answer, message) => {
    const read = readDate(answer, {}, JOTFORM_RECORD_ANSWERS);
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.message).toMatch(message);
  });

  it("refuses a sheet's date in a year out of range", () => {
    expect(readDate("12/11/0026", { locale: "en-US" })).toMatchObject({ ok: false });
  });

  it.each(["0026-12-11 20:00", "0026-12-11T20:00:00Z", "2026-02-30 20:00"])(
    "refuses the start %s",
    (text) => {
      expect(readInstantParts(text)).toMatchObject({ ok: false });
    },
  );

  it("never shifts a year 0–99 by a century (Date.UTC would)", () => {
    expect(localToInstant("0026-12-11", "20:00", "UTC")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/outside 1900–2100/),
    });
  });
});

describe("readTime: every provider's time shape", () => {
  it.each([
    ["Tally INPUT_TIME / Apps Script TIME", "12:00", "12:00"],
    ["seconds", "20:00:30", "20:00:30"],
    ["12-hour", "8:00 PM", "20:00"],
    ["12-hour midnight", "12:00 AM", "00:00"],
    ["12-hour noon", "12:30 pm", "12:30"],
    ["a.m.", "9 a.m.", "09:00"],
    [
      "Jotform Time, 12-hour",
      { timeInput: "08:00", hourSelect: "08", minuteSelect: "00", ampm: "PM" },
      "20:00",
    ],
    ["Jotform Time, 24-hour", { timeInput: "20:15", hourSelect: "20", minuteSelect: "15" }, "20:15"],
    ["Jotform Time, input only", { timeInput: "07:45", ampm: "AM" }, "07:45"],
  ] as const)("%s", (_, answer, time) => {
    expect(readTime(answer, {}, JOTFORM_RECORD_ANSWERS)).toEqual({ ok: true, value: time });
  });

  it.each([
    ["en-US", "8:00:00 PM"],
    ["en-GB", "20:00:00"],
  ])("a Sheet in %s writes %s", (locale, text) => {
    expect(readTime(text, { locale })).toEqual({ ok: true, value: "20:00" });
  });

  it.each(["24:00", "13:00 PM", "7", "noon", "12:60"])("refuses %s", (text) => {
    expect(readTime(text).ok).toBe(false);
  });
});

describe("readZone", () => {
  it.each([
    ["America/Chicago", "America/Chicago"],
    ["GMT", "GMT"],
    ["EST5EDT", "EST5EDT"],
    ["Asia/Calcutta (GMT+05:30)", "Asia/Calcutta"],
    ["Europe/London (GMT+00:00)", "Europe/London"],
  ])("reads %s", (answer, zone) => {
    expect(readZone(answer)).toEqual({ ok: true, value: zone });
  });

  it.each(["+05:00", "Eastern", "Mars/Olympus", ""])("refuses %j", (answer) => {
    expect(readZone(answer).ok).toBe(false);
  });
});

describe("readInstantParts: a whole start in one answer", () => {
  it("reads Jotform's Appointment with its own zone", () => {
    expect(
      readInstantParts(
        {
          implementation: "new",
          date: "2026-12-11 20:00",
          duration: "60",
          timezone: "Europe/London",
        },
        {},
        JOTFORM_RECORD_ANSWERS,
      ),
    ).toEqual({ ok: true, value: { date: "2026-12-11", time: "20:00", zone: "Europe/London" } });
  });

  it("reads Jotform's date with time, Apps Script's DATETIME and an ISO instant", () => {
    expect(
      readInstantParts(
        { month: "12", day: "11", year: "2026", hour: "08", min: "00", ampm: "PM" },
        {},
        JOTFORM_RECORD_ANSWERS,
      ),
    ).toEqual({ ok: true, value: { date: "2026-12-11", time: "20:00" } });
    expect(readInstantParts("2026-12-11 20:00")).toEqual({
      ok: true,
      value: { date: "2026-12-11", time: "20:00" },
    });
    expect(readInstantParts("2026-12-11T20:00:00-05:00")).toEqual({
      ok: true,
      value: { instant: "2026-12-11T20:00:00-05:00" },
    });
  });

  it("reads a Sheet's date-time in its locale", () => {
    expect(readInstantParts("11/12/2026 20:00:00", { locale: "en-GB" })).toEqual({
      ok: true,
      value: { date: "2026-12-11", time: "20:00" },
    });
  });

  it("names the appointment part it cannot read", () => {
    const read = readInstantParts(
      {
        implementation: "new",
        date: "2026-12-11 20:00",
        timezone: "Nowhere/Land",
      },
      {},
      JOTFORM_RECORD_ANSWERS,
    );
    expect(read.ok ? "" : read.message).toMatch(/appointment's zone/);
  });
});

describe("localToInstant: daylight saving time", () => {
  it("turns a wall-clock time into the instant with its offset", () => {
    expect(localToInstant("2026-12-11", "20:00", "Europe/London")).toEqual({
      ok: true,
      value: "2026-12-11T20:00:00+00:00",
    });
    expect(localToInstant("2026-07-01", "09:00", "America/Chicago")).toEqual({
      ok: true,
      value: "2026-07-01T09:00:00-05:00",
    });
    expect(localToInstant("2026-07-01", "09:00", "Asia/Kolkata")).toEqual({
      ok: true,
      value: "2026-07-01T09:00:00+05:30",
    });
  });

  it("finds the offset when a transition falls half a day from the wall time (fuzz counterexample)", () => {
    // Pacific/Chatham left daylight time at 2012-03-31T14:00Z, exactly 12 h before 02:00 "as UTC".
    expect(localToInstant("2012-04-01", "02:00", "Pacific/Chatham")).toEqual({
      ok: true,
      value: "2012-04-01T02:00:00+13:45",
    });
  });

  it("refuses a time the clocks skip (spring forward), naming the zone", () => {
    const read = localToInstant("2027-03-14", "02:30", "America/New_York");
    expect(read.ok).toBe(false);
    expect(read.ok ? "" : read.message).toMatch(/2027-03-14 02:30 does not exist in America\/New_York/);
  });

  it("takes the earlier of a time the clocks show twice (fall back), and says so", () => {
    expect(localToInstant("2026-11-01", "01:30", "America/New_York")).toEqual({
      ok: true,
      value: "2026-11-01T01:30:00-04:00",
      rule: "earlier-of-two",
    });
    expect(localToInstant("2026-10-25", "01:30", "Europe/London")).toEqual({
      ok: true,
      value: "2026-10-25T01:30:00+01:00",
      rule: "earlier-of-two",
    });
  });

  it.each([
    ["GMT", "2026-06-01T12:00:00Z"],
    ["EST5EDT", "2026-06-01T12:00:00-04:00"],
    ["UTC", "2026-06-01T12:00:00Z"],
  ])("accepts the tz database's legacy name %s", (zone, instant) => {
    expect(localToInstant("2026-06-01", "12:00", zone)).toEqual({ ok: true, value: instant });
  });
});
