import { DAY_MS, ET_ZONE, etInstant, isoUtc, localDate, wallFromDate } from "../time.ts";
import confirmedData from "./confirmed.json" with { type: "json" };
import { type ConfirmedDate, type ConfirmedFile, ConfirmedFileFormatSchema } from "./confirmed-schema.ts";
import projectionRulesData from "./projection-rules.json" with { type: "json" };
import type { ProjectionFile, ProjectionRule } from "./schema.ts";
import { SeasonDataError, type SeasonDataProblem } from "./season-data-error.ts";
import { orderProblems } from "./season-order.ts";

export type { ProjectionRule } from "./schema.ts";
export { CONFIRMED_FILE, SeasonDataError, type SeasonDataProblem } from "./season-data-error.ts";

/**
 * Season calendars as data: confirmed dates (confirmed.json) read from the authority, and rules
 * (projection-rules.json) that project any later season. The files are read as their types here:
 * their zod schemas (./schema.ts) are checked against them by test/unit/domain/data-files.test.ts,
 * so a malformed edit fails the tests instead of mis-planning. confirmed.json, edited by hand each
 * season, is also checked on the first calendar asked for (assertSeasonData), so a run on an edit
 * the tests did not see fails naming the file and the entry, never the applicant's Match year.
 */

/** The dates every season has and the planner relies on. */
export const SEASON_DATE_KEYS = [
  "eras_previous_season_ends",
  "eras_season_opens_myeras",
  "nrmp_program_registration_opens",
  "eras_applicants_may_submit",
  "nrmp_applicant_registration_opens",
  "eras_programs_may_review_applications_and_mspe",
  "nrmp_early_registration_deadline_late_fee_after",
  "nrmp_rank_order_list_entry_opens",
  "nrmp_program_quota_withdrawal_soap_deadline",
  "nrmp_rol_certification_and_late_registration_deadline",
  "nrmp_match_week_start_and_soap_start",
  "nrmp_soap_ends",
  "nrmp_match_day",
  "eras_season_ends",
  "residency_start",
] as const;
export type SeasonDateKey = (typeof SEASON_DATE_KEYS)[number];

const CONFIRMED = confirmedData as ConfirmedFile;
const PROJECTION = projectionRulesData as ProjectionFile;
const FIRST_CONFIRMED_YEAR = Math.min(...CONFIRMED.seasons.map((season) => season.matchYear));

/** One dated event of a season, always in US Eastern time. */
export interface SeasonDate {
  key: string;
  /** Local ET calendar date, "YYYY-MM-DD". */
  date: string;
  /** Local ET time "HH:MM", or null when the authority gives a day only (taken as its start). */
  time: string | null;
  zone: typeof ET_ZONE;
  status: "confirmed" | "projected";
  /** The source URL (confirmed) or the rule that projected it (projected). */
  source: string;
  note?: string;
  /**
   * Projected dates only, when the rule projects the earliest of earlier seasons' candidates: the
   * latest candidate's ET day ("YYYY-MM-DD"), and its rule (projection-rules.json latestCandidate).
   */
  latestCandidate?: { date: string; rule: string; said?: string };
  /** The instant, epoch milliseconds UTC. */
  at: number;
  /** The instant, ISO 8601 UTC. */
  iso: string;
}

/** A Match season: every date the planner relies on, plus context-only dates of that season. */
export interface SeasonCalendar {
  matchYear: number;
  /** "confirmed" only when every date in `dates` is confirmed. */
  status: "confirmed" | "projected";
  dates: Readonly<Record<SeasonDateKey, SeasonDate>>;
  /** Confirmed dates that are not projected for other seasons (e.g. a Pathways window). */
  contextDates: readonly SeasonDate[];
  /**
   * True on a calendar moved to the rank order list deadline's later candidate (laterCandidateCalendar),
   * which only refusals read: milestone deadlines with a latest candidate use it there.
   */
  laterCandidate?: true;
}

/**
 * A milestone offset's latest candidate (projection-rules.json milestoneOffsets `latestCandidate`:
 * days from the same season date, how it is said, its rule with sources), or undefined.
 */
export function milestoneLatestCandidate(
  milestone: string,
): { days: number; said: string; rule: string } | undefined {
  return PROJECTION.milestoneOffsets.find((entry) => entry.milestone === milestone)?.latestCandidate;
}

