import { catalogEntry } from "../catalog/index.ts";
import { CONSULAR_INTERVIEWS } from "../consular-interviews.ts";
import { basisMark } from "../date-basis.ts";
import type { Deadline } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, renderDate, startOfLocalDate } from "../time.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { deadlineDay, shiftDays } from "./date-math.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate } from "./deadlines.ts";
import { sittingAfterLastDay } from "./last-sitting-day.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { visaLineOf } from "./visa-moved-past-start.ts";

/** "J-1 visa interview" for a visa step booked as a consular interview (CONSULAR_INTERVIEWS); undefined for any other step. */
export function interviewName(key: MilestoneKey): string | undefined {
  return CONSULAR_INTERVIEWS.get(key);
}

/** A consular interview booked after the day this plan needs the visa in hand (visaInterviewBookedLate). */
export interface LateInterview {
  /** The booked day (ISO date), as the applicant gave it. */
  booked: string;
  /** "your J-1 visa interview is booked for …, after …": the risk's words; what to do is lateInterviewAdvice. */
  words: string;
  /** The booked day is today in the applicant's zone: "is today, …", and no earlier appointment to ask for. */
  today: boolean;
  /**
   * "warning" for a day before the start's last week (visaLineOf): VISA_INTERVIEW_AFTER_VISA_DATE.
   * "critical" for a day in the start's last week or on or after the start, whenever the DS-2019
   * came (the risk to the start is the interview's day): VISA_NOT_READY_FOR_START.
   */
  severity: "warning" | "critical";
}

/**
 * A visa interview (the J-1 visa, the H-1B stamping) booked (scheduled, or under way with its day
 * given) after `due`, the visa's date (our advice: the visa in hand two weeks before residency
 * starts, for the trip and orientation), the interview still ahead: the booking itself is known to
 * be too late the day it is given, not once our date has passed. The card's scheduledAfterDeadline
 * words judge it the same way (sittingAfterLastDay). VISA_NOT_READY_FOR_START names it at once
 * (critical: the visa is issued only after the interview, then the trip, and the booked day leaves
 * less than the time this plan keeps for both, or falls after the start). Null otherwise, and once
 * the interview day has gone by (its card then asks whether the visa was issued). The interview's
 * end is noted for re-planning.
 */
export function visaInterviewBookedLate(
  context: PlanContext,
  key: MilestoneKey,
  due: DueDate | null,
): LateInterview | null {
  if (!CONSULAR_INTERVIEWS.has(key) || due === null) return null;
  const status = statusOf(context, key);
  const given = context.entries.get(key);
  if (given?.date === undefined || (status !== "scheduled" && status !== "in_progress")) return null;
  const day = startOfLocalDate(context.zone, given.date);
  const over = shiftDays(day, context.zone, 1);
  noteRiskChange(context, over);
  if (over <= context.now || !sittingAfterLastDay(context, key, day, due)) return null;
  const today = day <= context.now;
  // Its morning turns "booked for" into "today" (and the advice with it): a re-planning instant.
  if (!today) noteRiskChange(context, day);
  return {
    booked: given.date,
    words: lateInterviewWords(context, key, given.date, day, due, today),
    today,
    severity: interviewWarned(context, key, day, due) ? "warning" : "critical",
  };
}

/**
 * Whether a consular interview on the day starting `day`, after the visa's date `due`, still lets the
 * start hold, the one test the card, the risk (VISA_INTERVIEW_AFTER_VISA_DATE, a warning, or else
 * VISA_NOT_READY_FOR_START) and so the advisor's sentence read: before the start's last week
 * (visaLineOf: for the 2027 Match, 17-23 Jun), the visa issued within days of the interview (advice),
 * where a critical "your start may be delayed" was a false alarm. From the start's last week on, the
 * interview's day leaves too little for the visa's issuance and the trip, however the booking came to
 * be so late (a DS-2019 received late included): never "your start can still hold".
 */
export function interviewWarned(context: PlanContext, key: MilestoneKey, day: number, due: DueDate): boolean {
  if (!CONSULAR_INTERVIEWS.has(key)) return false;
  return visaLineOf(context, due.at, shiftDays(day, context.zone, 1)) === "before the last week";
}

/**
 * "your J-1 visa interview is booked for Fri 25 Jun 2027, after Wed 16 Jun 2027 (our advice), …":
 * the days the booking leaves before residency starts (the booked day to the start's day, in the
 * applicant's calendar), beside the days the catalog's rule keeps between the visa's date and the
 * start (two weeks, advice) for the visa to be issued and the trip to orientation.
 */
