import { DateTime, IANAZone, Info } from "luxon";
import { isIanaZone } from "#domain/snapshot.ts";

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

/** How to read a date or time written for people: a BCP 47 locale, or a Luxon format string. */
export interface ReadingOptions {
  locale?: string;
  format?: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

type Scalar = string | number | boolean;
type Answer = Scalar | Readonly<Record<string, string>>;

/** What one answer says about when something starts; any part may be missing. */
export interface InstantParts {
  /** An exact instant (the answer carried its offset). */
  instant?: string;
  date?: string;
  time?: string;
  zone?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const CLOCK = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i;
const CLOCK_24 = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const HUMAN_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;

export function readDate(answer: Answer, options: ReadingOptions = {}): Read<string> {
  if (typeof answer === "object") return jotformDate(answer);
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
    return fail(
      `expected a date (YYYY-MM-DD), got ${show(text)}, which could be read day-first or month-first; give the transform the form's locale, e.g. { "date": { "locale": "en-US" } }`,
    );
  }
  return fail(`expected a date (YYYY-MM-DD), got ${show(text)}`);
}

export function readTime(answer: Answer, options: ReadingOptions = {}): Read<string> {
  if (typeof answer === "object") return jotformTime(answer);
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
export function readInstantParts(answer: Answer, options: ReadingOptions = {}): Read<InstantParts> {
  if (typeof answer === "object") return jotformInstantParts(answer);
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
 * The instant a wall-clock date and time name in a zone. A time the clocks skip (the spring-forward
 * gap) is refused: it was never on anyone's clock, so it is a typo or a misunderstanding, and any
 * guess would move the interview by up to an hour. A time the clocks show twice (the fall-back
 * overlap) is the earlier of the two: like every uncertain date in Matchpath, plan for the earlier
 * one, so a preparation reminder is never late. Both cases are reported or marked, never silent.
 */
export function localToInstant(date: string, time: string, zone: string): LocalResolution {
  const day = ISO_DATE.exec(date);
  const at = CLOCK_24.exec(time);
  if (day === null || at === null) return fail(`cannot read ${date} ${time}`);
  if (!isIanaZone(zone)) return fail(`${JSON.stringify(zone)} is not a time zone name`);
  // Date.UTC reads years 0–99 as 1900–1999: refuse them rather than shift the date a century.
  const inRange = yearInRange(date, date);
  if (!inRange.ok) return inRange;
  const tz = IANAZone.create(zone);
  const wall = Date.UTC(
    Number(day[1]),
    Number(day[2]) - 1,
    Number(day[3]),
    Number(at[1]),
    Number(at[2]),
    Number(at[3] ?? 0),
  );
  if (!Number.isFinite(wall)) return fail(`cannot read ${date} ${time}`);
  // Every offset in force within two days of the wall time: a candidate instant lies within 14 h of
  // it (no zone is further from UTC), and sampling only ±12 h misses an offset when a transition falls
  // right at the sample (Pacific/Chatham, found by the fuzz test).
  const hour = 3_600_000;
  const offsets = new Set(
    [-48, -24, -15, -12, -6, 0, 6, 12, 15, 24, 48].map((h) => tz.offset(wall + h * hour)),
  );
  const candidates = [...offsets]
    .map((offset) => ({ offset, at: wall - offset * 60_000 }))
    .filter((candidate) => tz.offset(candidate.at) === candidate.offset)
    .map((candidate) => candidate.at)
    .sort((x, y) => x - y);
  const first = candidates[0];
  if (first === undefined) {
    return fail(
      `${date} ${time} does not exist in ${zone}: the clocks skip that hour for daylight saving time; check the time`,
    );
  }
  const value = isoInstant(DateTime.fromMillis(first, { zone }));
  return candidates.length > 1 ? { ok: true, value, rule: "earlier-of-two" } : { ok: true, value };
}

function jotformDate(record: Readonly<Record<string, string>>): Read<string> {
  const year = record.year?.trim() ?? "";
  const month = monthNumber(record.month ?? "");
  const day = record.day?.trim() ?? "";
  if (!/^\d{4}$/.test(year) || month === undefined || !/^\d{1,2}$/.test(day)) {
    return fail(`expected a date {year, month, day}, got ${show(record)}`);
  }
  const iso = calendarDate(`${year}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}`);
  return iso.ok ? iso : fail(`${show(record)}: ${iso.message}`);
}

function jotformTime(record: Readonly<Record<string, string>>): Read<string> {
  const hour = (record.hourSelect ?? record.hour ?? "").trim();
  const minute = (record.minuteSelect ?? record.min ?? record.minute ?? "").trim();
  const ampm = (record.ampm ?? "").trim();
  if (hour !== "") {
    const read = clockText(`${hour}:${minute === "" ? "00" : minute}${ampm === "" ? "" : ` ${ampm}`}`);
    if (read !== undefined) return read;
  } else if (record.timeInput !== undefined && record.timeInput.trim() !== "") {
    const read = clockText(`${record.timeInput.trim()}${ampm === "" ? "" : ` ${ampm}`}`);
    if (read !== undefined) return read;
  }
  return fail(`expected a time {hourSelect, minuteSelect, ampm} or {timeInput}, got ${show(record)}`);
}

function jotformInstantParts(record: Readonly<Record<string, string>>): Read<InstantParts> {
  const parts: InstantParts = {};
  if (record.date !== undefined) {
    // Appointment: {implementation, date: "YYYY-MM-DD HH:MM", duration, timezone}.
    const local = readInstantParts(record.date);
    if (!local.ok) return fail(`the appointment's date: ${local.message}`);
    Object.assign(parts, local.value);
    if (record.timezone !== undefined && record.timezone.trim() !== "") {
      const zone = readZone(record.timezone);
      if (!zone.ok) return fail(`the appointment's zone: ${zone.message}`);
      parts.zone = zone.value;
    }
    return { ok: true, value: parts };
  }
  if (record.year !== undefined || record.month !== undefined || record.day !== undefined) {
    const date = jotformDate(record);
    if (!date.ok) return date;
    parts.date = date.value;
    const hasTime = [record.hour, record.hourSelect, record.timeInput].some(
      (v) => v !== undefined && v.trim() !== "",
    );
    if (hasTime) {
      const time = jotformTime(record);
      if (!time.ok) return time;
      parts.time = time.value;
    }
    return { ok: true, value: parts };
  }
  const time = jotformTime(record);
  return time.ok ? { ok: true, value: { time: time.value } } : time;
}

const MONTH_NAMES = new Map<string, number>();
for (const style of ["long", "short"] as const) {
  Info.months(style, { locale: "en-US" }).forEach((name, index) => {
    MONTH_NAMES.set(name.toLowerCase(), index + 1);
  });
}

// Jotform and people abbreviate September as "Sept" too; ICU's short name is "Sep".
MONTH_NAMES.set("sept", 9);

function monthNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const month = Number(trimmed);
    return month >= 1 && month <= 12 ? month : undefined;
  }
  return MONTH_NAMES.get(trimmed.toLowerCase().replace(/\.$/, ""));
}

/**
 * The years a form answer may name (birth and graduation dates to interviews and deadlines). Outside
 * them an answer is a typo (`0026`, `20226`), refused rather than read: Date.UTC and two-digit-year
 * parsers would quietly move `0026` to 1926.
 */
export const YEARS = { earliest: 1900, latest: 2100 } as const;

/** A `YYYY-MM-DD` text that names a real day in a year within YEARS. */
function calendarDate(text: string): Read<string> {
  const parts = ISO_DATE.exec(text);
  if (parts === null) return fail(`expected a date (YYYY-MM-DD), got ${show(text)}`);
  if (!DateTime.fromISO(text, { zone: "utc" }).isValid) {
    const month = Info.months("long", { locale: "en-US" })[Number(parts[2]) - 1];
    const why =
      month === undefined ? `there is no month ${parts[2]}` : `${month} has no day ${Number(parts[3])}`;
    return fail(`${text} is not a calendar date: ${why}`);
  }
  return yearInRange(text, text);
}

function yearInRange(iso: string, answered: string): Read<string> {
  const year = Number(iso.slice(0, 4));
  if (!/^\d{4}-/.test(iso) || year < YEARS.earliest || year > YEARS.latest) {
    return fail(
      `${show(answered)} names the year ${iso.slice(0, iso.indexOf("-") > 0 ? iso.indexOf("-") : 4)}, outside ${YEARS.earliest}–${YEARS.latest}; check the year (four digits, e.g. 2026)`,
    );
  }
  return { ok: true, value: iso };
}

function clockText(text: string): Read<string> | undefined {
  const twelve = CLOCK.exec(text);
  if (twelve !== null) {
    const hour = Number(twelve[1]);
    const minute = Number(twelve[2] ?? 0);
    const second = Number(twelve[3] ?? 0);
    if (hour < 1 || hour > 12 || minute > 59 || second > 59) return undefined;
    const pm = twelve[4]?.toLowerCase() === "p";
    return { ok: true, value: clock((hour % 12) + (pm ? 12 : 0), minute, second) };
  }
  const day = CLOCK_24.exec(text);
  if (day === null) return undefined;
  const hour = Number(day[1]);
  const minute = Number(day[2]);
  const second = Math.floor(Number(day[3] ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { ok: true, value: clock(hour, minute, second) };
}

function clock(hour: number, minute: number, second: number): string {
  const hhmm = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  return second === 0 ? hhmm : `${hhmm}:${String(second).padStart(2, "0")}`;
}

function fromFormats(text: string, options: ReadingOptions, macros: readonly string[]): DateTime | undefined {
  const locale = options.locale ?? "en-US";
  // ICU writes a narrow no-break space before AM/PM in some locales; people and sheets type a space.
  const normalised = text.replace(/[\u202f\u00a0]/g, " ");
  const formats = options.format === undefined ? macros : [options.format];
  for (const format of formats) {
    const parsed = DateTime.fromFormat(normalised, format, { locale, zone: "utc" });
    if (parsed.isValid) return parsed;
    const spaced = DateTime.fromFormat(normalised.replace(/ /g, "\u202f"), format, { locale, zone: "utc" });
    if (spaced.isValid) return spaced;
  }
  return undefined;
}

function describeOptions(options: ReadingOptions, what: string): string {
  if (options.format !== undefined) return `the format ${JSON.stringify(options.format)}`;
  const sample = DateTime.fromObject(
    { year: 2026, month: 12, day: 11, hour: 20, minute: 0 },
    { zone: "utc" },
  );
  const shown =
    what === "date"
      ? sample.setLocale(options.locale ?? "en-US").toLocaleString(DateTime.DATE_SHORT)
      : what === "time"
        ? sample.setLocale(options.locale ?? "en-US").toLocaleString(DateTime.TIME_SIMPLE)
        : sample.setLocale(options.locale ?? "en-US").toLocaleString(DateTime.DATETIME_SHORT);
  return `a ${options.locale ?? "en-US"} ${what} (e.g. ${JSON.stringify(shown)})`;
}

function isoInstant(value: DateTime): string {
  return value.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function show(value: Answer): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === "object") return JSON.stringify(value).slice(0, 160);
  return String(value);
}
