import { DateTime } from "luxon";
import { isIanaZone } from "#domain/snapshot.ts";
import { fromWall, wallReadingCount } from "#domain/time.ts";
import {
  type Answer,
  CLOCK_24,
  calendarDate,
  clock,
  clockText,
  describeOptions,
  fail,
  fromFormats,
  HUMAN_DATE,
  ISO_DATE,
  ISO_LOCAL,
  isoInstant,
  type Read,
  type ReadingOptions,
  show,
  yearInRange,
} from "./text-readers.ts";

/**
 * Dates, times, zones and instants as form providers send them, read into one shape each:
 * a calendar date `YYYY-MM-DD`, a wall-clock time `HH:MM` (24-hour; `HH:MM:SS` when seconds are not
 * zero), an IANA zone name, and an instant `YYYY-MM-DDTHH:MM:SS±HH:MM`.
 *
 * Shapes read (sources in test/fixtures/providers/SOURCES.md):
 * - Typeform `date` and Tally `INPUT_DATE`: `2023-06-28`; Tally `INPUT_TIME`: `12:00`.
 * - Jotform Date Picker `{month, day, year}` (month as a number or an English name, as the Birth Date
 *   field sends it), with the time option `{…, hour, min, ampm}`; Time field
 *   `{timeInput, hourSelect, minuteSelect, ampm}` (12-hour) or without `ampm` (24-hour); Appointment
 *   `{date: "2026-12-11 20:00", duration, timezone: "Europe/London"}`, whose zone may carry Jotform's
 *   label (`"Asia/Calcutta (GMT+05:30)"`): the zone name decides, the label is ignored.
 * - Google Forms through the shipped Apps Script: date `2026-12-11`, time `20:00`, date-time
 *   `2026-12-11 20:00`; read from a Sheet instead, answers are in the sheet's locale (`12/11/2026`,
 *   `8:00:00 PM`): give the transform that locale (`{ "date": { "locale": "en-US" } }`) or a Luxon
 *   format, because `11/12/2026` is a different day in en-GB.
 * A slash or dot date without a locale or format is refused, never guessed.
 */

/** A provider's readers for answers that arrive as a small record of strings (AnswerValue). */
export interface RecordAnswerReaders {
  date(record: Readonly<Record<string, string>>): Read<string>;
  time(record: Readonly<Record<string, string>>): Read<string>;
  instantParts(record: Readonly<Record<string, string>>): Read<InstantParts>;
}

/** What one answer says about when something starts; any part may be missing. */
export interface InstantParts {
  /** An exact instant (the answer carried its offset). */
  instant?: string;
  date?: string;
  time?: string;
  zone?: string;
}

/**
 * A record-shaped answer is read by its provider's `recordAnswers` (the mapper passes them); without
 * them it is refused.
 */
export function readDate(
  answer: Answer,
  options: ReadingOptions = {},
  records?: RecordAnswerReaders,
): Read<string> {
  if (typeof answer === "object")
    return records?.date(answer) ?? fail(`expected a date, got ${show(answer)}`);
  if (typeof answer !== "string") return fail(`expected a date, got ${show(answer)}`);
  const text = answer.trim();
  if (options.format !== undefined || options.locale !== undefined) {
    const parsed = fromFormats(text, options, ["D"]);
    if (parsed !== undefined) return yearInRange(parsed.toISODate() ?? "", text);
    return fail(`expected a date written as ${describeOptions(options, "date")}, got ${show(text)}`);
  }
  if (ISO_DATE.test(text)) return calendarDate(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && DateTime.fromISO(text, { setZone: true }).isValid) {
    return yearInRange(text.slice(0, 10), text);
  }
  if (HUMAN_DATE.test(text)) {
    // "12/20/2026" has one reading, but the next answer ("03/04/2026") may not: the rule is the
    // locale's, and the words claim an ambiguity only where this answer has one.
    const reason = bothReadings(text)
      ? "which could be read day-first or month-first"
      : "a date in numbers and separators is read only in the form's locale";
    return fail(
      `expected a date (YYYY-MM-DD), got ${show(text)}, ${reason}; give the transform the form's locale, e.g. { "date": { "locale": "en-US" } }`,
    );
  }
  return fail(`expected a date (YYYY-MM-DD), got ${show(text)}`);
}

/** Whether both of a numeric date's first two numbers could be a month (1-12), so either may be the day. */
function bothReadings(text: string): boolean {
  const [first, second] = text.split(/[/.-]/).map(Number);
  const month = (value: number | undefined) => value !== undefined && value >= 1 && value <= 12;
  return month(first) && month(second) && first !== second;
}

export function readTime(
  answer: Answer,
  options: ReadingOptions = {},
  records?: RecordAnswerReaders,
): Read<string> {
  if (typeof answer === "object")
    return records?.time(answer) ?? fail(`expected a time of day, got ${show(answer)}`);
  if (typeof answer !== "string") return fail(`expected a time of day, got ${show(answer)}`);
  const text = answer.trim();
  if (options.format !== undefined || options.locale !== undefined) {
    const parsed = fromFormats(text, options, ["t", "tt", "T", "TT"]);
    if (parsed !== undefined) return { ok: true, value: clock(parsed.hour, parsed.minute, parsed.second) };
    return fail(`expected a time written as ${describeOptions(options, "time")}, got ${show(text)}`);
  }
  const time = clockText(text);
  return time ?? fail(`expected a time of day (HH:MM, or 8:00 PM), got ${show(text)}`);
}

