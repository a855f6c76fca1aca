import { shiftIsoDay } from "../iso-texts.ts";
import type { DateBasis, Deadline } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import {
  DAY_MS,
  ET_ZONE,
  fromWall,
  isoUtc,
  localDate,
  renderEt,
  renderInZone,
  startOfLocalDate,
  toWall,
  wallDayStart,
} from "../time.ts";
import type { DueDate } from "./deadlines.ts";

/** Shifts an instant by whole calendar days in a zone, so the local time of day is kept across DST. */
export function shiftDays(at: number, zone: string, days: number): number {
  if (days === 0) return at;
  return fromWall(zone, toWall(zone, at) + days * DAY_MS);
}

/**
 * The end of a whole day (ISO date) in a zone: its next local midnight, a day of 23 or 25 hours
 * included. The one way a last day's end is found (the J-1 sponsorship's, the H-1B petition's).
 */
export function dayEnd(zone: string, day: string): number {
  return startOfLocalDate(zone, shiftIsoDay(day, 1));
}

/**
 * The human-facing deadline: the instant in UTC, the zone given and ET, with provenance. An end
 * names the day it closes (endText); `opens`, an instant when something begins (the applicant's own
 * day, an interview, an NRMP release), keeps its own day and time.
 */
export function deadlineDetail(
  zone: string,
  at: number,
  status: Deadline["status"],
  basis: DateBasis,
  source: string,
  opens = status === "applicant",
): Deadline {
  const { local, et } = instantWords(zone, at, opens);
  return { at: isoUtc(at), local, et, status, basis, source };
}

/**
 * An instant's words in `zone` and in ET. An end names the day it closes (endText); `opens`, an
 * instant when something begins, keeps its own day and time. The one rule for plan dates and for
 * the sentences that name an instant (day-words.ts `when`).
 */
export function instantWords(zone: string, at: number, opens: boolean): { local: string; et: string } {
  if (opens) return { local: renderInZone(zone, at), et: renderEt(at) };
  return { local: endText(zone, at, renderInZone), et: endText(ET_ZONE, at, (_zone, ms) => renderEt(ms)) };
}

/**
 * Whether `at` is one of NRMP's releases (Match Week's Monday, Match Day), the instants a step's date
 * is when that step is an NRMP event still to come: a start, never the end of a day.
 */
export function nrmpRelease(calendar: SeasonCalendar, at: number): boolean {
  const { dates } = calendar;
  return at === dates.nrmp_match_week_start_and_soap_start.at || at === dates.nrmp_match_day.at;
}

/**
 * Whether the applicant's own date, the local day starting `dayStart`, is in time for a deadline
 * instant `deadline`: some of that day is before it, so they can act on the day. A deadline at
 * that very midnight (Lagos at 6:00 PM ET: the midnight ending Sat 26 Dec) leaves nothing of Sunday, so
 * Sunday is after it; one later in the day (Cairo's Sunday at 1:00 AM) leaves its first hour.
 * The one comparison of own dates with deadlines (a last sitting day's end is such a deadline).
 */
export function ownDayInTime(dayStart: number, deadline: number): boolean {
  return dayStart < deadline;
}

/**
 * Whether a due date's instant begins something (the applicant's own day or an interview, status
 * "applicant"; an NRMP release, nrmpRelease) rather than ends one: PlanDates.rendered keeps such an
 * instant's own day and time, and a ladder counts its rung days from that day, where an end at a
 * local midnight closes the day before (endText).
 */
export function opensAt(calendar: SeasonCalendar, status: Deadline["status"], at: number): boolean {
  return status === "applicant" || nrmpRelease(calendar, at);
}

/**
 * An end instant as `render` names it in `zone`, except one at the start of a day there: that is
 * the end of the day before, "Thu 18 Mar 2027, end of the day (midnight GMT+3)", never "Fri 19 Mar
 * 2027, 12:00 AM GMT+3", which reads as Friday, nor "24:00", which applicants rarely read, nor
 * "11:59 PM", a time before the instant. The day is that of the instant less 1 ms, as a whole-day
 * due names the day it closes (PlanDates.rendered, wholeDay).
 */