/**
 * A milestone offset's earliest candidate on the Match year's calendar (projection-rules.json
 * milestoneOffsets `earliestCandidate`: ECFMG's Pathways deadline of Dec 31, 6:00 PM ET for the 2024
 * Match), as an ET instant with how it is said and its rule, or undefined. A projection from a season
 * date never falls after it: the season date may be another authority's, confirmed later.
 */
export function milestoneEarliestCandidate(
  milestone: string,
  matchYear: number,
): { at: number; time: string | null; said: string; rule: string } | undefined {
  const candidate = PROJECTION.milestoneOffsets.find(
    (entry) => entry.milestone === milestone,
  )?.earliestCandidate;
  if (candidate === undefined) return undefined;
  const date = `${matchYear + candidate.yearOffset}-${pad2(candidate.month)}-${pad2(candidate.day)}`;
  return {
    at: etInstant(date, candidate.time),
    time: candidate.time,
    said: candidate.said,
    rule: candidate.rule,
  };
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

function isoDateOfWall(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}

function projectDate(rule: ProjectionRule, matchYear: number, resolved: Map<SeasonDateKey, string>): string {
  switch (rule.kind) {
    case "month_day":
      return `${matchYear + rule.yearOffset}-${pad2(rule.month)}-${pad2(rule.day)}`;
    case "nth_weekday": {
      const first = wallFromDate(`${matchYear + rule.yearOffset}-${pad2(rule.month)}-01`, 0);
      const firstIsoWeekday = ((new Date(first).getUTCDay() + 6) % 7) + 1;
      const dayOfMonth = 1 + ((rule.weekday - firstIsoWeekday + 7) % 7) + (rule.nth - 1) * 7;
      return `${matchYear + rule.yearOffset}-${pad2(rule.month)}-${pad2(dayOfMonth)}`;
    }
    case "offset_days": {
      const base = resolved.get(rule.from);
      if (base === undefined) throw new Error(`projection rule ${rule.key} needs ${rule.from} first`);
      return isoDateOfWall(wallFromDate(base, 0) + rule.days * DAY_MS);
    }
  }
}

/** Projects every season date for the Match year by the documented rules, in dependency order. */
/**
 * The applicant's own day ("YYYY-MM-DD" in their zone) that holds a season date's instant: the day
 * to compare an applicant's reported date with, since the applicant's dates are local days (the
 * Done button records `localDate(zone, now)`) while `SeasonDate.date` is the ET day. A local day
 * is on or before this day when it holds some moment at or before the instant (the last hours
 * before a 9:00 PM ET deadline are the next morning in Manila), and before it when it ends before
 * the instant's day begins. For a latest candidate (an ET day without an
 * instant), pass the season date's instant moved by the whole days between the two ET days.
 */
export function localDayOf(zone: string, date: Pick<SeasonDate, "at">): string {
  return localDate(zone, date.at);
}

export function projectSeasonDates(matchYear: number): Record<SeasonDateKey, SeasonDate> {
  const resolved = new Map<SeasonDateKey, string>();
  const pending = [...PROJECTION.rules];
  const result: Partial<Record<SeasonDateKey, SeasonDate>> = {};
  while (pending.length > 0) {
    const index = pending.findIndex((rule) => rule.kind !== "offset_days" || resolved.has(rule.from));
    const rule = pending[index];
    if (rule === undefined) throw new Error("projection rules have a cycle");
    pending.splice(index, 1);
    const date = projectDate(rule, matchYear, resolved);
    resolved.set(rule.key, date);
    const at = etInstant(date, rule.time);
    result[rule.key] = {
      key: rule.key,
      date,
      time: rule.time,
      zone: ET_ZONE,
      status: "projected",
      source: `projected: ${rule.rule}`,
      at,
      iso: isoUtc(at),
    };
    if (rule.kind === "month_day" && rule.latestCandidate !== undefined) {
      const { month, day, rule: why } = rule.latestCandidate;
      (result[rule.key] as SeasonDate).latestCandidate = {
        date: `${matchYear + rule.yearOffset}-${pad2(month)}-${pad2(day)}`,
        rule: `projected: ${why}`,
      };
    }
    if (rule.kind === "offset_days" && rule.latestCandidate !== undefined) {
      const { days, said, rule: why } = rule.latestCandidate;
      const base = resolved.get(rule.from) as string;
      (result[rule.key] as SeasonDate).latestCandidate = {
        date: isoDateOfWall(wallFromDate(base, 0) + days * DAY_MS),
        rule: `projected: ${why}`,
        said,
      };
    }
  }
  return result as Record<SeasonDateKey, SeasonDate>;
}

function fromConfirmed(entry: ConfirmedDate): SeasonDate {
  const at = etInstant(entry.date, entry.time);
  return {
    key: entry.key,
    date: entry.date,
    time: entry.time,
    zone: ET_ZONE,
    status: "confirmed",
    source: entry.source,
    ...(entry.note === undefined ? {} : { note: entry.note }),
    at,
    iso: isoUtc(at),
  };
}

function isSeasonDateKey(key: string): key is SeasonDateKey {
  return (SEASON_DATE_KEYS as readonly string[]).includes(key);
}

/** A season's dates: the rules' projection, with the dates confirmed.json lists for it in their place. */
function mergedDates(
  matchYear: number,
  confirmedSeason: ConfirmedFile["seasons"][number] | undefined,
): { dates: Record<SeasonDateKey, SeasonDate>; contextDates: SeasonDate[] } {
  const dates = projectSeasonDates(matchYear);
  const contextDates: SeasonDate[] = [];
  for (const entry of confirmedSeason?.dates ?? []) {
    if (isSeasonDateKey(entry.key)) dates[entry.key] = fromConfirmed(entry);
    else contextDates.push(fromConfirmed(entry));
  }
  return { dates, contextDates };
}

/**
 * Every confirmed season whose calendar (its confirmed dates with the rules' projection of the rest)
 * has two dates out of their season order (./season-order.ts), naming the entry and both keys.
 */
export function seasonOrderProblems(file: ConfirmedFile): SeasonDataProblem[] {
  return orderProblems(file, (season) => mergedDates(season.matchYear, season).dates);
}

/** confirmed.json's problems: its shape first, then (on a well-formed file) its season order. */
export function confirmedFileProblems(file: unknown): SeasonDataProblem[] {
  const parsed = ConfirmedFileFormatSchema.safeParse(file);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      path: issue.path.filter((part): part is string | number => typeof part !== "symbol"),
      message: issue.message,
    }));
  }
  return seasonOrderProblems(parsed.data);
}