/** A zone name, with Jotform's "(GMT+05:30)" label dropped; "GMT" and "EST5EDT" are names too. */
export function readZone(answer: Answer): Read<string> {
  if (typeof answer !== "string") return fail(`expected a time zone name, got ${show(answer)}`);
  const name = answer.replace(/\s*\((?:GMT|UTC)\s*[+-−]?[\d:]*\)\s*$/i, "").trim();
  if (isIanaZone(name)) return { ok: true, value: name };
  return fail(`${show(answer)} is not a time zone name such as America/New_York, Asia/Kolkata or GMT`);
}

/**
 * Everything one answer says about a start: an ISO instant with its offset, a local date and time
 * (`2026-12-11 20:00`, Jotform's date-with-time), Jotform's Appointment (date, time and its own zone),
 * or, with a locale or format, a date-time written for people.
 */
export function readInstantParts(
  answer: Answer,
  options: ReadingOptions = {},
  records?: RecordAnswerReaders,
): Read<InstantParts> {
  if (typeof answer === "object")
    return records?.instantParts(answer) ?? fail(`expected a date and time, got ${show(answer)}`);
  if (typeof answer !== "string") return fail(`expected a date and time, got ${show(answer)}`);
  const text = answer.trim();
  if (options.format !== undefined || options.locale !== undefined) {
    const parsed = fromFormats(text, options, ["D tt", "D t", "D TT", "D T", "f", "F"]);
    if (parsed === undefined) {
      return fail(
        `expected a date and time written as ${describeOptions(options, "date-time")}, got ${show(text)}`,
      );
    }
    const date = yearInRange(parsed.toISODate() ?? "", text);
    if (!date.ok) return date;
    return { ok: true, value: { date: date.value, time: clock(parsed.hour, parsed.minute, parsed.second) } };
  }
  const local = ISO_LOCAL.exec(text);
  if (local?.[1] !== undefined && local[2] !== undefined) {
    const date = calendarDate(local[1]);
    if (!date.ok) return date;
    const time = clockText(local[2]);
    if (time?.ok) return { ok: true, value: { date: date.value, time: time.value } };
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const day = calendarDate(text.slice(0, 10));
    if (!day.ok) return day;
    const instant = DateTime.fromISO(text, { setZone: true });
    if (instant.isValid) return { ok: true, value: { instant: isoInstant(instant) } };
  }
  if (ISO_DATE.test(text)) {
    const date = calendarDate(text);
    return date.ok ? { ok: true, value: { date: date.value } } : date;
  }
  return fail(
    `expected a date and time (2026-12-11 20:00, or an ISO 8601 date-time with an offset), got ${show(text)}`,
  );
}

export type LocalResolution =
  | { ok: true; value: string; rule?: "earlier-of-two" }
  | { ok: false; message: string };

/**
 * The instant a wall-clock date and time name in a zone, read by the planner's one rule (fromWall in
 * shared/domain/time.ts, checked against Luxon). A time the clocks skip (the spring-forward gap) is
 * refused: it was never on anyone's clock, so it is a typo or a misunderstanding, and fromWall's
 * reading past the gap would move the interview by up to an hour unseen. A time the clocks show
 * twice (the fall-back overlap) is the earlier of the two: like every uncertain date in Matchpath,
 * plan for the earlier one, so a preparation reminder is never late. Both cases are reported or
 * marked, never silent.
 */
export function localToInstant(date: string, time: string, zone: string): LocalResolution {
  const day = ISO_DATE.exec(date);
  const at = CLOCK_24.exec(time);
  if (day === null || at === null) return fail(`cannot read ${date} ${time}`);
  if (!isIanaZone(zone)) return fail(`${JSON.stringify(zone)} is not a time zone name`);
  // Date.UTC reads years 0–99 as 1900–1999: refuse them rather than shift the date a century.
  const inRange = yearInRange(date, date);
  if (!inRange.ok) return inRange;
  const wall = Date.UTC(
    Number(day[1]),
    Number(day[2]) - 1,
    Number(day[3]),
    Number(at[1]),
    Number(at[2]),
    Number(at[3] ?? 0),
  );
  if (!Number.isFinite(wall)) return fail(`cannot read ${date} ${time}`);
  const shown = wallReadingCount(zone, wall);
  if (shown === 0) {
    return fail(
      `${date} ${time} does not exist in ${zone}: the clocks skip that hour for daylight saving time; check the time`,
    );
  }
  const value = isoInstant(DateTime.fromMillis(fromWall(zone, wall), { zone }));
  return shown === 2 ? { ok: true, value, rule: "earlier-of-two" } : { ok: true, value };
}
