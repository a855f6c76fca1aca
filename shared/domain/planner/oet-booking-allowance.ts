import { shiftIsoDay } from "../iso-texts.ts";
import { OET_BOOKING_DAYS } from "./advice.ts";
import { dayText } from "./last-sitting-day.ts";

// The OET's booking day words, in a file of their own: the feasibility chain's text names the day
// too (feasibility-lead-times.ts), and the card's words (oet-rebook-words.ts) import far more.

/** "(sessions close their bookings about 20 days ahead; our advice)": the basis of every booking day named (OET_BOOKING_DAYS). */
export const OET_BOOKING_BASIS = `(sessions close their bookings about ${OET_BOOKING_DAYS} days ahead; our advice)`;

/** An ISO sitting day less OET_BOOKING_DAYS: its last booking day (advice), "2026-12-16" for Tue 5 Jan 2027. */
export function bookingDayBefore(sittingDay: string): string {
  return shiftIsoDay(sittingDay, -OET_BOOKING_DAYS);
}

/**
 * "book by about Wed 16 Dec 2026 (sessions close their bookings about 20 days ahead; our advice) a
 * sitting on or before Tue 5 Jan 2027 (projected)": the day the OET booking countdown
 * (oet-booking-day.ts) runs to, named with the sitting day it serves
 * ("book by 5 Jan" read as "you can book until 5 Jan").
 */
export function oetBookByWords(sittingDay: string, mark: string): string {
  return `book by about ${dayText(bookingDayBefore(sittingDay))} ${OET_BOOKING_BASIS} a sitting on or before ${dayText(sittingDay)}${mark}`;
}
