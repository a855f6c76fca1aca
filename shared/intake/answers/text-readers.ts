import { DateTime, Info } from "luxon";
import { DATE_YEARS } from "#domain/snapshot-keys.ts";

/**
 * The low-level readers under instant.ts: calendar dates, clock times and people's formats read
 * with Luxon, each answering `Read` (a value, or the message that names what was wrong).
 */

/** How to read a date or time written for people: a BCP 47 locale, or a Luxon format string. */
export interface ReadingOptions {
  locale?: string;
  format?: string;
}

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export type Scalar = string | number | boolean;
export type Answer = Scalar | Readonly<Record<string, string>>;

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;
const CLOCK = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i;
export const CLOCK_24 = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
export const HUMAN_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;

/**
 * The years a form answer may name (birth and graduation dates to interviews and deadlines). Outside
 * them an answer is a typo (`0026`, `20226`), refused rather than read: Date.UTC and two-digit-year
 * parsers would quietly move `0026` to 1926.
 */
export const YEARS = DATE_YEARS;

/** A `YYYY-MM-DD` text that names a real day in a year within YEARS. */
export function calendarDate(text: string): Read<string> {
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

export function yearInRange(iso: string, answered: string): Read<string> {
  const year = Number(iso.slice(0, 4));
  if (!/^\d{4}-/.test(iso) || year < YEARS.earliest || year > YEARS.latest) {
    return fail(
      `${show(answered)} names the year ${iso.slice(0, iso.indexOf("-") > 0 ? iso.indexOf("-") : 4)}, outside ${YEARS.earliest}–${YEARS.latest}; check the year (four digits, e.g. 2026)`,
    );
  }
  return { ok: true, value: iso };
}

export function clockText(text: string): Read<string> | undefined {
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

export function clock(hour: number, minute: number, second: number): string {
  const hhmm = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  return second === 0 ? hhmm : `${hhmm}:${String(second).padStart(2, "0")}`;
}

export function fromFormats(
  text: string,
  options: ReadingOptions,
  macros: readonly string[],
): DateTime | undefined {
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

export function describeOptions(options: ReadingOptions, what: string): string {
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

export function isoInstant(value: DateTime): string {
  return value.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? "";
}

export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

export function show(value: Answer): string {
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === "object") return JSON.stringify(value).slice(0, 160);
  return String(value);
}
