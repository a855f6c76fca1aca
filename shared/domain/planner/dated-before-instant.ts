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
