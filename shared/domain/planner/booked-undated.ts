import type { PlanContext } from "./context.ts";
import { statusAt } from "./context.ts";

/**
 * Whether the step at catalog `index` is reported booked ("scheduled") with no date given: the
 * applicant has a seat (its fee counts as paid), so nothing says "not booked", how to book or how
 * long to prepare; what is missing is the day, which the card asks for (`scheduledUndated`).
 */
export function bookedUndatedAt(context: PlanContext, index: number): boolean {
  return statusAt(context, index) === "scheduled" && context.entries.at(index)?.date === undefined;
}

/**
 * EXAMS_LATE_FOR_RANKING's words for such an exam (`by`: latestBy's "take it by …"), near its last
 * sitting day (`passed`: that day is gone, so a sitting from now is too late, unless it was sat).
 */
export function bookedUndatedWords(subject: string, by: string, passed: boolean): string {
  return passed
    ? `You told us your ${subject} is booked but not its date, and even sat today its result would not be reported in time: if you have sat it already, tell us the date`
    : `You told us your ${subject} is booked but not its date: tell us the date so we can check its result comes in time, and ${by}`;
}