function lateInterviewWords(
  context: PlanContext,
  key: MilestoneKey,
  booked: string,
  day: number,
  due: DueDate,
  today: boolean,
): string {
  const start = context.calendar.dates.residency_start;
  const left = Math.round((startOfLocalDate(context.zone, start.date) - day) / DAY_MS);
  const rule = catalogEntry(key).due;
  const kept = rule.from === "season" ? -rule.offsetDays : null;
  const room =
    left <= 0
      ? "on or after the day residency starts"
      : `only ${left} ${left === 1 ? "day" : "days"} before residency starts, ${kept === null ? "too little" : `${left < kept ? "less than" : "no more than"} the ${kept % 7 === 0 ? (WEEKS[kept / 7] ?? `${kept / 7} weeks`) : `${kept} days`} this plan keeps`} for the visa to be issued after the interview and for you to travel before orientation (our advice)`;
  const when = today ? `is today, ${renderDate(booked)}` : `is booked for ${renderDate(booked)}`;
  return `your ${CONSULAR_INTERVIEWS.get(key)} ${when}, after ${dueDay(context, due)}${basisMark(due)}, when this plan needs your visa in hand, and ${room}`;
}

/**
 * What VISA_NOT_READY_FOR_START asks of an applicant whose interview is booked too late (advice): an
 * earlier or expedited appointment while the booked day is ahead; on that day itself no earlier one
 * is left to ask for, so keep it (INTERVIEW_DAY_ADVICE, which the card says too).
 */
export function lateInterviewAdvice(interview: LateInterview): string {
  return interview.today
    ? INTERVIEW_DAY_ADVICE
    : " Ask the consulate today for an earlier or expedited appointment through its appointment system, with your program's start date, tell your program's GME office now that your start may be delayed, and tell us the new date (advice).";
}

/**
 * The day of a consular interview booked after the visa's date: go to it, ask when the passport
 * comes back with the visa (a visa is issued after the interview, then printed and returned), warn
 * the program, and tell us the result (advice). The risk and the card both say it.
 */
export const INTERVIEW_DAY_ADVICE =
  " Keep your interview today, ask the consulate when it will return your passport with the visa, tell your program's GME office now that your start may be delayed, and tell us whether the visa was issued (advice).";

/**
 * A consular interview booked after the visa's date, on its own day (`day`, its local midnight, has
 * begun): its card's first sentence (`first`, already "is today") and INTERVIEW_DAY_ADVICE, in place
 * of asking for an earlier appointment. Null for any other step or day.
 */
export function interviewDayCard(
  context: PlanContext,
  key: MilestoneKey,
  day: number,
  first: string,
): string | null {
  return CONSULAR_INTERVIEWS.has(key) && day <= context.now ? `${first}${INTERVIEW_DAY_ADVICE}` : null;
}

/** Whole weeks in words, as the rule says them ("two weeks before residency starts"). */
const WEEKS: readonly (string | undefined)[] = [
  undefined,
  "one week",
  "two weeks",
  "three weeks",
  "four weeks",
];

/**
 * Whether a visa step's one date is its booked consular interview (`own`, the day still ahead or
 * today): booked before the visa's date or after it, the interview is what the applicant acts on,
 * so the row shows it as the step's date, the reminders count down to it alone and lay no "Due"
 * rung to the visa's date (a "Due" email on the interview's own morning), and VISA_NOT_READY_FOR_START's
 * critical notice carries it. Once the interview day has gone by, the visa's date is the step's again
 * (its card asks whether the visa was issued). False for every other step.
 */
export function interviewDayOnly(key: MilestoneKey, own: { passed: boolean } | null): boolean {
  return own !== null && !own.passed && CONSULAR_INTERVIEWS.has(key);
}

/**
 * The booked interview's day as the visa step's row date while it is the step's one date
 * (interviewDayOnly): a day, as the visa's own date is ("Fri 25 Jun 2027" in both columns), never
 * the applicant's midnight read in ET. Undefined otherwise (the row keeps the visa's date).
 */
export function interviewRowDate(
  context: PlanContext,
  key: MilestoneKey,
  own: { passed: boolean; due: { at: number }; detail: Deadline } | null,
): Deadline | undefined {
  if (own === null || !interviewDayOnly(key, own)) return undefined;
  return deadlineDay(context.zone, own.due.at, "applicant", "applicant", own.detail.source);
}
