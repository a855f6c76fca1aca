import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";

/**
 * How many Match years past both the next Match and the graduation year (plus two) a target can
 * be before it reads as a typo (advice): a first-year student in a six-year course targets the
 * Match about six years out; a target beyond that, or years after graduating, is rarely meant.
 */
export const PLAUSIBLE_MATCH_YEARS_AHEAD = 6;

/**
 * MATCH_YEAR_IMPLAUSIBLE (critical, so the advisor hears of it): the target Match year is far past
 * anything the applicant's path suggests (e.g. 2100 for 2027), so the plan, laid backwards from that
 * Match, would stay silent for years. The plan is still made, with the year as given; the risk asks
 * the applicant to check it. Null when the year is plausible. Pure: the year of `now` is read from
 * the context, never from a clock.
 */
export function implausibleMatchYearRisk(context: PlanContext): Risk | null {
  const nextMatch = nextMatchYear(context.now);
  const graduationYear = Number(context.applicant.graduation.slice(0, 4));
  const latestPlausible = Math.max(nextMatch + PLAUSIBLE_MATCH_YEARS_AHEAD, graduationYear + 2);
  const target = context.calendar.matchYear;
  if (target <= latestPlausible) return null;
  return {
    code: "MATCH_YEAR_IMPLAUSIBLE",
    severity: "critical",
    message: `Your target is the ${target} Match, ${target - nextMatch} years after the next Match (${nextMatch}), and you graduate in ${graduationYear}: is the year a typo? This plan is laid backwards from the ${target} Match, so it would remind you of nothing for years, and its dates are only projected by rule. Check your target Match year and correct it; most applicants aim at the first Match after graduation whose exams they can finish.`,
    milestones: [],
    sources: [
      `advice: a target more than ${PLAUSIBLE_MATCH_YEARS_AHEAD} Match years past the next Match, or more than two years past graduation, is rarely meant; most applicants aim at the first Match after graduation whose exams they can finish`,
    ],
  };
}

/** The span of instants (from 1 April UTC, inclusive, to the next 1 April) whose next Match is `year`. */
let lastSpan = { from: 0, to: 0, year: 0 };

/**
 * The year of the next Match at `now` (UTC ms). The Match is in March: from April, the next one is
 * next year's. The last span found is kept, because plans made together share `now` and a Date
 * per plan showed in the planner's profile.
 */
function nextMatchYear(now: number): number {
  if (now >= lastSpan.from && now < lastSpan.to) return lastSpan.year;
  const date = new Date(now);
  const year = date.getUTCFullYear() + (date.getUTCMonth() >= 3 ? 1 : 0);
  lastSpan = { from: Date.UTC(year - 1, 3, 1), to: Date.UTC(year, 3, 1), year };
  return year;
}
