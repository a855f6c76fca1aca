import { BoundedMemo } from "../bounded-memo.ts";
import { CHECKED_FOR_RANKING, catalogEntry } from "../catalog/index.ts";
import { CONSULAR_INTERVIEWS } from "../consular-interviews.ts";
import { markOfBasis } from "../date-basis.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { DateBasis, Deadline } from "../plan.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, ET_ZONE, localDate, renderEt, startOfLocalDate } from "../time.ts";
import { SCORE_REPORTING_DAYS } from "./advice.ts";
import { CalendarMemo } from "./calendar-memo.ts";
import type { PlanContext } from "./context.ts";
import { ownDayInTime, shiftDays } from "./date-math.ts";
import { type DueDate, shapedDueDate } from "./due-date.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { seasonDueAt } from "./season-due-at.ts";

// An exam's last sitting day is a date in the applicant's own calendar, not an instant:
// the ET date of its cut-off (the rank order list deadline,
// 9:00 PM ET, less the reporting allowance: Wed 27 Jan 2027 for the 2027 Match), taken as that same
// date in the applicant's zone, since a sitting is booked by its local date; named with no time.
// It is "today" on that local date and has passed from the applicant's next local day, even where
// that day begins before the cut-off instant (Karachi at 01:00 on the 28th) or after it (Los
// Angeles at 7:00 PM on the 27th, after 9:00 PM ET). The step's deadline is that day too
// (sittingDayDue): its table, badge, reminders and the write-off all turn at that local midnight.

/** The last sitting day (ISO date) of a cut-off instant: its ET date, the applicant's local date of that name. */
export function lastSittingDay(cutOff: number): string {
  return localDate(ET_ZONE, cutOff);
}

/**
 * The first instant of the applicant's local day after the last sitting day of `cutOff` (UTC ms):
 * from then that day has passed for them; a sitting dated that day or later is too late.
 */
export function lastSittingEnd(zone: string, cutOff: number): number {
  let byCutOff = ends.get(zone);
  if (byCutOff === undefined) byCutOff = ends.keep(zone, new Map());
  let end = byCutOff.get(cutOff);
  if (end === undefined) {
    const next = shiftIsoDay(lastSittingDay(cutOff), 1);
    end = startOfLocalDate(zone, next);
    byCutOff.set(cutOff, end);
  }
  return end;
}
// Per zone and cut-off (a few per season: the exams' and the OET's), bounded by the zone count:
// feasibility asks for every plan with an exam to sit, and the zone conversions cost.
const ends = new BoundedMemo<string, Map<number, number>>(1_000);

/**
 * A ranking sitting's deadline as its step has it, from its catalog
 * due date `ruled` (the cut-off instant): its last sitting day, a whole day (`asDay`) in the
 * applicant's zone `zone`, due until lastSittingEnd. The step is due today on that local date and
 * overdue from the next, its reminders count down to that end ("Due in 5 hours" at 7:00 PM, never to
 * 9:00 PM ET), and PlanDates.rendered names the date alone ("Wed 27 Jan 2027"), in every zone.
 * Status and source are the rule's. Made once per PlanDates and step (stepRenderings).
 */
export function sittingDayDue(zone: string, ruled: DueDate): DueDate {
  return shapedDueDate({
    at: lastSittingEnd(zone, ruled.at),
    zone,
    status: ruled.status,
    basis: ruled.basis,
    source: ruled.source,
    asDay: true,
    dayName: undefined,
  });
}

/** The last sitting day (ISO date) a step's due date names: sittingDayDue's own day, else its cut-off's (lastSittingDay). */
export function sittingDayOf(due: DueDate): string {
  return due.asDay === true ? localDate(due.zone, due.at - 1) : lastSittingDay(due.at);
}

/**
 * A step's text so far followed by its last sitting day (`due`: the cut-off's or sittingDayDue's),
 * the day its deadline column shows: after a "by" as sittingDueWords has it ("take it by", "book an
 * earlier sitting, by": "…today, Wed 27 Jan 2027, at the latest"), else the date ("after Wed 27 Jan
 * 2027"), never with a time ("Thu 28 Jan 2027, 3:00 PM GMT+13" beside "by Wed 27 Jan").
 */
export function withSittingDay(context: PlanContext, filled: string, due: DueDate): string {
  if (filled.endsWith("by ")) return `${filled.slice(0, -3)}${sittingDueWords(context, due)}`;
  return `${filled}${dayText(sittingDayOf(due))}`;
}

/** The first instant of the applicant's day after sittingDayOf(due): sittingDayDue's own instant, else lastSittingEnd. */
export function sittingDayEnd(zone: string, due: { at: number; asDay?: true }): number {
  return due.asDay === true ? due.at : lastSittingEnd(zone, due.at);
}

