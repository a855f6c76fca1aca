import { shiftIsoDay } from "../iso-texts.ts";
import type { Deadline } from "../plan.ts";
import { localDate } from "../time.ts";
import { THANK_YOU_SOURCE, THANK_YOU_WITHIN_DAYS } from "./advice.ts";
import { dayEnd, deadlineDay } from "./date-math.ts";

/**
 * When an interview's thank-you note is due: a day in the applicant's zone, the second after the
 * interview's day there, to its end (our advice: "within two days"), shown as that day alone. Counted
 * as 48 hours from the start, it was an instant carried over from the program's clock: a Honolulu
 * applicant interviewed in person at 8:00 AM in New York read "due … Thu 3 Dec 2026, 3:00 AM HST".
 * `by` is the day's end, from which the step is over and its reminders stop.
 */
export function thankYouDue(zone: string, start: number): { by: number; deadline: Deadline } {
  const day = shiftIsoDay(localDate(zone, start), THANK_YOU_WITHIN_DAYS);
  const by = dayEnd(zone, day);
  return { by, deadline: Object.freeze(deadlineDay(zone, by, "advice", "advice", THANK_YOU_SOURCE, by - 1)) };
}
