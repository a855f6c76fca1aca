import type { CatalogEntry } from "../catalog/index.ts";
import { CONSULAR_INTERVIEWS } from "../consular-interviews.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { renderDate } from "../time.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import type { StepOwnDate } from "./own-date.ts";
import { residencyStartedAt } from "./residency-started.ts";

/**
 * Days after a consular interview (the J-1 visa, the H-1B stamping) by which its result is known
 * (advice): the consular officer decides at the interview, so a refusal under section 221(g) for
 * administrative processing, or the passport kept for the visa to be printed, is known at the
 * window, and an approved visa comes back with the passport within days; no authority gives one
 * figure. The result is asked at the first delivery slot after the interview day, never weeks later
 * (the USMLE's 28 days left a 221(g) applicant four weeks short before a 1 July start).
 */
export const VISA_DECISION_DAYS = 1;

/**
 * A booked consular interview (the visa step scheduled, or under way with its day) whose whole day
 * has gone by, residency's start still ahead, no result told: the visa's result is awaited. The
 * interview was what the applicant could do; whether the visa was issued is the question (its card
 * asks it, scheduledPassed), not a step behind. The step is then due by residency's start (the day
 * the visa must be in hand: residencyStartDue), so it is neither overdue nor "behind" since the
 * visa's date, whether the interview was on that date, before it or after it (a late booking was
 * critical the day it was given: visaInterviewBookedLate). `own` is the step's own date (ownDateOf).
 */
export function visaResultAwaited(
  context: PlanContext,
  entry: CatalogEntry,
  own: StepOwnDate | null,
): boolean {
  return (
    own?.passed === true && CONSULAR_INTERVIEWS.has(entry.key) && context.now < residencyStartedAt(context)
  );
}

/**
 * visaResultAwaited read from the step's answer alone, for the rules that have no own date in hand
 * (VISA_NOT_READY_FOR_START): the interview's day gone by (its next local midnight), residency's
 * start ahead.
 */
export function interviewResultAwaited(context: PlanContext, key: MilestoneKey): boolean {
  if (!CONSULAR_INTERVIEWS.has(key) || context.now >= residencyStartedAt(context)) return false;
  const status = statusOf(context, key);
  const date = context.entries.get(key)?.date;
  if (date === undefined || (status !== "scheduled" && status !== "in_progress")) return false;
  return dayEnd(context.zone, date) <= context.now;
}

/**
 * Whether a countdown rung toward residency's start (`deadline`), missed and caught up at the next
 * slot `catchUp` past that start, is a consular interview's result question: the interview's day
 * gone by (interviewResultAwaited). Such a rung is not sent in the night: with the interview the day
 * before the start, Lagos was asked "was the visa issued? … due by residency's start" at midnight, then
 * told the start was delayed at 08:00. The start's own notice that morning asks it, with the
 * "issued" button (START_DELAYED, visaResultAfterStart).
 */
export function resultAskedPastStart(
  context: PlanContext,
  target: { milestone: string; deadline: number },
  catchUp: number,
): boolean {
  // The rung counts down to residency's start: its deadline is the season's start instant (ET's
  // midnight), the countdown's own target, so the instant compares; the start west of ET
  // (residencyStartedAt) is read by the notices that take over after it.
  return (
    catchUp >= target.deadline &&
    target.deadline === context.calendar.dates.residency_start.at &&
    CONSULAR_INTERVIEWS.has(target.milestone) &&
    interviewResultAwaited(context, target.milestone as MilestoneKey)
  );
}

/**
 * The result question's title and why for a consular interview gone by (the follow-up the day after
 * it and the rungs toward residency's start): "Your J-1 visa interview was on Sat 15 May 2027: was
 * the visa issued? Tell us", never an exam's "results take about 4 weeks". `started`: the question
 * goes once residency has started (an interview on the start day or after it), so its why says the
 * start has come, never "before residency starts". Null for any other step.
 */
export function visaResultQuestion(
  entry: CatalogEntry,
  date: string,
  start: string,
  started = false,
): { title: string; why: string } | null {
  const name = CONSULAR_INTERVIEWS.get(entry.key);
  if (name === undefined) return null;
  const until = started
    ? `Residency started on ${start} and a program holds a delayed start only briefly: until you tell us, the plan cannot tell your program when you can start.`
    : `Until you tell us, the plan cannot tell whether your visa will be in hand before residency starts on ${start}.`;
  return {
    title: `Your ${name} was on ${renderDate(date)}: was the visa issued? Tell us`,
    why: `A consular officer decides at the interview: a refusal under section 221(g) for administrative processing, or a passport kept for the visa, is known that day, and an issued visa comes back with your passport within days (advice). ${until} If it was issued, mark this step done; if not, tell your program's GME office ${entry.key === "visa_j1" ? "and ECFMG" : "and its immigration office"} today, since administrative processing has no set length.`,
  };
}
