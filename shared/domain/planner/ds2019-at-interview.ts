import type { CatalogEntry } from "../catalog/index.ts";
import { localDate, renderDate, startOfLocalDate } from "../time.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { plannedDay } from "./earliest-certification.ts";
import { addSource } from "./risk-sources.ts";

// A DS-2019 still awaited with the J-1 interview booked: the consulate needs it at the interview, so
// it is late from the day it must reach her for that day, whatever our own day for it (it read only
// the calm "your visa's own date still holds" the day before the interview).

/**
 * Days before a booked J-1 interview that a DS-2019 still awaited must reach the applicant (advice: the
 * consulate asks for it at the interview; the program's liaison couriers it abroad, which takes days,
 * and the SEVIS I-901 fee, paid with its SEVIS ID, and the DS-160 come before the interview).
 */
export const DS2019_BEFORE_INTERVIEW_DAYS = 7;
const DS2019_BEFORE_INTERVIEW_SOURCE = `advice: the DS-2019 in hand ${DS2019_BEFORE_INTERVIEW_DAYS} days before the booked interview, for the courier from the program, the SEVIS I-901 fee and the DS-160`;

/**
 * The instant a DS-2019 still awaited is needed by for the J-1 interview booked and still ahead (its
 * day included): DS2019_BEFORE_INTERVIEW_DAYS before that day. A DS-2019 missing the day before the
 * interview read only "your visa's own date still holds" (the interview was held to the visa's date);
 * null with no interview booked ahead, or the DS-2019 finished. Noted for re-planning by its readers.
 */
export function ds2019NeededAt(context: PlanContext): number | null {
  if (context.applicant.visa !== "J-1" || isFinished(statusOf(context, "j1_ds2019"))) return null;
  const day = plannedDay(context, "visa_j1");
  if (day === null || shiftDays(day, context.zone, 1) <= context.now) return null;
  return shiftDays(day, context.zone, -DS2019_BEFORE_INTERVIEW_DAYS);
}

/**
 * When a DS-2019 not finished is late (`planned`, its date; `reviewEndsAt`, the end of ECFMG's review
 * of a sponsorship done late, which it waits for): the later of the two, but never after the day a
 * booked interview needs it by (ds2019NeededAt), before our own day for it too.
 */
export function ds2019LateAt(context: PlanContext, planned: number, reviewEndsAt: number | null): number {
  const due = reviewEndsAt === null ? planned : Math.max(planned, reviewEndsAt - 1);
  return Math.min(due, ds2019NeededAt(context) ?? due);
}

/**
 * " Your J-1 visa interview is booked for …, and the consulate needs your DS-2019 at it: …" for a
 * DS-2019 among the late steps (`late`) with the interview booked (ds2019NeededAt); "" otherwise.
 * Its source (advice) is added to `sources`.
 */
export function ds2019AtInterviewWords(
  context: PlanContext,
  late: readonly Pick<CatalogEntry, "key">[],
  sources: string[],
): string {
  const needed = ds2019NeededAt(context);
  const booked = context.entries.get("visa_j1")?.date;
  if (needed === null || booked === undefined || !late.some((entry) => entry.key === "j1_ds2019")) return "";
  addSource(sources, DS2019_BEFORE_INTERVIEW_SOURCE);
  const day = startOfLocalDate(context.zone, booked);
  const when = day <= context.now ? `is today, ${renderDate(booked)}` : `is booked for ${renderDate(booked)}`;
  // Its whole day counts (the cut-off is that day's start, so the plan speaks that morning).
  const neededDay = localDate(context.zone, needed);
  const by =
    localDate(context.zone, context.now) > neededDay
      ? `it should have reached you by ${renderDate(neededDay)}`
      : `it must reach you by about ${renderDate(neededDay)}`;
  return ` Your J-1 visa interview ${when}, and the consulate needs your DS-2019 there: ${by} (our advice: ${DS2019_BEFORE_INTERVIEW_DAYS} days for the courier from your program, the SEVIS I-901 fee and the DS-160). Ask your program's J-1 liaison today to send it by courier; if it cannot reach you in time, ask the consulate to move your interview, and tell us the new date (advice).`;
}
