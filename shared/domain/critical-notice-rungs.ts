/**
 * The rungs of a critical risk's notice, at the domain's root: the planner lays them
 * (planner/critical-risk-notice.ts), and the weekly summary (apply-preferences.ts, weekly-summary.ts)
 * lets them through on the day the risk is raised rather than gathering them.
 */

/** The rung of the out-of-reach notice (MATCH_YEAR_NOT_FEASIBLE): it belongs to no ladder, it is sent once. */
export const OUT_OF_REACH_RUNG = "match-year-out-of-reach";
/** The rung of every other critical risk's notice: it belongs to no ladder, it is sent once per risk. */
export const CRITICAL_RISK_RUNG = "critical-risk";

/** Whether a rung is a critical risk's notice (the out-of-reach one included), never a warning's. */
export function isCriticalNoticeRung(rung: string): boolean {
  return rung === CRITICAL_RISK_RUNG || rung === OUT_OF_REACH_RUNG;
}
