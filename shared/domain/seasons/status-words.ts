import { laterPlannedMatchYear } from "../match-year-heading.ts";
import type { Plan } from "../plan.ts";
import { SEASON_DATE_KEYS, type SeasonCalendar, seasonCalendar } from "./index.ts";

/**
 * How a heading names the calendar a plan's dates are for (`noun`: "calendar", "season dates"):
 * "confirmed calendar", "projected calendar", or, once some but not all of the season's dates are
 * confirmed, "partly confirmed calendar (2 of 15 dates)", so whoever confirmed a date sees the edit
 * was read while the plan's `seasonStatus` keeps its two values ("projected" until every date is).
 * `calendar` is the season the plan is for: the later Match's when the plan moved to it.
 */
export function seasonStatusWords(
  plan: Pick<Plan, "matchYear" | "risks" | "seasonStatus">,
  noun: string,
  calendar: Pick<SeasonCalendar, "dates"> = seasonCalendar(laterPlannedMatchYear(plan) ?? plan.matchYear),
): string {
  if (plan.seasonStatus === "confirmed") return `confirmed ${noun}`;
  const confirmed = SEASON_DATE_KEYS.filter((key) => calendar.dates[key].status === "confirmed").length;
  return confirmed === 0 || confirmed === SEASON_DATE_KEYS.length
    ? `projected ${noun}`
    : `partly confirmed ${noun} (${confirmed} of ${SEASON_DATE_KEYS.length} dates)`;
}
