import { localDate, renderDate, startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";

/**
 * The ERAS application planned (scheduled) for a day, as ERAS_LATE_SUBMISSION names it: the notice
 * that says "overdue since" the day programs began reviewing says what becomes of the plan, as the
 * card does. It read "yours is not submitted; submit as soon as possible" beside a card asking "You
 * planned to submit on Tue 15 Sep 2026. Did you?", and never named a day planned after review began.
 */
export interface ErasPlanned {
  /** The planned day as renderDate writes it: "Mon 5 Oct 2026". */
  readonly day: string;
  /** Its local day has ended with nothing reported: it may have gone (the card asks). */
  readonly passed: boolean;
  /** It is the applicant's local today (ahead all that day). */
  readonly today: boolean;
  /** It is a local day after the one programs begin reviewing on. */
  readonly afterReview: boolean;
}

const ERAS = stepIndex("eras_application");

/** The ERAS application's planned day against `review` (epoch ms, programs begin reviewing); null when not planned for a day. Pure. */
export function erasPlanned(context: PlanContext, review: number): ErasPlanned | null {
  if (statusOf(context, "eras_application") !== "scheduled") return null;
  const date = context.entries.at(ERAS)?.date;
  if (date === undefined) return null;
  const start = startOfLocalDate(context.zone, date);
  return {
    day: renderDate(date),
    passed: shiftDays(start, context.zone, 1) <= context.now,
    today: localDate(context.zone, context.now) === date,
    afterReview: date > localDate(context.zone, review),
  };
}

/** Before review begins: the planned day after it, or passed unreported, after "submit before then"; "" otherwise. */
export function erasPlannedComing(planned: ErasPlanned | undefined): string {
  if (planned === undefined) return "";
  if (planned.passed) return ` You planned to submit it on ${planned.day}: if it went, tell us.`;
  return planned.afterReview ? ` ${planned.day}, the day you plan to submit it, is after then.` : "";
}

/** Once review began, the critical risk's words for a planned application ("yours is not submitted" otherwise). */
export function erasPlannedPassed(date: string, planned: ErasPlanned): string {
  if (planned.passed)
    return `Programs began reviewing applications on ${date}. You planned to submit yours on ${planned.day}: if it went, tell us; if not, submit it as soon as possible.`;
  return planned.today
    ? `Programs began reviewing applications on ${date} and yours is not submitted: you plan to submit it today, ${planned.day}; do it as soon as you can.`
    : `Programs began reviewing applications on ${date} and yours is not submitted: submit it as soon as possible rather than on ${planned.day}, the day you planned.`;
}

/** Long after review began, the opening of the "weigh the next Match" words for a planned application. */
export function erasPlannedWellPast(date: string, planned: ErasPlanned | undefined): string {
  if (planned?.passed === true)
    return `Programs began reviewing applications on ${date} and you have not told us yours went on ${planned.day}, the day you planned (if it did, tell us).`;
  return `Programs began reviewing applications on ${date} and yours is not submitted.`;
}