let seasonDataChecked = false;

/**
 * Throws SeasonDataError when confirmed.json fails its schema or its season order; checked once,
 * on the first calendar, so a cold start that plans nothing does not pay for it.
 */
export function assertSeasonData(): void {
  if (seasonDataChecked) return;
  const problems = confirmedFileProblems(CONFIRMED);
  if (problems.length > 0) throw new SeasonDataError(problems);
  seasonDataChecked = true;
}

const calendarCache = new Map<number, SeasonCalendar>();

/**
 * The calendar of the Match year N (ERAS opens June of N-1, ROL deadline February of N, Match Day
 * March of N, residency starts July 1 of N). Dates listed in confirmed.json for that year are
 * `confirmed` with their source; every other date is `projected` with its rule. Deterministic and
 * cached; the returned object is frozen. Throws RangeError before the first confirmed season, and
 * SeasonDataError when confirmed.json fails its check (assertSeasonData).
 */
export function seasonCalendar(matchYear: number): SeasonCalendar {
  const cached = calendarCache.get(matchYear);
  if (cached !== undefined) return cached;
  assertSeasonData();
  if (!Number.isInteger(matchYear) || matchYear < FIRST_CONFIRMED_YEAR) {
    throw new RangeError(`no season data before the ${FIRST_CONFIRMED_YEAR} Match (asked for ${matchYear})`);
  }
  const confirmedSeason = CONFIRMED.seasons.find((season) => season.matchYear === matchYear);
  const { dates, contextDates } = mergedDates(matchYear, confirmedSeason);
  const allConfirmed = SEASON_DATE_KEYS.every((key) => dates[key].status === "confirmed");
  const calendar: SeasonCalendar = Object.freeze({
    matchYear,
    status: allConfirmed ? "confirmed" : "projected",
    dates: Object.freeze(dates),
    contextDates: Object.freeze(contextDates),
  });
  calendarCache.set(matchYear, calendar);
  return calendar;
}

/** The Match years that have at least one confirmed date. */
export function confirmedMatchYears(): number[] {
  return CONFIRMED.seasons.map((season) => season.matchYear);
}
