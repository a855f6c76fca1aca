import { BoundedMemo } from "../bounded-memo.ts";
import { dateBasis } from "../date-basis.ts";
import type { Deadline, NextStep } from "../plan.ts";
import { seasonDateSources } from "../seasons/date-words.ts";
import { confirmedMatchYears, type SeasonDate, seasonCalendar } from "../seasons/index.ts";
import { localDate, renderDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { addSource } from "./risk-sources.ts";

/**
 * Sets each step's `sources`: what its card's dates rest on, as Risk.sources lists a risk's (a
 * projected date cites its projection rule, an official one its page). First the step's own
 * dates (target, deadline, the early deadline it missed), then every season date its words name: a
 * day of this Match's calendar or of the Matches beside it (SOAP's ended card names the next season's
 * MyERAS opening) that the why or the action writes with the date's own mark, " (projected)" or
 * ", projected" for a projected date and none for a confirmed one. A day the words mark as our
 * advice is advice counted by the step's rule, not the season date that falls on the same day. The
 * applicant's own dates cite nothing, and so does an interview's step (dated by the applicant's record,
 * and shared, frozen, between the plans that rank it alike: interviews.ts). Absent when nothing is cited.
 */
export function citeStepSources(context: PlanContext, steps: readonly NextStep[]): void {
  const days = namedDays(context);
  for (const step of steps) {
    if (step.milestone === "interview") continue;
    const sources: string[] = [];
    for (const date of [step.target, step.deadline, step.missedDeadline]) ownSource(sources, date);
    seasonDaysOf(step.why, days, sources);
    if (step.action !== step.why) seasonDaysOf(step.action, days, sources);
    if (sources.length > 0) step.sources = sources;
  }
}

function ownSource(sources: string[], date: Deadline | undefined): void {
  if (date !== undefined && dateBasis(date) !== "applicant") addSource(sources, date.source);
}

/** A day as the planner's texts write it: "Wed 2 Jun 2027". */
const DAY_IN_TEXT = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}/g;
/** What may follow a named day before its mark: a time and zone, the ET instant in parentheses. */
const UP_TO_MARK =
  /^(?:, \d{1,2}:\d{2} (?:AM|PM) [A-Z][A-Za-z]*[+-]?\d*(?::\d{2})?| \((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [^()]*\))*/;
const PROJECTED_MARK = /^(?: \((?:ET, )?projected\)|, projected\b| \(ET\) \(projected\))/;
const ANY_MARK = /^(?: \((?:ET, )?(?:projected|our advice)|, (?:projected|our advice)\b)/;

/**
 * seasonDaysIn's finds for one text, kept per table of named days: a step's words recur across
 * plans of one Match and zone, so each is read once, not on every plan. Merged in order, each
 * source once, as seasonDaysIn adds them.
 */
function seasonDaysOf(
  text: string,
  days: ReadonlyMap<string, readonly SeasonDate[]>,
  sources: string[],
): void {
  let memo = textSources.get(days);
  if (memo === undefined) {
    memo = new BoundedMemo<string, readonly string[]>(4096);
    textSources.set(days, memo);
  }
  let found = memo.get(text);
  if (found === undefined) {
    const fresh: string[] = [];
    seasonDaysIn(text, days, fresh);
    found = memo.keep(text, fresh);
  }
  for (const source of found) if (!sources.includes(source)) sources.push(source);
}

const textSources = new WeakMap<
  ReadonlyMap<string, readonly SeasonDate[]>,
  BoundedMemo<string, readonly string[]>
>();

function seasonDaysIn(
  text: string,
  days: ReadonlyMap<string, readonly SeasonDate[]>,
  sources: string[],
): void {
  for (const found of text.matchAll(DAY_IN_TEXT)) {
    const dates = days.get(found[0]);
    if (dates === undefined) continue;
    const after = text.slice(found.index + found[0].length, found.index + found[0].length + 80);
    const rest = after.slice(UP_TO_MARK.exec(after)?.[0].length ?? 0);
    const projected = PROJECTED_MARK.test(rest);
    const unmarked = !projected && !ANY_MARK.test(rest);
    for (const date of dates)
      if (date.status === "projected" ? projected : unmarked) seasonDateSources(sources, date);
  }
}

/**
 * The season dates of the plan's Match and the Matches on either side, by the days a text may name
 * them by: the ET day and the applicant's own (dayBy takes the earlier). Kept per Match and zone.
 */
function namedDays(context: PlanContext): ReadonlyMap<string, readonly SeasonDate[]> {
  const key = `${context.calendar.matchYear} ${context.zone}`;
  const known = namedDaysMemo.get(key);
  if (known !== undefined) return known;
  const days = new Map<string, SeasonDate[]>();
  const first = Math.min(...confirmedMatchYears());
  for (let year = context.calendar.matchYear - 1; year <= context.calendar.matchYear + 1; year++) {
    if (year < first) continue;
    const calendar = seasonCalendar(year);
    for (const date of [...Object.values(calendar.dates), ...calendar.contextDates]) {
      for (const day of new Set([renderDate(date.date), renderDate(localDate(context.zone, date.at))])) {
        const named = days.get(day);
        if (named === undefined) days.set(day, [date]);
        else if (!named.includes(date)) named.push(date);
      }
    }
  }
  return namedDaysMemo.keep(key, days);
}

const namedDaysMemo = new BoundedMemo<string, ReadonlyMap<string, readonly SeasonDate[]>>(512);
