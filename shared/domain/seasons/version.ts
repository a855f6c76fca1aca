import { stableHash } from "../hash.ts";
import { MATCH_YEARS } from "../snapshot-keys.ts";
import { type SeasonCalendar, seasonCalendar } from "./index.ts";

/**
 * A season calendar's version: `<matchYear>:<hash of every date the planner can read>`. Stored with
 * each plan, so a moved date (an edit of confirmed.json or projection-rules.json, shipped in a
 * deploy) is seen as "this plan was computed with another calendar" and the daily sweeper
 * re-plans exactly the applicants of that season (DESIGN decision 1: changing a date re-plans every
 * affected applicant). The year is in clear so one season's edit never touches another's plans.
 */
export function calendarVersion(calendar: SeasonCalendar): string {
  const parts: string[] = [String(calendar.matchYear), calendar.status];
  for (const date of [...Object.values(calendar.dates), ...calendar.contextDates]) {
    parts.push(`${date.key}|${date.date}|${date.time ?? ""}|${date.status}|${date.iso}`);
  }
  return `${calendar.matchYear}:${stableHash(parts.sort().join("\n"))}`;
}

const versionCache = new Map<number, string>();

/** The version of the Match year's calendar as this build ships it (cached). */
export function seasonCalendarVersion(matchYear: number): string {
  const cached = versionCache.get(matchYear);
  if (cached !== undefined) return cached;
  const version = calendarVersion(seasonCalendar(matchYear));
  versionCache.set(matchYear, version);
  return version;
}

/** The Match years an applicant may have (the snapshot schema's bounds). */
export function supportedMatchYears(): number[] {
  const { earliest, latest } = MATCH_YEARS;
  return Array.from({ length: latest - earliest + 1 }, (_, index) => earliest + index);
}

/** The current version of every supported season, in year order: what every stored plan should carry. */
export function currentCalendarVersions(): string[] {
  return supportedMatchYears().map(seasonCalendarVersion);
}
