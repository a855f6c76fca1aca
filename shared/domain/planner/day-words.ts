import { BoundedMemo } from "../bounded-memo.ts";
import { projectedMark } from "../seasons/date-words.ts";
import type { SeasonDate } from "../seasons/index.ts";
import { earlierDayOf } from "../start-by-day.ts";
import {
  DAY_MS,
  ET_ZONE,
  localDate,
  MINUTE_MS,
  renderDate,
  renderEt,
  startOfLocalDate,
  toWall,
} from "../time.ts";
import type { PlanContext } from "./context.ts";
import { instantWords } from "./date-math.ts";

// How risks name a deadline's day: "by <day>", its hour when it is due today, "as soon as you can"
// once it has gone, taking the earlier of the applicant's day and the ET day.

/**
 * "Sat 26 Dec 2026, 6:00 PM PST (Sat 26 Dec 2026, 9:00 PM ET)": an instant in both zones. An end
 * (the default) at the start of a day names the day it closes, "Thu 18 Mar 2027, end of the day
 * (midnight GMT+3)", as the plan's date lines do (instantWords); `opens` (ranking opening, NRMP's
 * Monday release) keeps its own day.
 */
export function when(context: Pick<PlanContext, "zone">, at: number, opens = false): string {
  const { local, et } = instantWords(context.zone, at, opens);
  return `${local} (${et})`;
}

/**
 * An ET deadline instant (epoch ms) by its ET day, `etDay` (the caller's words for it: "Wed 24 Feb
 * 2027", or "Wed 24 Feb" where the sentence names the year), where the applicant's local day is the
 * same; else in both zones as `when` names it, "Thu 25 Feb 2027, 3:00 PM GMT+13 (Wed 24 Feb 2027,
 * 9:00 PM ET)": an ET day alone reads as the applicant's own (the form the later candidate's day
 * takes too). Not for days that are days (a last sitting day).
 */
export function etDayOrWhen(
  context: PlanContext,
  at: number,
  etDay = renderDate(localDate(ET_ZONE, at)),
  opens = false,
): string {
  return localDate(context.zone, at) === localDate(ET_ZONE, at) ? etDay : when(context, at, opens);
}

/**
 * An ET time of a sentence that names its ET day ("at 10:00 AM ET on Monday of Match Week"), with
 * the applicant's own instant beside it where their day is another: "10:00 AM ET (Tue 16 Mar 2027,
 * 3:00 AM GMT+13, your time)", never "at Tue 16 Mar … on Monday", which named two days.
 */
export function etWithLocalDay(context: Pick<PlanContext, "zone">, at: number, etWords: string): string {
  if (localDate(context.zone, at) === localDate(ET_ZONE, at)) return etWords;
  return `${etWords} (${instantWords(context.zone, at, true).local}, your time)`;
}

/**
 * etDayOrWhen for a day to act by on a step's card: west of ET too (the applicant's clock behind
 * ET's at that instant) the instant in both zones, though the days agree, since the day ends for
 * her hours before its midnight: Honolulu's card read "submit it by Mon 31 May 2027" for 4:00 PM
 * HST (10:00 PM ET), where an evening submission is late, while Auckland's named the hour.
 */
export function cardDayOrWhen(context: PlanContext, at: number, etDay: string): string {
  return toWall(context.zone, at) < toWall(ET_ZONE, at) ? when(context, at) : etDayOrWhen(context, at, etDay);
}

/** A season date that is an ET instant, as etDayOrWhen names it, with its " (projected)" mark: seasonDay where the days agree. */
export function seasonDayOrWhen(context: PlanContext, date: SeasonDate, opens = false): string {
  return `${etDayOrWhen(context, date.at, renderDate(date.date), opens)}${projectedMark(date)}`;
}

/**
 * "Wed 27 Jan 2027": the calendar day of an instant, taking the earlier of the applicant's local day
 * and the ET day, so a "by" date never lands after the instant anywhere the applicant looks.
 */
export function dayBy(context: PlanContext, at: number): string {
  // The last text made for this instant and zone, if its slot still holds it (see DAY_BY_SLOTS).
  const slot = ((at / 60_000) | 0) & (DAY_BY_SLOTS - 1);
  if (dayByAts[slot] === at && dayByZones[slot] === context.zone) return dayByTexts[slot] as string;
  const text = dayText(context, at);
  dayByAts[slot] = at;
  dayByZones[slot] = context.zone;
  dayByTexts[slot] = text;
  return text;
}

