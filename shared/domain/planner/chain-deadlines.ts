import { catalogEntry } from "../catalog/index.ts";
import { type SeasonCalendar, seasonCalendar } from "../seasons/index.ts";
import { DAY_MS, ET_ZONE } from "../time.ts";
import { OET_BOOKING_DAYS } from "./advice.ts";
import { CalendarMemo } from "./calendar-memo.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { pathwayDeadline, pathwayDocumentsDeadline } from "./pathway-deadlines.ts";
import { noteCrossing } from "./risk-change-instants.ts";
import { sortAscendingInPlace } from "./sort-numbers.ts";

/**
 * The deadlines feasibility's chain must all meet, one list (a last day searched
 * against the rank order list deadline alone fell after the OET's last sitting day and ECFMG's
 * deadline for a Pathway application's documents). Each is a season date the catalog states or
 * projects, with its source: NRMP's rank order list deadline for the exams and the Pathway's
 * decision (official); the Pathway application's projected deadline (ecfmg_pathway `due`); the
 * projected deadline for its supporting documents, the OET result among them (`documentsDue`),
 * and the OET's last sitting day that follows from it (oet_medicine `due`). The projections take
 * the earlier candidate, and the plan keeps to it (the brief's rule for an uncertain date): missing
 * any of them ends the season, as ECFMG rejects an application whose documents arrive late (a
 * warning alone would plan on an application that cannot succeed).
 */
export type ChainCause = "exams" | "pathway" | "documents";

/** When the fastest chain reaches each deadline (epoch ms), null where the deadline does not apply. */
export interface ChainTimes {
  /** Every result and decision NRMP needs reported. */
  readyAt: number;
  /** The Pathway application submitted, when it is still to go in. */
  pathwayToSubmit: number | null;
  /** The OET sat, when its sitting is still ahead, and its result at ECFMG, when still to come. */
  oetSitting: number | null;
  oetResult: number | null;
}

/** Notes when the OET's sitting passes its last sitting day (its result's crossing is missedPathwayDeadline's). */
export function noteSittingCrossing(context: PlanContext, times: ChainTimes): void {
  const lastSitting = times.oetSitting === null ? null : oetLastSitting(context.calendar);
  if (lastSitting !== null) noteCrossing(context, times.oetSitting as number, lastSitting);
}

/** The first deadline of `calendar` the chain misses, in the order above, or null when it meets them all. */
export function missedChainDeadline(times: ChainTimes, calendar: SeasonCalendar): ChainCause | null {
  // With the Pathway application in (or maybe in: nothing left to submit), an OET sitting just past
  // its own last sitting day (within OET_BOOKING_DAYS, its booking allowance) is what ended the season, whatever follows
  // from it (past that day any seat no longer counts, and the week for one misses the rank
  // order list deadline too). Further past it, other steps may weigh more: the order below names them.
  const lastSitting =
    times.oetSitting === null || times.pathwayToSubmit !== null ? null : oetLastSitting(calendar);
  if (
    lastSitting !== null &&
    (times.oetSitting as number) > lastSitting &&
    (times.oetSitting as number) <= lastSitting + (OET_BOOKING_DAYS + 1) * DAY_MS
  )
    return "documents";
  if (times.readyAt > calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at) return "exams";
  const pathwayDue = times.pathwayToSubmit === null ? null : pathwayDeadline(calendar);
  if (pathwayDue !== null && (times.pathwayToSubmit as number) > pathwayDue) return "pathway";
  const documentsDue = times.oetResult === null ? null : pathwayDocumentsDeadline(calendar);
  if (documentsDue !== null && (times.oetResult as number) > documentsDue) return "documents";
  const sittingDue = times.oetSitting === null ? null : oetLastSitting(calendar);
  return sittingDue !== null && (times.oetSitting as number) > sittingDue ? "documents" : null;
}

/**
 * The least time to spare before any deadline of `calendar` (ms, negative when one is missed):
 * the chain's estimates move with now, so the first deadline is missed about that much later.
 * `takes` (chainAt's own array, which the Feasibility and its copies carry) keeps `times` for
 * slackTerms.
 */
