import { ICalAlarmType } from "ical-generator";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { DATE_TAGS, dateBasis, PROJECTED_NOTE } from "#domain/date-basis.ts";
import { deadlineWords, reminderDateLabel, reminderShownDate } from "#domain/date-words.ts";
import type { Deadline, Reminder, StepSubject } from "#domain/plan.ts";

/**
 * The small pieces the applicant feed's events are made of: UIDs, zones, alarms, all-day dates, text;
 * and what the feed shares with an interview's own files (interview-ics.ts): the product id, an
 * interview's length, SEQUENCE, VTIMEZONE.
 */

export function uid(applicantId: string, subject: string, kind: string): string {
  return `${applicantId}.${subject}.${kind}@matchpath`;
}

/** A deadline in the applicant's zone and in US Eastern; a day (a target, the applicant's own date) once. */
export function bothZones(deadline: Deadline): string {
  const words = deadlineWords(deadline);
  return words.et === undefined ? words.local : `${words.local} (your time) / ${words.et} (US Eastern)`;
}

/**
 * Who sets a date, in a sentence a person reads in a calendar app (the planner's rule
 * text, "-7 days from the eras_application due date", showed an internal key): that it is projected
 * and what Matchpath does about it, or that it is our advice; how it is derived
 * stays in the plan (`Deadline.source`).
 */
export function dateBasisNote(deadline: Deadline): string[] {
  const basis = dateBasis(deadline);
  if (basis === "advice")
    // Advice counted from a projected date (the contract from Match Day) moves with it: both said.
    return deadline.status === "projected" ? [ADVICE_SENTENCE, PROJECTED_SENTENCE] : [ADVICE_SENTENCE];
  return basis === "projected" ? [PROJECTED_SENTENCE] : [];
}

/** A date no authority sets (dateBasis "advice"), in the tag's words (date-words.ts DATE_TAGS). */
export const ADVICE_SENTENCE = `This date is ${DATE_TAGS.advice}: no authority sets it, and the step says why Matchpath advises it.`;

/** The projected-date note, in the domain's one wording (date-words.ts PROJECTED_NOTE). */
export const PROJECTED_SENTENCE = PROJECTED_NOTE;

/** A competitive target beside the deadline, in both zones and in the timeline's words. */
export function targetNote(target: Deadline | undefined, now: string): string | undefined {
  if (target === undefined || Date.parse(target.at) <= Date.parse(now)) return undefined;
  return `Aim to finish by ${bothZones(target)}: a ${DATE_TAGS.target}.`;
}

/**
 * One display alarm per reminder of the subject (those `only` keeps), triggered at the reminder's
 * send instant as an absolute UTC time (RFC 5545 §3.8.6.3). Not a duration from a zoned start: RFC
 * 5545 §3.3.6 counts a duration's days in nominal (wall-clock) days, so a trigger computed as an
 * exact difference fired an hour early whenever a US DST change fell between the alarm and the
 * start. ical-generator writes an absolute trigger of a zoned event as zone-less
 * local time, so a zoned event's alarm carries its UTC instant in {@link UTC_TRIGGER} and
 * {@link withUtcTriggers} writes the TRIGGER from it; an all-day event's is already UTC.
 * `dateWord`: the word before the date in the alarm's text, e.g. "starts" for an interview (an
 * event, not a deadline); absent: the reminder's own label ("due", "aim to finish by"…).
 */
export function alarmsFor(
  reminders: readonly Reminder[],
  subject: StepSubject,
  interviewId?: string,
  zoned = false,
  only: (reminder: Reminder) => boolean = () => true,
  dateWord?: string,
) {
  return reminders
    .filter(
      (reminder) => reminder.milestone === subject && reminder.interviewId === interviewId && only(reminder),
    )
    .map((reminder) => ({
      type: ICalAlarmType.display,
      trigger: new Date(reminder.sendAt),
      ...(zoned ? { x: [{ key: UTC_TRIGGER, value: utcStamp(reminder.sendAt) }] } : {}),
      description: `${reminder.title}: ${dateWord ?? reminderDateLabel(reminder).inline} ${deadlineWords(reminderShownDate(reminder)).local}`,
    }));
}

/** The property a zoned event's alarm carries its UTC trigger in, until {@link withUtcTriggers}. */
const UTC_TRIGGER = "X-MATCHPATH-UTC-TRIGGER";

/** 2027-06-12T04:00:00.000Z as an iCalendar UTC date-time, 20270612T040000Z. */
function utcStamp(instant: string): string {
  return `${new Date(instant).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
}

/** The calendar text with each marked alarm's TRIGGER written as its UTC instant (see alarmsFor). */
export function withUtcTriggers(calendar: string): string {
  return calendar.replace(MARKED_ALARM, "TRIGGER;VALUE=DATE-TIME:$2\r\n$1");
}

/** A TRIGGER line, the alarm's lines up to its UTC_TRIGGER (never past the alarm's end), that line. */
const MARKED_ALARM =
  /TRIGGER[^\r\n]*\r\n((?:(?!END:VALARM)[^\r\n]*\r\n)*?)X-MATCHPATH-UTC-TRIGGER:(\d{8}T\d{6}Z)\r\n/g;

/** The applicant's own date without a time (stored as their local midnight) as that day, else undefined. */
export function examDay(deadline: Deadline, zone: string): DateTime | undefined {
  if (deadline.status !== "applicant") return undefined;
  const day = localDay(deadline.at, zone);
  return day.toMillis() === Date.parse(deadline.at) ? day : undefined;
}

export function localDay(instant: string, zone: string): DateTime {
  return DateTime.fromISO(instant, { zone: "utc" }).setZone(zone).startOf("day");
}

/** An all-day event: ical-generator writes DATE values from a zone-free date. */
export function allDay(day: DateTime): { start: Date; end: Date; allDay: true } {
  const start = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return { start, end: new Date(start.getTime() + 86_400_000), allDay: true };
}

/** What a title adds in one parenthesis, e.g. " (projected; waiting for …)"; empty when nothing. */
export function notes(parts: (string | undefined)[]): string {
  const present = parts.filter((part): part is string => part !== undefined && part.length > 0);
  return present.length === 0 ? "" : ` (${present.join("; ")})`;
}

export function lines(...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part.length > 0).join("\n");
}

/** Interviews carry no end time; an hour holds the slot without claiming to know its length. */
export const INTERVIEW_MINUTES = 60;
export const PRODUCT_ID = { company: "Matchpath", product: "Matchpath applicant calendar", language: "EN" };

/**
 * SEQUENCE of every event: whole seconds from 2026-01-01T00:00Z to the last change. It only grows
 * as the record changes, fits RFC 5545's (32-bit) integer until 2094, and is 0 for anything older.
 */
export function sequenceOf(stamp: Date): number {
  return Math.max(0, Math.floor((stamp.getTime() - SEQUENCE_EPOCH) / 1000));
}

const SEQUENCE_EPOCH = Date.UTC(2026, 0, 1);

export function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && block[0] ? block[0] : null;
}