/**
 * dayBy's last texts by instant (a slot per minute of the instant, modulo the table's size) and
 * zone: risks ask for the same few instants (deadlines, targets, now plus a lead time) on every
 * plan, and the two zone conversions per call showed in the planner bench's profile. Bounded by
 * the slot count; a slot holds the last instant hashed to it.
 */
const DAY_BY_SLOTS = 512;
const dayByAts = new Float64Array(DAY_BY_SLOTS).fill(Number.NaN);
const dayByZones: (string | undefined)[] = new Array(DAY_BY_SLOTS).fill(undefined);
const dayByTexts: (string | undefined)[] = new Array(DAY_BY_SLOTS).fill(undefined);

function dayText(context: PlanContext, at: number): string {
  return textOfDay(earlierDay(context, at));
}

/**
 * The day a due date names, as its deadline column shows it: a whole-day due (`asDay`: its instant
 * the first of the next day in its zone) as that day, never the next one dayBy would read off its
 * midnight in a zone west of it ("sit it by Tue 20 Apr" beside a deadline of Mon 19
 * Apr); any other due as dayBy has it.
 */
export function dueDay(context: PlanContext, due: { at: number; zone: string; asDay?: true }): string {
  return due.asDay === true ? textOfDay(localDate(due.zone, due.at - 1)) : dayBy(context, due.at);
}

/** The ISO day dueDay names, for comparing with another day (a day after it is after it, whatever the hour). */
export function dueIsoDay(context: PlanContext, due: { at: number; zone: string; asDay?: true }): string {
  return due.asDay === true ? localDate(due.zone, due.at - 1) : earlierDay(context, due.at);
}

/**
 * "Wed 4 Aug 2027": the applicant's calendar day of an instant the plan counted in whole days (a
 * day it allows, not an hour anyone set): never an invented hour with its ET time
 * ("around Wed 4 Aug 2027, 12:00 AM GMT+3 (Tue 3 Aug 2027, 5:00 PM ET)").
 */
export function applicantDay(context: PlanContext, at: number): string {
  return textOfDay(localDate(context.zone, at));
}

/** "Wed 27 Jan 2027" for an ISO day, kept (dayTexts). */
function textOfDay(day: string): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    const noon = startOfLocalDate(ET_ZONE, day) + DAY_MS / 2;
    text = renderEt(noon).split(",")[0] ?? day;
    dayTexts.keep(day, text);
  }
  return text;
}

/**
 * How far ahead of now an instant falls on a later day than the applicant's today both in their
 * zone and in ET, whatever the zone: UTC offsets lie within -12 h and +14 h (ET's within -5 h and
 * -4 h), so three days ahead is at least 46 hours of wall clock ahead in either zone. dayByPassed
 * and dueToday answer such an instant (most deadlines, on most plans) with no zone conversion.
 */
const LATER_DAY_EVERYWHERE_MS = 3 * DAY_MS;

/**
 * Whether a "by" day for `at` is no longer one to act by: the instant has gone, or dayBy's day is
 * before the applicant's today (an ET day behind theirs). Such a day is never an instruction
 * ("Book an earlier sitting, by Sat 14 Nov 2026" on 30 Nov).
 */
export function dayByPassed(context: PlanContext, at: number): boolean {
  if (at < context.now) return true;
  if (at - context.now > LATER_DAY_EVERYWHERE_MS) return false;
  return earlierDay(context, at) < localDate(context.zone, context.now);
}

/**
 * Whether an instant still ahead is one to act on today, by its hour: it falls within the next 24
 * hours, or on the applicant's local today, or dayBy's day is already their yesterday (an ET day
 * behind theirs). A day alone would let an applicant west of ET plan for the evening of a day whose
 * cut-off is 6:00 PM (Los Angeles read "by Sat 26 Dec 2026" up to the last minute).
 */
export function dueToday(context: PlanContext, at: number): boolean {
  if (at < context.now) return false;
  if (at - context.now <= DAY_MS) return true;
  if (at - context.now > LATER_DAY_EVERYWHERE_MS) return false;
  const today = localDate(context.zone, context.now);
  return localDate(context.zone, at) === today || earlierDay(context, at) < today;
}

