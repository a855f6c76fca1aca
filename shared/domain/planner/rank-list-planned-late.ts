import { basisMark } from "../date-basis.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import type { Risk } from "../plan.ts";
import { localDate, renderDate, renderInZone, startOfLocalDate, toWall, wallMinuteOfDay } from "../time.ts";
import { indexedStep } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { instantWords } from "./date-math.ts";
import { when } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { sittingAfterLastDay } from "./last-sitting-day.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citeSeasonDate, NRMP_EVENTS_URL } from "./risk-sources.ts";

/**
 * A rank order list planned (scheduled, or under way with its day given) for a local day that begins
 * after the rank order list deadline in the applicant's zone: a list certified then does not count,
 * so keeping that plan loses the Match, as an exam booked past its last day does. The card already
 * said the day was after the deadline, yet no risk was raised, the row read "soon" until the 3-day
 * rung, and the emails were the routine countdown. The day is judged as the card judges it
 * (sittingAfterLastDay): a day that holds the deadline (Auckland's Thursday, the deadline at 3:00 PM)
 * is not after it, unless it falls in that day's morning (Lagos's Thursday at 3:00 AM, Manila's at
 * 10:00 AM): a list certified "on the 25th" is certified in the daytime, after it stopped counting,
 * so the same risk, naming the hour. Only while the deadline is ahead: once it has passed, the list not certified by
 * then is the past-deadline rules' (SEASON_OVER, the card's own words).
 */
const RANK_ORDER_LIST = indexedStep("rank_order_list");

/** The deadline's local hour before which a planned day holding it counts as too late: noon. */
const MORNING_END_MINUTE = 12 * 60;

/** Whether the deadline `due` falls on the applicant's local day `date` before noon there. */
function inPlannedMorning(context: PlanContext, date: string, due: number): boolean {
  return (
    localDate(context.zone, due) === date && wallMinuteOfDay(toWall(context.zone, due)) < MORNING_END_MINUTE
  );
}

/**
 * The planned day (ISO date) and the deadline's instant, when the day is after the deadline or holds
 * it in its morning (`morning`); else null.
 */
function plannedLate(
  context: PlanContext,
  dates: PlanDates,
): { date: string; due: number; morning: boolean } | null {
  const status = statusAt(context, RANK_ORDER_LIST.index);
  if (status !== "scheduled" && status !== "in_progress") return null;
  const date = context.entries.at(RANK_ORDER_LIST.index)?.date;
  const due = dates.dueAt(RANK_ORDER_LIST.index);
  if (date === undefined || due === null || due.at < context.now) return null;
  const day = startOfLocalDate(context.zone, date);
  if (sittingAfterLastDay(context, RANK_ORDER_LIST.key, day, due))
    return { date, due: due.at, morning: false };
  return inPlannedMorning(context, date, due.at) ? { date, due: due.at, morning: true } : null;
}

/**
 * ", or on Wed 24 Feb 2027", the day before the planned day, while that day is still ahead for her;
 * from her midnight opening the planned day, nothing (the day before has gone): noted as a re-plan.
 */
function dayBefore(context: PlanContext, date: string): string {
  const dayStart = startOfLocalDate(context.zone, date);
  noteRiskChange(context, dayStart);
  return context.now < dayStart ? `, or on ${renderDate(shiftIsoDay(date, -1))}` : "";
}

/**
 * ROL_PLANNED_AFTER_DEADLINE (critical, its notice when it appears) for a rank order list planned
 * for a day after its deadline, the deadline still ahead and the Match in reach (`inReach`: no gate
 * held, not out of reach); null otherwise.
 */
export function rankListPlannedLateRisk(
  context: PlanContext,
  dates: PlanDates,
  inReach: boolean,
): Risk | null {
  const late = inReach ? plannedLate(context, dates) : null;
  if (late === null) return null;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const sources: string[] = [];
  const deadline = `${when(context, late.due)}${citeSeasonDate(rol, sources)}`;
  addSource(sources, NRMP_EVENTS_URL);
  const loses = `a list not certified by then does not count, and without one you cannot match in the ${context.calendar.matchYear} Match`;
  const resend = "and send your intake form again with the new date (or give it to your advisor)";
  // Its hour on that day as her clock shows it: "3:00 AM" of "Thu 25 Feb 2027, 3:00 AM GMT+1".
  const local = renderInZone(context.zone, late.due);
  const hour = local
    .slice(local.indexOf(", ") + 2)
    .split(" ")
    .slice(0, 2)
    .join(" ");
  const message = late.morning
    ? `You plan to certify your rank order list on ${renderDate(late.date)}, but on that day the rank order list deadline is at ${hour} your time, ${deadline}: ${loses}. Certify it in R3 by then${dayBefore(context, late.date)}, ${resend}.`
    : `You plan to certify your rank order list on ${renderDate(late.date)}, after the rank order list deadline, ${deadline}: ${loses}. Certify it in R3 by ${deadline}, ${resend}.`;
  return Object.freeze({
    code: "ROL_PLANNED_AFTER_DEADLINE",
    severity: "critical",
    message,
    milestones: Object.freeze(["rank_order_list"]) as Risk["milestones"],
    sources: Object.freeze(sources) as string[],
  });
}

/**
 * Its notice's title: the day planned is too late, certify before the deadline, named in the
 * applicant's time ("Wed 24 Feb 2027, 4:00 PM HST (projected)"), which the subject carries.
 */
export function rankListPlannedLateTitle(context: PlanContext): string {
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const { local } = instantWords(context.zone, rol.at, false);
  return `The day you plan to certify your rank order list is too late: certify it before ${local}${basisMark(rol)}`;
}