/**
 * The applicant's midnight opening a last sitting day (ISO `day`): from then a sitting booked after
 * it is kept, never "move it to that day or earlier" (a seat that very day, that afternoon).
 */
export function moveEarlierEnds(zone: string, day: string): number {
  return startOfLocalDate(zone, day);
}

/** The last instant still on the last sitting day for the applicant (lastSittingEnd less 1 ms). */
export function lastSittingInstant(context: PlanContext, cutOff: number): number {
  return lastSittingEnd(context.zone, cutOff) - 1;
}

/**
 * "by Wed 27 Jan 2027 at the latest"; on the applicant's local day before it "tomorrow, Wed 27 Jan
 * 2027, at the latest", on that day "today, Wed 27 Jan 2027, at the latest"; once passed "as soon as
 * you can (Wed 27 Jan 2027 has passed)". The day is never given a time. Notes the instants its word
 * turns at (the applicant's midnights) as re-plans.
 */
export function lastSittingWords(context: PlanContext, cutOff: number): string {
  return lastSittingDayWords(context, lastSittingDay(cutOff), lastSittingEnd(context.zone, cutOff));
}

/**
 * lastSittingWords for a step's due date, the cut-off's or sittingDayDue's (the day itself): the
 * step's texts name the day its deadline column shows.
 */
export function sittingDueWords(context: PlanContext, due: DueDate): string {
  return lastSittingDayWords(context, sittingDayOf(due), sittingDayEnd(context.zone, due));
}

/** lastSittingWords for the ISO `day` ending (for the applicant) at `end`. */
function lastSittingDayWords(context: PlanContext, day: string, end: number): string {
  const text = dayText(day);
  const start = startOfLocalDate(context.zone, day);
  const dayBefore = startOfLocalDate(context.zone, localDate(context.zone, start - DAY_MS / 2));
  noteRiskChange(context, dayBefore);
  noteRiskChange(context, start);
  noteRiskChange(context, end);
  if (context.now >= end) return `as soon as you can (${text} has passed)`;
  if (context.now >= start) return `today, ${text}, at the latest`;
  if (context.now >= dayBefore) return `tomorrow, ${text}, at the latest`;
  return `by ${text} at the latest`;
}

/** The word for the last sitting day as lastSittingWords has it: "today", "tomorrow" or "" (its date). */
export function lastSittingWord(context: PlanContext, cutOff: number): "today" | "tomorrow" | "" {
  const words = lastSittingWords(context, cutOff);
  return words.startsWith("today") ? "today" : words.startsWith("tomorrow") ? "tomorrow" : "";
}

/**
 * "Wed 27 Jan 2027" for an ISO day (its ET noon rendered, the date part). Kept per day (bounded):
 * the rebook sentence and the sitting words render the same few days on every plan, and
 * the rendering plus split showed in the planner bench's profile.
 */
export function dayText(day: string): string {
  const known = dayTexts.get(day);
  if (known !== undefined) return known;
  return dayTexts.keep(day, renderEt(startOfLocalDate(ET_ZONE, day) + DAY_MS / 2).split(",")[0] ?? day);
}

const dayTexts = new BoundedMemo<string, string>(2_000);

/**
 * The cut-off instant of an exam's last sitting day in a season: its catalog due rule from a season
 * date (the rank order list deadline less 28 days for USMLE, less 50 for the OET, whose result must
 * reach ECFMG by the Pathway's documents deadline), else that deadline less its reporting allowance.
 * Made once per season and exam.
 */
export function sittingCutOffOf(calendar: SeasonCalendar, key: MilestoneKey): number {
  let known = cutOffs.get(calendar);
  if (known === undefined) {
    known = cutOffs.keep(calendar, new Map());
  }
  let at = known.get(key);
  if (at === undefined) {
    const entry = catalogEntry(key);
    const due = entry.due;
    at =
      due.from === "season"
        ? seasonDueAt(calendar, key, due.dateKey, due.offsetDays).at
        : shiftDays(
            calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at,
            ET_ZONE,
            -(entry.reportingDays?.days ?? SCORE_REPORTING_DAYS),
          );
    known.set(key, at);
  }
  return at;
}
const cutOffs = new CalendarMemo<Map<MilestoneKey, number>>();

/**
 * Who sets sittingCutOffOf's day (plan.ts DateBasis), as the step's due date has it (deadlines.ts
 * resolveDue): its catalog due rule's basis, "advice" for a day counted with an advice allowance (the
 * exams' reporting times), "projected" for a rule that stands for an authority's unpublished date,
 * else the season date's own; with no season rule, the rank order list deadline less the reporting
 * allowance, by that allowance's basis. A text naming the day marks it by this (cutOffMark), never
 * "(projected)" because the deadline it counts from is.
 */