export function chainSlack(times: ChainTimes, calendar: SeasonCalendar, takes?: object): number {
  if (takes !== undefined) keepChainTimes(takes, times);
  let slack = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at - times.readyAt;
  const pathwayDue = times.pathwayToSubmit === null ? null : pathwayDeadline(calendar);
  if (pathwayDue !== null) slack = Math.min(slack, pathwayDue - (times.pathwayToSubmit as number));
  const documentsDue = times.oetResult === null ? null : pathwayDocumentsDeadline(calendar);
  if (documentsDue !== null) slack = Math.min(slack, documentsDue - (times.oetResult as number));
  const sittingDue = times.oetSitting === null ? null : oetLastSitting(calendar);
  if (sittingDue !== null) slack = Math.min(slack, sittingDue - (times.oetSitting as number));
  return slack;
}

// Why (planner bench): lastWorkingInstant tries now plus the chain's slack as the
// last working instant, right when the deadline with the least slack is the one that ends the
// season. Since the OET's booking allowance is 20 days the least slack is often the OET
// sitting's, which never ends it while any seat counts (examAt caps the sitting at the last sitting
// day), so the guess missed and the search bisected 42 days to the minute (about 17 chains a plan).
// The last KEPT_CHAINS chains (a plan makes a few before its risks ask; an older one is a miss,
// and the search then starts from the least slack alone, as before).
const KEPT_CHAINS = 16;
const keptTakes: (object | undefined)[] = new Array(KEPT_CHAINS).fill(undefined);
const keptTimes: (ChainTimes | undefined)[] = new Array(KEPT_CHAINS).fill(undefined);
let keptNext = 0;

/**
 * Keeps a chain's `times` for its `takes` in the ring (chainSlack; kept-chains.ts again when it
 * hands out a chain it kept): a ring, not a WeakMap, since a WeakMap entry per chain cost more than it saved.
 */
export function keepChainTimes(takes: object, times: ChainTimes): void {
  keptTakes[keptNext] = takes;
  keptTimes[keptNext] = times;
  keptNext = (keptNext + 1) % KEPT_CHAINS;
}

/** The times the ring keeps for a chain's `takes`, undefined when it is no longer there. */
export function keptChainTimes(takes: object): ChainTimes | undefined {
  const at = keptTakes.indexOf(takes);
  return at === -1 ? undefined : keptTimes[at];
}

/**
 * The time to spare before each deadline of `calendar` the chain of a Feasibility with these
 * `takes` must meet (ms, ascending: chainSlack first), each a guess for lastWorkingInstant; null
 * when no recent chainAt kept its times (a Feasibility with nothing left to do, or an old one).
 */
export function slackTerms(takes: object, calendar: SeasonCalendar): number[] | null {
  const times = keptChainTimes(takes);
  if (times === undefined) return null;
  const terms = [calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at - times.readyAt];
  const pathwayDue = times.pathwayToSubmit === null ? null : pathwayDeadline(calendar);
  if (pathwayDue !== null) terms.push(pathwayDue - (times.pathwayToSubmit as number));
  const documentsDue = times.oetResult === null ? null : pathwayDocumentsDeadline(calendar);
  if (documentsDue !== null) terms.push(documentsDue - (times.oetResult as number));
  const sittingDue = times.oetSitting === null ? null : oetLastSitting(calendar);
  if (sittingDue !== null) terms.push(sittingDue - (times.oetSitting as number));
  // At most four terms: Array#sort with a comparator was nearly all this function's time.
  return sortAscendingInPlace(terms);
}

/** Why a season cannot be made: graduation after its residency start, or a chain deadline missed. */
export type UnfitCause = "graduation" | ChainCause;

/** How far ahead to look for a feasible season before giving up (and naming the last one tried). */
const MAX_YEARS_AHEAD = 6;

/**
 * Why the Match of `year` cannot be made (graduation after its residency start, or a deadline of
 * the chain missed), or null when it can. A module function, not a closure: run on every plan.
 */
