import type { Risk } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { renderEt, renderInZone } from "../time.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { citeSeasonDate } from "./feasibility-risk.ts";
import { textsOf } from "./match-outcome-texts.ts";

const NRMP_DATES_URL = "http://www.nrmp.org/residency/main-match-events/";

function when(context: PlanContext, at: number): string {
  return `${renderInZone(context.zone, at)} (${renderEt(at)})`;
}

/**
 * Whether the target Match is over for the applicant: its rank order list deadline (official: NRMP
 * Match calendar, the season's data) passed without a certified list. Its season's steps (catalog
 * `seasonBound`) then ask for nothing: no fee, no wait on a step, no action (tester s7 issue 14 C5).
 */
export function seasonIsOver(context: PlanContext): boolean {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  return context.now > rol && !isFinished(statusOf(context, "rank_order_list"));
}

/**
 * The rank order list step's action once the Match is over for the applicant (seasonIsOver): not
 * "certify it once ranking opens", which SEASON_OVER contradicts, but what next (session 8 issue 9).
 */
export function seasonOverRolAction(context: PlanContext): string {
  return `The rank order list deadline passed without a certified list, so ${textsOf(context.calendar).matchOver}`;
}

/**
 * SEASON_OVER: the rank order list deadline passed without a certified list. Names the next Match
 * and its own rank order list deadline (a date, not only a year), each marked "(projected)" when
 * it is; the projection rules go to `sources`, not into the sentence an escalation quotes.
 */
export function seasonOverRisk(context: PlanContext): Risk {
  const { calendar } = context;
  const rolDate = calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const next = calendar.matchYear + 1;
  const nextRol = seasonCalendar(next).dates.nrmp_rol_certification_and_late_registration_deadline;
  const sources: string[] = [];
  const refused = context.rolRefused?.reason === "after-deadline" ? context.rolRefused.date : null;
  const passed = `${when(context, rolDate.at)}${citeSeasonDate(rolDate, NRMP_DATES_URL, sources)}`;
  const nextDeadline = `${when(context, nextRol.at)}${citeSeasonDate(nextRol, NRMP_DATES_URL, sources)}`;
  return {
    code: "SEASON_OVER",
    severity: "critical",
    message: `The rank order list deadline for the ${calendar.matchYear} Match passed on ${passed} without a certified list${refused === null ? "" : ` (your list dated ${refused} is after it, so it cannot count for that Match)`}: that Match has passed for you. Plan for the ${next} Match, whose rank order list deadline is ${nextDeadline}${refused === null ? "" : `; if you meant the ${next} Match all along, change your target Match year`}.`,
    milestones: ["rank_order_list"],
    sources,
  };
}
