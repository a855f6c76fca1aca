import type { Risk } from "../plan.ts";
import { DAY_MS } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { riskMark } from "./risk-mark.ts";

// MATCH_YEAR_LAST_DAY's last week: a warning
// until then, critical with a notice of its own in it. Apart from its countdown
// (match-year-last-day-countdown.ts) so the notice's title rules can read it without its imports.

/** How long before its last day MATCH_YEAR_LAST_DAY turns critical, with its notice: its last week. */
export const LAST_WEEK_DAYS = 7;

/**
 * Whether the last day `actBy` (epoch ms) is within its last LAST_WEEK_DAYS days at `now`: then
 * MATCH_YEAR_LAST_DAY is critical. The turn is a risk change, so the plan wakes for it.
 */
export function lastDayInLastWeek(context: PlanContext, actBy: number): boolean {
  const from = actBy - LAST_WEEK_DAYS * DAY_MS;
  noteRiskChange(context, from);
  return context.now >= from && context.now <= actBy;
}

/**
 * MATCH_YEAR_LAST_DAY risks made critical by lastDayInLastWeek: their notice has its own title
 * (LAST_WEEK_TITLE) and phase, and is due the last day itself (riskMark).
 */
const lastWeek = riskMark();

/** Marks `risk` as MATCH_YEAR_LAST_DAY in its last week (see lastWeek); returns it. */
export const markedLastWeek = lastWeek.mark;

/** Whether `risk` is MATCH_YEAR_LAST_DAY turned critical in its last week (markedLastWeek). */
export const inLastWeek = lastWeek.has;

/** The notice title of a last-week MATCH_YEAR_LAST_DAY ({year}, {feasible}: noticeTitle's). */
export const LAST_WEEK_TITLE =
  "Your last days for the {year} Match: act now, or your plan moves to the {feasible} Match";
/** Its notice phase (criticalNoticeId): a notice of its own, apart from the later candidate's. */
export const LAST_WEEK_PHASE = "last-week";

/** The mark of an ECFMG application planned after its last day (application-planned-late.ts), for lastWeekTitle. */
const plannedLate = riskMark();
export const markedPlannedLate = plannedLate.mark;

/**
 * The title of a last-week MATCH_YEAR_LAST_DAY's notice: the planned-late application's names the day
 * planned ("Your last days" read months ahead of the day), any other LAST_WEEK_TITLE.
 */
export function lastWeekTitle(risk: Risk): string {
  return plannedLate.has(risk)
    ? "Your ECFMG application is planned after your last day for the {year} Match: move it earlier, or your plan moves to the {feasible} Match"
    : LAST_WEEK_TITLE;
}