function endText(zone: string, at: number, render: (zone: string, ms: number) => string): string {
  const text = render(zone, at);
  if (toWall(zone, at) % DAY_MS !== 0) return text;
  // " GMT+3" or " ET": what follows the hour's " AM".
  const zoneName = text.slice(text.indexOf(" AM ") + 3);
  return `${dateOnly(render(zone, at - 1))}, end of the day (midnight${zoneName})`;
}

/**
 * An interview's start (Deadline.precision "instant"): a time the program set, printed even when it
 * falls at the applicant's midnight (9:00 AM in Denver is midnight in Manila), where an applicant's
 * date without a time (their exam day, stored as its local midnight) prints as the day alone.
 */
export function interviewStartDetail(
  zone: string,
  at: number,
  source = "interview start from your snapshot",
): Deadline {
  return { ...deadlineDetail(zone, at, "applicant", "applicant", source), precision: "instant" };
}

/**
 * A date that is a whole day (Deadline.precision "day"): the day in the zone of the rule that sets
 * it (`zone`: ET for a season date and what is counted from one, the applicant's own zone for a
 * date counted from their own day), as a date without a time ("Wed 27 Jan 2027"), identical in
 * `local` and `et`, with its ISO day. One calendar day for every applicant, never converted through
 * the instant into their zone (the H-1B stamping deadline read Wed 16 Jun
 * in Lagos and Tue 15 Jun in Chicago). The day is that of `dayOf` (default the instant; a due date
 * names the day its instant ends, see PlanDates.rendered).
 */
export function deadlineDay(
  zone: string,
  at: number,
  status: Deadline["status"],
  basis: DateBasis,
  source: string,
  dayOf = at,
): Deadline {
  const day = dateOnly(renderInZone(zone, dayOf));
  return {
    at: isoUtc(at),
    local: day,
    et: day,
    status,
    basis,
    source,
    precision: "day",
    day: localDate(zone, dayOf),
  };
}

/** "Wed 27 Jan 2027, 10:00 PM GMT+8" → "Wed 27 Jan 2027". */
function dateOnly(rendered: string): string {
  const comma = rendered.indexOf(", ");
  return comma < 0 ? rendered : rendered.slice(0, comma);
}

/**
 * A due date that means a day (`asDay`) is that calendar day where the applicant is, due until it
 * ends there: the day its instant falls in, in its rule's zone (an instant at midnight closes the day
 * before), ends at that day's end in the applicant's `zone`. The contract, "14 days from the
 * match_day due date" (12:00 PM ET), is due through Fri 2 Apr 2027, not from its noon; east of ET
 * Fri 2 Apr ends before it does in ET, so a reminder read there on Saturday never says "by Fri 2
 * Apr"; west of ET it ends after, so the step is never overdue while it is still Fri 2 Apr where
 * the applicant is (it read "Overdue since Mon 5 Apr" at 6:30 PM on Monday 5 Apr in Honolulu). One
 * rule in every zone: the day shown is the day the applicant has. The result is in the applicant's
 * zone, so a step counted from it counts whole days there and names the same day (kept in ET, Mon
 * 5 Apr ending at Honolulu's midnight fell in ET's Tuesday, and each step of the chain slid a day).
 * Applied again to a day moved off a weekend (officeDue keeps the wall time, not the day's end,
 * across a DST change). Other dates as given.
 */
export function wholeDay(due: DueDate | null, zone: string): DueDate | null {
  if (due === null || due.asDay !== true) return due;
  const nextDay = wallDayStart(toWall(due.zone, due.at - 1)) + DAY_MS;
  const end = fromWall(zone, nextDay);
  return end === due.at && zone === due.zone ? due : { ...due, at: end, zone };
}
