import { BoundedMemo } from "../bounded-memo.ts";
import { CHECKED_FOR_RANKING, catalogEntry } from "../catalog/index.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, ET_ZONE, isoUtc, localDate, renderEt, startOfLocalDate } from "../time.ts";
import { SCORE_REPORTING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

// An exam's last sitting day is a calendar day, not an instant (lead's ruling on tester t9n F1):
// the ET day of its cut-off (the rank order list deadline, 9:00 PM ET, less the reporting
// allowance: Wed 27 Jan 2027 for the 2027 Match), the same day in every zone and named with no
// time. It has passed from the applicant's next local day, even where that day begins before the
// cut-off instant (Karachi at 01:00 on the 28th: plan for the earlier day when a date is uncertain).

/** The last sitting day (ISO date) of a cut-off instant: its ET day. */
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
    const next = isoUtc(startOfLocalDate("UTC", lastSittingDay(cutOff)) + DAY_MS).slice(0, 10);
    end = startOfLocalDate(zone, next);
    byCutOff.set(cutOff, end);
  }
  return end;
}
// Per zone and cut-off (a few per season: the exams' and the OET's), bounded by the zone count:
// feasibility asks for every plan with an exam to sit, and the zone conversions cost.
const ends = new BoundedMemo<string, Map<number, number>>(1_000);

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
  const day = lastSittingDay(cutOff);
  const text = dayText(day);
  const end = lastSittingEnd(context.zone, cutOff);
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

/** "Wed 27 Jan 2027" for an ISO day (its ET noon rendered, the date part). */
export function dayText(day: string): string {
  return renderEt(startOfLocalDate(ET_ZONE, day) + DAY_MS / 2).split(",")[0] ?? day;
}

/**
 * The cut-off instant of an exam's last sitting day in a season: its catalog due rule from a season
 * date (the rank order list deadline less 28 days for USMLE, less 50 for the OET, whose result must
 * reach ECFMG by the Pathway's documents deadline), else that deadline less its reporting allowance.
 * Made once per season and exam.
 */
export function sittingCutOffOf(calendar: SeasonCalendar, key: MilestoneKey): number {
  let known = cutOffs.get(calendar);
  if (known === undefined) {
    known = new Map();
    cutOffs.set(calendar, known);
  }
  let at = known.get(key);
  if (at === undefined) {
    const entry = catalogEntry(key);
    const due = entry.due;
    at =
      due.from === "season"
        ? shiftDays(calendar.dates[due.dateKey].at, ET_ZONE, due.offsetDays)
        : shiftDays(
            calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at,
            ET_ZONE,
            -(entry.reportingDays?.days ?? SCORE_REPORTING_DAYS),
          );
    known.set(key, at);
  }
  return at;
}
const cutOffs = new WeakMap<SeasonCalendar, Map<MilestoneKey, number>>();

/**
 * Whether sittingCutOffOf's day is counted from a projected season date (its catalog due rule's, or
 * the rank order list deadline's): then a text naming it says "(projected)" (tester t9o F8 B).
 */
export function cutOffProjected(calendar: SeasonCalendar, key: MilestoneKey): boolean {
  const due = catalogEntry(key).due;
  const from = due.from === "season" ? due.dateKey : "nrmp_rol_certification_and_late_registration_deadline";
  return calendar.dates[from].status === "projected";
}

/**
 * An own date still ahead (`own`: not passed) on a day after the step's deadline `due`: "sitting"
 * for an exam whose result NRMP or the Pathway needs, on a local day after its last sitting day (t9n
 * F1: a 28 Jan sitting in Karachi is late, though its midnight is before 9:00 PM ET on the 27th),
 * which is late for this Match's ranking and never overdue while ahead (t9n F13); "date" for any
 * other step's own date after the deadline's instant; null otherwise.
 */
export function bookedAfterDue(
  context: PlanContext,
  key: MilestoneKey,
  own: { passed: boolean; due: { at: number } } | null,
  due: { at: number } | null,
): "sitting" | "date" | null {
  if (own === null || own.passed || due === null) return null;
  if (!RANKING_SITTINGS.has(key)) return own.due.at > due.at ? "date" : null;
  return own.due.at >= lastSittingEnd(context.zone, due.at) ? "sitting" : null;
}
const RANKING_SITTINGS: ReadonlySet<MilestoneKey> = new Set(
  CHECKED_FOR_RANKING.filter((key) => key !== "ecfmg_pathway"),
);

/** Whether `key` is an exam whose result NRMP or the Pathway needs (USMLE Step 1, Step 2 CK, the OET): its deadline is a last sitting day. */
export function isRankingSitting(key: MilestoneKey): boolean {
  return RANKING_SITTINGS.has(key);
}

/** Whether a sitting starting `sittingAt` (its local midnight) is after the step's deadline `dueAt`, as bookedAfterDue judges it. */
export function sittingAfterLastDay(
  context: PlanContext,
  key: MilestoneKey,
  sittingAt: number,
  dueAt: number,
): boolean {
  return RANKING_SITTINGS.has(key) ? sittingAt >= lastSittingEnd(context.zone, dueAt) : sittingAt > dueAt;
}
