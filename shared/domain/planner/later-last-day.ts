import { BoundedMemo } from "../bounded-memo.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import { MINUTE_MS, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { contextWith } from "./context-with.ts";
import { assessAt, type Remaining } from "./feasibility.ts";
import { sameTakes } from "./last-day-takes.ts";
import { dayOf, lastDayBy, lastDayMark } from "./last-day-words.ts";
import { type LastWorking, lastWorkingInstant } from "./last-working-instant.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { riskMark } from "./risk-mark.ts";

/**
 * The last day MATCH_YEAR_LAST_DAY's chain keeps the Match on the later candidate of NRMP's projected
 * rank order list deadline (laterCandidateCalendar), when it is after `last`, the day on the
 * projected deadline: past `last` the plan keeps the Match on that candidate (withLaterCandidate)
 * until this day, so the risk names both days from the start, never "your plan moves" on a day it
 * does not ("act by Tue 1 Jun … your plan moves", then still 2028 with "act by Tue 8 Jun").
 * Null when the deadline is confirmed, has no later candidate, or the later day is no later.
 * Rounded up to the minute (as lastDayDue), the same from any now. Its chain is assessed with its
 * own risk instants: the words name no instant that changes with now.
 */
export function laterLastDay(context: PlanContext, last: LastWorking): number | null {
  const calendar = laterCandidateCalendar(context.calendar);
  if (calendar === null) return null;
  // Plans of a season share a few chains and last days: the search (a bisection of the chain on
  // the later calendar) runs once per chain, not per plan (planner bench). The chain's steps are
  // keyed as reported too: the later calendar can keep what the projected chain drops (an OET booked
  // after its last sitting day counts as any seat by it, the same takes as one not booked, but on
  // the later candidate its booking holds), and the interviews (interned) decide the chain's study.
  let reported = "";
  for (const take of last.chain.takes) {
    const entry = context.entries.get(take.key);
    reported += `|${entry?.status ?? ""}:${entry?.date ?? ""}`;
  }
  const key = `${context.zone}|${last.at}|${context.applicant.graduation}${reported}`;
  const known = memo.get(key);
  if (known !== undefined)
    for (const each of known)
      if (
        each.calendar === calendar &&
        each.interviews === context.interviews &&
        sameTakes(each.takes, last.chain.takes)
      )
        return each.at;
  const later = contextWith(context, { calendar, riskChangesAt: [] });
  const found = lastWorkingInstant(later, assessAt(later, "laterCandidate"), Number.POSITIVE_INFINITY);
  const at = found === null ? null : Math.ceil(found.at / MINUTE_MS) * MINUTE_MS;
  const day = at !== null && at > Math.ceil(last.at / MINUTE_MS) * MINUTE_MS ? at : null;
  const entry = {
    calendar,
    interviews: context.interviews,
    takes: last.chain.takes.map((take) => ({ ...take })),
    at: day,
  };
  if (known === undefined || known.length >= 8) memo.keep(key, [entry]);
  else known.push(entry);
  return day;
}

/**
 * laterLastDay's words, "Tue 8 Jun 2027, 7:00 AM GMT+5 (Mon 7 Jun 2027, 10:00 PM ET) (our advice)"
 * (marked by who sets it, as the last day is), or "" when there is no later last day.
 */
export function laterLastDayBy(context: PlanContext, last: LastWorking): string {
  const at = laterLastDay(context, last);
  if (at === null) return "";
  const later = laterCandidateCalendar(context.calendar) as SeasonCalendar; // laterLastDay found a day on it
  return `${dayOf(lastDayBy(context, at))}${lastDayMark(later, undefined, at === pathwayDeadline(later))}`;
}

/**
 * "it was 16 days before Match Day in 2022–2025, which would be Wed 3 Mar 2027 (ET)": the later
 * candidate of `calendar`'s projected rank order list deadline, for a clause that names what holds
 * on it; null when it has none.
 */
export function laterDeadlineWas(calendar: SeasonCalendar): string | null {
  const candidate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
  if (candidate === undefined) return null;
  const laterRol = `${renderDate(candidate.date)} (ET)`;
  return candidate.said === undefined ? laterRol : `it was ${candidate.said}, which would be ${laterRol}`;
}

/**
 * MATCH_YEAR_LAST_DAY risks whose words name a later last day (laterLastDay): their countdown and
 * notice titles say the day is the one on NRMP's projected deadline, never "your plan moves" (riskMark).
 */
const laterChance = riskMark();

/** Marks `risk` as naming a later last day (see laterChance); returns it. */
export const markedLaterChance = laterChance.mark;

/** Whether `risk` names a later last day on NRMP's later candidate (markedLaterChance). */
export const namesLaterChance = laterChance.has;

/**
 * The later days found, by zone, last day, graduation and the chain's steps as reported; a few per
 * key (calendars, interviews, chains).
 */
const memo = new BoundedMemo<
  string,
  { calendar: object; interviews: readonly object[]; takes: Remaining[]; at: number | null }[]
>(1_000);