export function cutOffBasis(calendar: SeasonCalendar, key: MilestoneKey): DateBasis {
  const entry = catalogEntry(key);
  const due = entry.due;
  if (due.from === "season") {
    if (due.projects === true) return "projected";
    return due.basis === "advice" ? "advice" : calendar.dates[due.dateKey].status;
  }
  if (entry.reportingDays === undefined || entry.reportingDays.basis === "advice") return "advice";
  return calendar.dates.nrmp_rol_certification_and_late_registration_deadline.status;
}

/** The mark after cutOffBasis's day in a text: " (our advice)", " (projected)" or "" (markOfBasis). */
export function cutOffMark(calendar: SeasonCalendar, key: MilestoneKey): string {
  return markOfBasis(cutOffBasis(calendar, key));
}

/**
 * An own date still ahead (`own`: not passed) on a day after the step's deadline `due`: "sitting"
 * for an exam whose result NRMP or the Pathway needs, on a local day after its last sitting day
 * (a 28 Jan sitting in Karachi is late, though its midnight is before 9:00 PM ET on the 27th),
 * which is late for this Match's ranking and never overdue while ahead (so is a consular interview
 * booked after the visa's date, CONSULAR_INTERVIEWS: the day the visa can come); "date" for any
 * other step's own date with nothing of its day before the deadline's instant (ownDayInTime);
 * null otherwise.
 */
export function bookedAfterDue(
  context: PlanContext,
  key: MilestoneKey,
  own: { passed: boolean; due: { at: number } } | null,
  due: { at: number; asDay?: true } | null,
): "sitting" | "date" | null {
  if (own === null || own.passed || due === null || !sittingAfterLastDay(context, key, own.due.at, due))
    return null;
  return DAY_SITTINGS.has(key) || CONSULAR_INTERVIEWS.has(key) ? "sitting" : "date";
}
const RANKING_SITTINGS: ReadonlySet<MilestoneKey> = new Set(
  CHECKED_FOR_RANKING.filter((key) => key !== "ecfmg_pathway"),
);

/**
 * The sittings whose deadline is a last sitting day, a whole local day (sittingDayDue): the ranking
 * sittings and H-1B Step 3, whose result programs need before ranking (shown
 * as a day, as Step 1's and Step 2 CK's are, not as 9:00 PM ET).
 */
const DAY_SITTINGS: ReadonlySet<MilestoneKey> = new Set<MilestoneKey>([...RANKING_SITTINGS, "usmle_step3"]);

/** Whether `key`'s deadline is a last sitting day (DAY_SITTINGS): the ranking sittings and Step 3. */
export function isDaySitting(key: MilestoneKey): boolean {
  return DAY_SITTINGS.has(key);
}

/** Whether `key` is an exam whose result NRMP or the Pathway needs (USMLE Step 1, Step 2 CK, the OET): its deadline is a last sitting day. */
export function isRankingSitting(key: MilestoneKey): boolean {
  return RANKING_SITTINGS.has(key);
}

/**
 * Whether a reminder target counts down to a last sitting day:
 * a day sitting's deadline (DAY_SITTINGS: the ranking exams and Step 3, whose countdown ended on its
 * day after the Match) rendered as a day (`precision: "day"`, sittingDayDue). Its rungs
 * are laid in days against that day, not against the instant it ends (a 1-day rung the day before,
 * never on the day), and a late arrival on the day itself after its delivery slot gets no countdown.
 */
export function countsDownToSittingDay(target: {
  milestone: string;
  countsDownTo: unknown;
  deadlineDetail: { precision?: Deadline["precision"] };
}): boolean {
  return (
    target.deadlineDetail.precision === "day" &&
    target.countsDownTo === undefined &&
    DAY_SITTINGS.has(target.milestone as MilestoneKey)
  );
}

/**
 * Whether a sitting starting `sittingAt` (its local midnight) is after the step's deadline `due`, as
 * bookedAfterDue judges it: a day sitting's after its last sitting day, any other own date's when
 * nothing of its day is before the deadline (ownDayInTime).
 */
export function sittingAfterLastDay(
  context: PlanContext,
  key: MilestoneKey,
  sittingAt: number,
  due: { at: number; asDay?: true },
): boolean {
  return !ownDayInTime(sittingAt, DAY_SITTINGS.has(key) ? sittingDayEnd(context.zone, due) : due.at);
}

/**
 * "by <its last sitting day>" for an exam counted on any seat by that day (`seatBy`, a cut-off) in
 * MATCH_YEAR_LAST_DAY: `lastBy` when the risk's last instant `at` is on that day, else the day
 * itself (an OET seat-bound on the Pathway's earlier last day is still sat by its own day).
 */
export function seatDayBy(
  zone: string,
  at: number,
  seatBy: number,
  basis: DateBasis | undefined,
  lastBy: string,
): string {
  const day = lastSittingDay(seatBy);
  if (localDate(zone, at) >= day) return lastBy;
  return `by ${dayText(day)}${basis === undefined ? "" : markOfBasis(basis)}`;
}
