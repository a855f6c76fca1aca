import { basisMark } from "../date-basis.ts";
import type { Risk, StepSubject } from "../plan.ts";
import { EXAM_BOOKING_DAYS, SCORE_REPORTING_DAYS, SCORE_REPORTING_SOURCE } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dayBy, dueDay, when } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { J1_ALTERNATIVE_TOO, J1_SOURCES, whyBeforeRanking } from "./h1b-words.ts";
import { dayText, sittingDayEnd } from "./last-sitting-day.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { addSource, citeSeasonDate } from "./risk-sources.ts";

/**
 * Whether an H-1B applicant's Step 3, booked on `day` (its local midnight) after its last sitting
 * day for ranking (`ruled`, the catalog rule's date: the rank order list deadline less the result's
 * four weeks), can still be moved to that day: a seat (about a week, advice) still fits before it
 * ends. One rule whatever the status:
 * not booked, the step is due by that day; booked after it, the step stays due by it and asks to move
 * the sitting (as the OET's card does), never "ranking on H-1B is out of reach, keep it" while an
 * earlier seat can still reach ranking. Notes the last day to move it, when the plan changes.
 */
export function step3MovableForRanking(context: PlanContext, ruled: DueDate | null, day: number): boolean {
  if (ruled === null || day <= ruled.at) return false;
  // Already through FSMB (a seat booked), abroad with the trip planned: only a seat is left to find.
  const moveBy = shiftDays(sittingDayEnd(context.zone, ruled), context.zone, -EXAM_BOOKING_DAYS);
  noteRiskChange(context, moveBy);
  return context.now < moveBy;
}

/**
 * STEP3_NEEDED_FOR_H1B, critical, for a Step 3 booked on `day` (ISO `booked`) too late for ranking
 * while its last sitting day for ranking (the step's rule in `dates`) is ahead
 * (step3MovableForRanking): move it to that day or earlier; if no earlier seat is open, the booked
 * one still serves the petition after the Match when it is before the petition's sit-by day
 * (`petition`: petitionDue), with J-1 programs ranked too. Null otherwise.
 */
export function step3MoveForRankingRisk(
  context: PlanContext,
  dates: PlanDates,
  day: number,
  date: string | undefined,
  petition: DueDate | null,
): Risk | null {
  const ruled = dates.due("usmle_step3");
  if (date === undefined || ruled === null || !step3MovableForRanking(context, ruled, day)) return null;
  const booked = date.slice(0, 10);
  const rolDate = context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline;
  const sources: string[] = [];
  const why = whyBeforeRanking(sources);
  const rolText = `${when(context, rolDate.at)}${citeSeasonDate(rolDate, sources)}`;
  addSource(sources, SCORE_REPORTING_SOURCE);
  for (const source of J1_SOURCES) addSource(sources, source);
  const reportedBy = shiftDays(day, context.zone, SCORE_REPORTING_DAYS);
  return {
    code: "STEP3_NEEDED_FOR_H1B",
    severity: "critical",
    message: `Your Step 3 on ${dayText(booked)} is too late for ranking on H-1B: ${why}, ${rolText}, and its result, up to ${SCORE_REPORTING_DAYS} days, would reach programs around ${dayBy(context, reportedBy)}. Move it: book a sitting on or before ${dueDay(context, ruled)}${basisMark(ruled)}, and tell us the new date.${petitionWords(context, day, booked, petition)} ${J1_ALTERNATIVE_TOO}`,
    milestones: ["usmle_step3", "visa_h1b"] as StepSubject[],
    sources,
  };
}

/**
 * What the booked sitting does for the H-1B petition after the Match, whose sit-by day is `petition`
 * (petitionDue: the day whose result still reaches the petition). Said as a day to sit by, never as
 * the pass's: "needs your Step 3 pass, by Fri 19 Mar" read a day before the result the same risk expects.
 */
export function petitionWords(
  context: PlanContext,
  day: number,
  booked: string,
  petition: DueDate | null,
): string {
  if (petition === null) return "";
  const by = `${dueDay(context, petition)}${basisMark(petition)}`;
  return day < petition.at
    ? ` If no earlier seat is open, keep ${dayText(booked)}: the H-1B petition after the Match still needs Step 3 sat by ${by}, so that its result reaches the petition, and your sitting is on or before that day.`
    : ` As booked, it is too late for the H-1B petition after the Match too, which needs Step 3 sat by ${by}, so that its result reaches the petition.`;
}