/** Whether a deadline is asked for as byDay says it (passed, or due today by its hour) rather than "by <day>". */
export function byDayNear(context: PlanContext, at: number): boolean {
  return at < context.now || dueToday(context, at);
}

/**
 * "by Wed 27 Jan 2027"; once the instant has gone, "as soon as you can (Wed 27 Jan 2027 has
 * passed)"; while it is ahead and due today (dueToday), the instant in both zones in every zone,
 * "today, by Sat 26 Dec 2026, 6:00 PM PST (Sat 26 Dec 2026, 9:00 PM ET)" ("tomorrow, by …" when it
 * falls on their next local day, "tonight, by …" in its small hours, dueDayWord): never "passed" before the instant,
 * never "by" their yesterday, never a bare day on the last one.
 */
export function byDay(context: PlanContext, at: number): string {
  if (at < context.now) return `as soon as you can (${dayBy(context, at)} has passed)`;
  if (!dueToday(context, at)) return `by ${dayBy(context, at)}`;
  const word = dueDayWord(context, at);
  return word === "" ? `by ${when(context, at)}` : `${word}, by ${when(context, at)}`;
}

/**
 * byDay, but a "by <day>" of an ET instant whose day is not the applicant's names it in both zones
 * (etDayOrWhen): "by Sun 3 Jan 2027, 7:00 AM GMT+5 (Sat 2 Jan 2027, 9:00 PM ET)".
 */
export function byDayOrWhen(context: PlanContext, at: number): string {
  return byDayNear(context, at) ? byDay(context, at) : `by ${etDayOrWhen(context, at, dayBy(context, at))}`;
}

/**
 * The word for the local day of an instant due within the next 24 hours (dueToday): "today" only
 * when it falls on the applicant's local today, "tonight" before 09:00 of their next local day,
 * "tomorrow" later on it, else "" (the
 * weekday and date, which `when` names, say it alone). dueToday's 24 hours cross local midnight, so
 * "today" alone read "today, by Sun 27 Dec" on a Saturday.
 */
export function dueDayWord(context: Pick<PlanContext, "zone" | "now">, at: number): DueDayWord {
  const day = localDate(context.zone, at);
  const today = localDate(context.zone, context.now);
  if (day === today) return "today";
  if (day !== localDate(context.zone, startOfLocalDate(context.zone, today) + DAY_MS + DAY_MS / 2)) return "";
  // A cut-off before 09:00 of the next local day leaves no usable part of it: "tomorrow" there
  // reads as the daytime and is missed (Lagos, 3:00 AM on Sunday; Karachi, 7:00 AM).
  return at - startOfLocalDate(context.zone, day) < SMALL_HOURS_MS ? "tonight" : "tomorrow";
}

/** The words dueDayWord gives an instant due within the next 24 hours ("" names its day instead). */
export type DueDayWord = "today" | "tonight" | "tomorrow" | "";

/**
 * The night's end on a local day: a cut-off before 09:00 belongs to the night before, so
 * "tomorrow" is never said of a deadline that ends before the applicant's working morning
 * (Karachi, 7:00 AM Sunday for 9:00 PM ET Saturday reads "tonight").
 */
const SMALL_HOURS_MS = 9 * 3_600_000;

/**
 * Whether `at` is the end of a day in `zone` (its next day's midnight): a last day counted in the
 * applicant's days (an exam's last sitting day) is that day. Any other last day is an instant
 * counted back from an ET deadline (the rank order list's 9:00 PM ET less the chain's days) and is
 * said with its hour, the same in the risk, the notice and the rungs: as a day it read "act by Wed
 * 6 Jan" in the risk and "Due: Thu 7 Jan" in the email for 4:00 AM on 7 Jan in Cairo.
 */
export function endsLocalDay(zone: string, at: number): boolean {
  // The search finds the last working minute, which may be the one before midnight (11:59 PM).
  const midnight = startOfLocalDate(zone, localDate(zone, at + MINUTE_MS));
  return midnight >= at && midnight - at <= MINUTE_MS;
}

/** The earlier of the applicant's local day and the ET day of an instant (ISO date). */
export function earlierDay(context: PlanContext, at: number): string {
  return earlierDayOf(context.zone, at);
}

/** dayBy's text per calendar day (bounded): the same few days recur in every plan of a season. */
const dayTexts = new BoundedMemo<string, string>(20_000);
