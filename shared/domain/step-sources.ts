import { BoundedMemo } from "./bounded-memo.ts";
import { dateBasis } from "./date-basis.ts";
import { laterPlannedMatchYear } from "./match-year-heading.ts";
import type { Deadline, NextStep, Plan } from "./plan.ts";
import { addSource } from "./planner/risk-sources.ts";
import { seasonDateSources } from "./seasons/date-words.ts";
import { confirmedMatchYears, type SeasonDate, seasonCalendar } from "./seasons/index.ts";
import { localDate, renderDate } from "./time.ts";

/**
 * `plan` with each next step's `sources`: what its card's dates rest on, as Risk.sources lists a
 * risk's (a projected date cites its projection rule, an official one its page). First the step's
 * own dates (target, deadline, the early deadline it missed), then every season date its words
 * name: a day of the plan's Match calendar or of the Matches beside it (SOAP's ended card names the
 * next season's MyERAS opening) that the why or the action writes with the date's own mark,
 * " (projected)" or ", projected" for a projected date and none for a confirmed one. A day the words
 * mark as our advice is advice counted by the step's rule, not the season date that falls on the same
 * day. The applicant's own dates cite nothing, and so does an interview's step (dated by the
 * applicant's record). `sources` is absent when nothing is cited.
 *
 * The Match is the one the plan is dated for (laterPlannedMatchYear: a plan moved to a later Match
 * names that Match's dates); `zone` is the applicant's IANA zone, the one the plan was made in (its
 * texts name local days). Applied where a step card is shown (the reminder email, the timeline, the
 * CLI), not by plan(): the planner Lambda, the send-time claims and the cohort's look-ahead re-plan
 * far more often than anyone reads a card, and reading every step's words cost the planner about 7 %
 * of a plan (the planner bench, interleaved). The steps are new objects; `plan` is not changed.
 */
export function withStepSources(plan: Plan, zone: string): Plan {
  const named = namedDays(laterPlannedMatchYear(plan) ?? plan.matchYear, zone);
  return { ...plan, nextSteps: plan.nextSteps.map((step) => withSourcesOf(step, named)) };
}

function withSourcesOf(step: NextStep, named: NamedDays): NextStep {
  if (step.milestone === "interview") return step;
  const sources: string[] = [];
  for (const date of [step.target, step.deadline, step.missedDeadline]) ownSource(sources, date);
  seasonDaysOf(step.why, named, sources);
  if (step.action !== step.why) seasonDaysOf(step.action, named, sources);
  return sources.length > 0 ? { ...step, sources } : step;
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
 * The season dates a Match and zone's texts may name (namedDays), with seasonDaysIn's finds for
 * each text read so far: a step's words recur across plans of one Match and zone, so each is read
 * once, not on every plan.
 */
interface NamedDays {
  matchYear: number;
  zone: string;
  days: ReadonlyMap<string, readonly SeasonDate[]>;
  texts: BoundedMemo<string, readonly string[]>;
}

/** seasonDaysIn's finds for one text, merged in order, each source once, as seasonDaysIn adds them. */
function seasonDaysOf(text: string, named: NamedDays, sources: string[]): void {
  let found = named.texts.get(text);
  if (found === undefined) {
    const fresh: string[] = [];
    seasonDaysIn(text, named.days, fresh);
    found = named.texts.keep(text, fresh);
  }
  for (const source of found) if (!sources.includes(source)) sources.push(source);
}

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
 * them by: the ET day and the applicant's own (dayBy takes the earlier). Kept per Match and zone;
 * the last asked is answered before the memo's look-up, as plans of one cohort share both.
 */
function namedDays(matchYear: number, zone: string): NamedDays {
  if (lastNamed !== undefined && lastNamed.matchYear === matchYear && lastNamed.zone === zone)
    return lastNamed;
  const key = `${matchYear} ${zone}`;
  lastNamed = namedDaysMemo.get(key) ?? namedDaysMemo.keep(key, namedDaysOf(matchYear, zone));
  return lastNamed;
}

let lastNamed: NamedDays | undefined;

function namedDaysOf(matchYear: number, zone: string): NamedDays {
  const days = new Map<string, SeasonDate[]>();
  const first = Math.min(...confirmedMatchYears());
  for (let year = matchYear - 1; year <= matchYear + 1; year++) {
    if (year < first) continue;
    const calendar = seasonCalendar(year);
    for (const date of [...Object.values(calendar.dates), ...calendar.contextDates]) {
      for (const day of new Set([renderDate(date.date), renderDate(localDate(zone, date.at))])) {
        const named = days.get(day);
        if (named === undefined) days.set(day, [date]);
        else if (!named.includes(date)) named.push(date);
      }
    }
  }
  // Bounded: besides the season's dates, the words name each applicant's own (a booked exam's day).
  return { matchYear, zone, days, texts: new BoundedMemo<string, readonly string[]>(4096) };
}

const namedDaysMemo = new BoundedMemo<string, NamedDays>(512);
