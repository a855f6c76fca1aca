import { Info } from "luxon";
import { type InstantParts, readInstantParts, readZone } from "#intake/answers/instant.ts";
import { calendarDate, clockText, fail, type Read, show } from "#intake/answers/text-readers.ts";
import type { RecordAnswerReaders } from "../provider.ts";

/**
 * Jotform's record answers: the Date Picker `{month, day, year}` (month as a number or an English
 * name) and the Time field `{timeInput, hourSelect, minuteSelect, ampm}` (sources in
 * test/fixtures/providers/SOURCES.md), and the Appointment `{date: "YYYY-MM-DD HH:MM", timezone}`:
 * the provider's `recordAnswers`, which the generic readers (answers/instant.ts) call.
 */

export function jotformDate(record: Readonly<Record<string, string>>): Read<string> {
  const year = record.year?.trim() ?? "";
  const month = monthNumber(record.month ?? "");
  const day = record.day?.trim() ?? "";
  if (!/^\d{4}$/.test(year) || month === undefined || !/^\d{1,2}$/.test(day)) {
    return fail(`expected a date {year, month, day}, got ${show(record)}`);
  }
  const iso = calendarDate(`${year}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}`);
  return iso.ok ? iso : fail(`${show(record)}: ${iso.message}`);
}

export function jotformTime(record: Readonly<Record<string, string>>): Read<string> {
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

export function jotformInstantParts(record: Readonly<Record<string, string>>): Read<InstantParts> {
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

export const JOTFORM_RECORD_ANSWERS: RecordAnswerReaders = {
  date: jotformDate,
  time: jotformTime,
  instantParts: jotformInstantParts,
};