export function unfitCause(
  context: PlanContext,
  times: ChainTimes,
  graduation: number,
  year: number,
): UnfitCause | null {
  const calendar = year === context.calendar.matchYear ? context.calendar : seasonCalendar(year);
  if (graduation > calendar.dates.residency_start.at) return "graduation";
  return missedChainDeadline(times, calendar);
}

/**
 * The first Match year from the plan's next one that `times` and graduation can make (at most
 * MAX_YEARS_AHEAD on). It also notes where time alone moves that year on: the
 * instants at which the fastest pace passes one of that season's chain deadlines, as noteCrossing
 * notes them for the target Match, so the planner wakes up when the earliest feasible Match changes.
 * Graduation is a fixed date: it moves nothing with time.
 */
export function earliestFitYear(context: PlanContext, times: ChainTimes, graduation: number): number {
  let year = context.calendar.matchYear + 1;
  while (
    unfitCause(context, times, graduation, year) !== null &&
    year < context.calendar.matchYear + MAX_YEARS_AHEAD
  )
    year++;
  noteChainCrossings(context, times, seasonCalendar(year));
  return year;
}

/** A Match after the target that the fastest pace no longer makes: its year, the deadline missed and why. */
export interface DroppedMatch {
  year: number;
  cause: ChainCause;
  /** The deadline of that Match the chain misses (epoch ms): the one time alone carried it past. */
  due: number;
}

/**
 * When the earliest feasible Match is later than the one after the target, the Match just before
 * it, which a deadline passing dropped out (at the 2028 Pathway deadline, 25 Dec
 * 2027, the plan moved from 2028 to 2029 and named only the 2027 Match's deadlines): why, and that
 * deadline. Null otherwise, or when graduation, a fixed date, rules that Match out.
 */
export function droppedMatch(
  context: PlanContext,
  times: ChainTimes,
  graduation: number,
  earliest: number,
): DroppedMatch | null {
  const year = earliest - 1;
  if (year <= context.calendar.matchYear) return null;
  const cause = unfitCause(context, times, graduation, year);
  if (cause === null || cause === "graduation") return null;
  const calendar = seasonCalendar(year);
  const sitting = oetLastSitting(calendar);
  const due =
    cause === "exams"
      ? calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at
      : cause === "pathway"
        ? pathwayDeadline(calendar)
        : times.oetSitting !== null && sitting !== null && times.oetSitting > sitting
          ? sitting
          : pathwayDocumentsDeadline(calendar);
  return due === null ? null : { year, cause, due };
}

/** Notes when each moving estimate of `times` passes its deadline in `calendar` (see earliestFitYear). */
function noteChainCrossings(context: PlanContext, times: ChainTimes, calendar: SeasonCalendar): void {
  noteCrossing(
    context,
    times.readyAt,
    calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at,
  );
  const pathwayDue = times.pathwayToSubmit === null ? null : pathwayDeadline(calendar);
  if (pathwayDue !== null) noteCrossing(context, times.pathwayToSubmit as number, pathwayDue);
  const documentsDue = times.oetResult === null ? null : pathwayDocumentsDeadline(calendar);
  if (documentsDue !== null) noteCrossing(context, times.oetResult as number, documentsDue);
  const sittingDue = times.oetSitting === null ? null : oetLastSitting(calendar);
  if (sittingDue !== null) noteCrossing(context, times.oetSitting as number, sittingDue);
}

/**
 * The OET's last sitting day ECFMG accepts for a season: the catalog's due rule for oet_medicine
 * (the documents deadline less the OET result time, projected with its source), in ET. The same
 * day the OET step shows as its deadline. Null if the rule is not a season date's offset.
 */
export function oetLastSitting(calendar: SeasonCalendar): number | null {
  let deadline = lastSittings.get(calendar);
  if (deadline === undefined) {
    const due = catalogEntry("oet_medicine").due;
    deadline =
      due.from !== "season" ? null : shiftDays(calendar.dates[due.dateKey].at, ET_ZONE, due.offsetDays);
    lastSittings.keep(calendar, deadline);
  }
  return deadline;
}

/** oetLastSitting per calendar, as pathway-deadlines.ts keeps its own. */
const lastSittings = new CalendarMemo<number | null>();
