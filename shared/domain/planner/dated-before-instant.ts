import { localDate } from "../time.ts";

/**
 * Whether an answer dated `date` (an ISO day in `zone`) comes before the instant `at` (epoch ms) that
 * opens its window: dated before that instant's local day, or dated that very day while `now` is
 * still before the instant. A date alone has no hour, so an answer dated the window's own day counts
 * only from the window's instant. Without `now`, only the day is compared.
 */
export function datedBeforeInstant(date: string, zone: string, at: number, now?: number): boolean {
  const day = localDate(zone, at);
  return date < day || (date === day && now !== undefined && now < at);
}

/**
 * Whether a Match-outcome done dated `date` does not count yet at `now`: dated before the window
 * (datedBeforeInstant), or dated that day or later while `now` is still before the window's
 * instant `at`. A done dated after the window's day can reach the plan before the window: the
 * intake holds a milestone.update to the earliest zone's today, up to a day ahead of the
 * applicant's. Nobody has had the outcome before the instant, whatever day the answer names.
 */
export function doneNotCountedYet(date: string, zone: string, at: number, now: number): boolean {
  return now < at || datedBeforeInstant(date, zone, at);
}
