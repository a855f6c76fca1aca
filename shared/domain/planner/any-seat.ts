import { catalogEntry, FEEDS_RANKING } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, ET_ZONE } from "../time.ts";
import { EXAM_BOOKING_DAYS, EXAM_BOOKING_SOURCE, SCORE_REPORTING_DAYS } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { plannedDay } from "./earliest-certification.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource } from "./risk-sources.ts";

/**
 * An exam under way but not booked, whose result must reach NRMP by the rank order list deadline
 * (the USMLE exams), once the usual week for a seat (EXAM_BOOKING_DAYS, advice) runs past its last
 * sitting day: the booking allowance alone never writes the season off (lead's ruling on tester t9m
 * F12, as t9l F16 did for OET's preparation; feasibility counts any seat by that day, examAt), so
 * until that day EXAMS_LATE_FOR_RANKING warns critically: find any seat by it.
 */
export function onlyOnAnySeat(
  context: PlanContext,
  key: MilestoneKey,
  day: number | null,
  latestSitting: number,
): boolean {
  if (day !== null || !underWayUsmle(context, key)) return false;
  const from = latestSitting - EXAM_BOOKING_DAYS * DAY_MS;
  noteRiskChange(context, from);
  return context.now > from && context.now <= latestSitting;
}

/**
 * Whether EXAMS_LATE_FOR_RANKING names `key` as in reach only on any seat (onlyOnAnySeat), for the
 * notice's title, phase and deadline: not booked, and the usual week from now passes its last
 * sitting day (the rank order list deadline less its reporting allowance, the step's due date).
 */
export function namedOnAnySeat(context: PlanContext, key: MilestoneKey): boolean {
  if (plannedDay(context, key) !== null || !underWayUsmle(context, key)) return false;
  const rol = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;
  const days = catalogEntry(key).reportingDays?.days ?? SCORE_REPORTING_DAYS;
  return context.now + EXAM_BOOKING_DAYS * DAY_MS > shiftDays(rol, ET_ZONE, -days);
}

/** A USMLE exam NRMP needs (no result feeding another step), begun and not finished. */
function underWayUsmle(context: PlanContext, key: MilestoneKey): boolean {
  if (key === "ecfmg_pathway" || FEEDS_RANKING.has(key)) return false;
  const status = statusOf(context, key);
  return status !== "not_started" && !isFinished(status);
}

/** EXAMS_LATE_FOR_RANKING's words for it (`by`: latestBy's "take it by …"); the source goes to `preparation`. */
export function anySeatWords(
  context: PlanContext,
  subject: string,
  by: string,
  preparation: string[],
): string {
  addSource(preparation, EXAM_BOOKING_SOURCE);
  return `Your ${subject} is not booked, and a test-centre seat usually takes about ${EXAM_BOOKING_DAYS} days to find, our advice, past the last sitting that still counts: the ${context.calendar.matchYear} Match is in reach only if you find any seat you can and ${by}`;
}
