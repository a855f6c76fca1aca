import { DAY_MS, renderDate } from "../time.ts";
import { bookingDaysOf, OET_BOOKING_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";
import { cutOffMark, dayText, lastSittingDay, sittingCutOffOf } from "./last-sitting-day.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { oetClosedByDayWords } from "./oet-booking-day.ts";
import { EXAM_TARGET_WHY } from "./target-passed-words.ts";

/**
 * The words of rebookWords (missed-sitting.ts) after "If you did not take it, ", by phase:
 * never "sit it today … book a seat now (about a week)", an
 * instruction no one can carry out. `phase`: 3 before the day with the booking allowance still
 * before it, 4 within that allowance, 2 the day before, 1 the day itself. `by` is sittingDueWords'
 * ("by Wed 27 Jan 2027 at the latest"), `projected` the day's mark (basisMark: " (our advice)"). OET Medicine is sat on
 * fixed session dates (OET_BOOKING_DAYS, advice: check OET's session calendar), not the USMLE seat
 * week. On the day itself, what is still possible: a sitting by the last sitting day under NRMP's
 * later candidate deadline (laterCandidateCalendar) when there is one, else the day decides it.
 */
export function rebookPhaseWords(
  context: PlanContext,
  key: string,
  day: string,
  by: string,
  projected: string,
  phase: number,
  target: RebookAim | null,
): string {
  const oet = key === "oet_medicine";
  if (phase === 1) {
    const later = laterSitting(context, key, day);
    const check = oet ? "check OET's session calendar" : "look for any seat";
    if (later !== null)
      return `today, ${dayText(day)}, is the last sitting day on our projected deadline${projected}; if NRMP's ${context.calendar.matchYear} rank order list deadline turns out later (${later.said}), a sitting by ${dayText(later.day)}${later.mark} still counts: ${check} now and tell us your new date.`;
    return `today, ${dayText(day)}, is the last sitting day that still counts${projected}: tell us your result, or your new date, so the plan shows what it means for your Match.`;
  }
  // The usual booking time runs past the day: a seat found sooner still counts, so "any".
  const tight = phase === 2 || phase === 4;
  const week = bookingDaysOf(key) === 7 ? "a week" : `${bookingDaysOf(key)} days`;
  const sit = sitWords(day, by, projected, target);
  // Within OET's booking allowance no session by the day can usually be booked any more: what is
  // still possible, a late seat, and the later candidate's day, as on the day itself.
  if (oet && tight)
    return `${oetClosedByDayWords(day, projected)}, and tell us your new date${laterClause(context, key, day)}.`;
  if (oet)
    return `${sit}; OET sits on fixed session dates, so book the earliest session you can (booking usually takes about ${OET_BOOKING_DAYS} days, advice: check OET's session calendar).`;
  return tight
    ? `${sit}; find any seat you can by that day (a test date usually takes about ${week}, advice).`
    : `${sit}; book a seat now (a test date usually takes about ${week}, advice).`;
}

/** A step's target as a re-sit's words name it: its day with its mark, and whether it has passed. */
export interface RebookAim {
  day: string;
  passed: boolean;
}

/**
 * "sit it by Wed 27 Jan 2027 at the latest (our advice)", with the step's target first when given
 * (targetFirstWords), the last day beside it.
 */
function sitWords(day: string, by: string, projected: string, target: RebookAim | null): string {
  if (target === null) return `sit it ${by}${projected}`;
  return target.passed
    ? `${targetFirstWords(target)}, and ${dayText(day)}${projected} is the last day that still counts`
    : `${targetFirstWords(target)}, and ${by}${projected}`;
}

/** "sit it by <target>, its target (…)" while ahead; once passed, "sit it as soon as you can: its target, <day>, has passed (…)". */
export function targetFirstWords(target: RebookAim): string {
  return target.passed
    ? `sit it as soon as you can: its target, ${target.day}, has passed (${EXAM_TARGET_WHY})`
    : `sit it by ${target.day}, its target (${EXAM_TARGET_WHY})`;
}

/** "; if NRMP's … deadline turns out later (…), a sitting by <day> still counts" when there is such a day, else "". */
function laterClause(context: PlanContext, key: string, day: string): string {
  const later = laterSitting(context, key, day);
  return later === null
    ? ""
    : `; if NRMP's ${context.calendar.matchYear} rank order list deadline turns out later (${later.said}), a sitting by ${dayText(later.day)}${later.mark} still counts`;
}

/** The last sitting day under NRMP's later candidate, if there is one and it is after `day`; with its words. */
function laterSitting(
  context: PlanContext,
  key: string,
  day: string,
): { day: string; said: string; mark: string } | null {
  const later = laterCandidateCalendar(context.calendar);
  const candidate =
    context.calendar.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
  if (later === null || candidate === undefined) return null;
  const exam = key as Parameters<typeof sittingCutOffOf>[1];
  const laterDay = lastSittingDay(sittingCutOffOf(later, exam));
  if (laterDay <= day) return null;
  // Its mark by who sets the day (cutOffMark: advice, the result time counted back).
  const said = `${candidate.said ?? candidate.rule}, ${renderDate(candidate.date)}`;
  return { day: laterDay, said, mark: cutOffMark(later, exam) };
}

/** The first instant within `key`'s booking allowance before `end` (the day's end), for the phases. */
export function bookingWindowStart(key: string, end: number): number {
  return end - bookingDaysOf(key) * DAY_MS;
}
