/** MATCH_YEAR_LAST_DAY's fixed words (match-year-last-day.ts), apart so that file stays one concern's size. */

import { markOfBasis } from "../date-basis.ts";
import { milestoneLatestCandidate, type SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import { byDay, byDayNear, endsLocalDay, when } from "./day-words.ts";
import { cutOffMark } from "./last-sitting-day.ts";
import { PATHWAY_DEADLINE_MARK } from "./pathway-deadlines.ts";
import type { PathwayLastDay } from "./pathway-last-day.ts";

/**
 * The mark after a day MATCH_YEAR_LAST_DAY names, by who sets it (never "(projected)"
 * for a day counted with advice allowances): the last sitting day of `seat` by its rule (cutOffMark),
 * the Pathway's deadline itself (`pathway`) projected, any other day (counted back with the chain's
 * allowances) our advice.
 */
export function lastDayMark(
  calendar: SeasonCalendar,
  seat: MilestoneKey | undefined,
  pathway: boolean,
): string {
  if (seat !== undefined) return cutOffMark(calendar, seat);
  return pathway ? PATHWAY_DEADLINE_MARK : markOfBasis("advice");
}

/** What misses its deadline a minute after the last day, by LastWorking.bound. */
export const AFTER_THAT_DAY = {
  pathway: "after that day your Pathway application would miss its projected deadline",
  documents: `after that day your OET result would reach ECFMG after its projected deadline for a Pathway application's supporting documents, {documents}${PATHWAY_DEADLINE_MARK}, and ECFMG would likely reject the application`,
  exams:
    "after that day, on our projection, your exams and Pathway would reach NRMP after the rank order list deadline",
} as const;

/** "Wed 27 Jan 2027" from "by Wed 27 Jan 2027", "Sat 26 Dec 2026, 6:00 PM PST (…)" from "today, by Sat 26 Dec 2026, 6:00 PM PST (…)". */
export function dayOf(by: string): string {
  return by.replace(/^((today|tomorrow), )?by /, "");
}

/** "a, b and c". */
export function listed(parts: readonly string[]): string {
  return parts.length < 2
    ? (parts[0] ?? "")
    : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/**
 * What follows the Pathway application's projected day when that day bounds the Match: not "your
 * plan moves to a later Match", which is untrue until the latest candidate
 * (pathway-unconfirmed-risk.ts), but "past that day ECFMG's 2027 deadline is not confirmed (it was 31
 * Dec, 6:00 PM ET for the 2024 Match and 31 Jan for the 2023 Match): submit at once and check ECFMG's
 * Pathways page", promising neither way. Null when the rule has no latest candidate.
 */
export function pathwayPastDayWords(year: number): string | null {
  const latest = milestoneLatestCandidate("ecfmg_pathway");
  return latest === undefined
    ? null
    : `past that day ECFMG's ${year} deadline is not confirmed (it was ${latest.said}): submit at once and check ECFMG's Pathways page`;
}

/**
 * "by <day>" for a last day that ends one of the applicant's days (a last sitting day), else the
 * instant in both zones, "by Thu 7 Jan 2027, 4:00 AM GMT+2 (Wed 6 Jan 2027, 9:00 PM ET)": a last day
 * counted back from an ET deadline ends at that deadline's hour, and a day alone read as the whole
 * of it (or, by the earlier of the two days, as a day before the notice's). Within its last 24
 * hours or once passed, byDay's words.
 */
export function lastDayBy(context: PlanContext, at: number): string {
  return byDayNear(context, at) || endsLocalDay(context.zone, at)
    ? byDay(context, at)
    : `by ${when(context, at)}`;
}

/**
 * The day a Pathway application not submitted past its projected deadline keeps the Match until
 * (pathwayLastDay: its deadline on NRMP's later candidate), named as the day after which the Match is lost,
 * never as one to wait for: " Your plan keeps the 2027 Match only until Tue 2 Feb 2027, 9:00 PM ET
 * (projected: …), and ECFMG's own may be earlier: do not wait for that day." Its countdown is
 * lastDayCountdown's (the risk's lastWorkingAt). Within its last 24 hours, with its hour ("today, by").
 */
export function pathwayKeptUntilWords(context: PlanContext, last: PathwayLastDay): string {
  // `projected`: the application's deadline on the later candidate; else the last day ECFMG's
  // review allowance (advice) still ends by the rank order list deadline.
  const why = last.projected
    ? "projected: ECFMG's deadline for the 2023 Match, counted to this season's later candidate"
    : "our advice: the last day ECFMG's review of an application still ends by the rank order list deadline";
  return ` Your plan keeps the ${context.calendar.matchYear} Match only until ${lastDayBy(context, last.at).replace(/^((today|tonight|tomorrow), )?by /, "$1")} (${why}), and ECFMG's own deadline may be earlier: do not wait for that day.`;
}
