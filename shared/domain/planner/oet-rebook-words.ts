import { basisMark, markOfBasis } from "../date-basis.ts";
import type { DateBasis } from "../plan.ts";
import { renderDate } from "../time.ts";
import { OET_BOOKING_DAYS } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate } from "./deadlines.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import {
  dayText,
  lastSittingDay,
  lastSittingEnd,
  sittingCutOffOf,
  sittingDayEnd,
  sittingDayOf,
} from "./last-sitting-day.ts";
import { laterCandidateCalendar } from "./later-candidate-feasibility.ts";
import { oetOnPathwayLastDay } from "./later-candidate-steps.ts";
import { bookingDayBefore, OET_BOOKING_BASIS, oetBookByWords } from "./oet-booking-allowance.ts";
import { oetBookingClosed } from "./oet-booking-day.ts";
import { projectedCalendarOf } from "./projected-calendar.ts";
import { noteRiskChange } from "./risk-change-instants.ts";
import { tooLateAsBooked } from "./step3-petition.ts";

const OET_AT = stepIndex("oet_medicine");

/**
 * Whether the OET is booked (scheduled) for a day after the last sitting day that ends at
 * `sittingEnd` (the first instant of the applicant's day after it): it must be re-booked.
 */
export function oetBookedAfter(context: PlanContext, sittingEnd: number): boolean {
  if (context.applicable[OET_AT] !== true || statusAt(context, OET_AT) !== "scheduled") return false;
  const day = plannedDayAt(context, OET_AT);
  return day !== null && day >= sittingEnd;
}

/**
 * The OET card (and the Pathway card's OET sentence) for a sitting booked after its last sitting day
 * and after the later candidate's too, or with no later candidate:
 * one last sitting day, the earlier projection's, with the day to book by for it; the later
 * candidate's day only on its condition ("only if NRMP's deadline turns out later than projected"),
 * and honestly said when no session that can still be booked counts under the projection.
 * `booked`: the sitting's ISO day; `due`: the step's due date (its last sitting day: the projection's,
 * or the later candidate's when the step is laid on it, laterCandidateSteps).
 */
export function oetRebookCard(context: PlanContext, booked: string, due: DueDate): string {
  const { zone, now } = context;
  const mark = basisMark(due);
  let day = sittingDayOf(due);
  let end = sittingDayEnd(zone, due);
  let later: { day: string; end: number } | null = null;
  const projected = projectedCalendarOf(context.calendar);
  const laterCalendar = laterCandidateCalendar(projected);
  if (laterCalendar !== null) {
    const projectedCut = sittingCutOffOf(projected, "oet_medicine");
    const laterCut = sittingCutOffOf(laterCalendar, "oet_medicine");
    if (laterCut > projectedCut) {
      later = { day: lastSittingDay(laterCut), end: lastSittingEnd(zone, laterCut) };
      // A step laid on the later candidate still names the projection's day first, unless the
      // Pathway past its projected deadline leaves the Match on that candidate alone: one day then.
      if (oetOnPathwayLastDay(context)) {
        day = later.day;
        end = later.end;
        later = null;
      } else if (day === later.day) {
        day = lastSittingDay(projectedCut);
        end = lastSittingEnd(zone, projectedCut);
      }
    }
  }
  const bookingEnd = shiftDays(end, zone, -OET_BOOKING_DAYS);
  noteRiskChange(context, bookingEnd);
  noteRiskChange(context, end);
  let said = `Your OET sitting is on ${renderDate(booked)}, after ${dayText(day)}${mark}, the last sitting whose result reaches ECFMG by the Pathway's deadline for supporting documents.`;
  if (now < bookingEnd)
    said += ` Move it: ${oetBookByWords(day, mark)}; check OET's session calendar today, and tell us the new date.`;
  else if (now < end)
    said += ` Booking for sittings by ${dayText(day)}${mark} has probably closed ${OET_BOOKING_BASIS}: check OET's session calendar now for a late seat by that day, and tell us the new date.`;
  else said += " No OET session you can still book counts under our projection.";
  if (later !== null && now < later.end) {
    const laterBookingEnd = shiftDays(later.end, zone, -OET_BOOKING_DAYS);
    noteRiskChange(context, laterBookingEnd);
    noteRiskChange(context, later.end);
    const candidate = projected.dates.nrmp_rol_certification_and_late_registration_deadline.latestCandidate;
    const was =
      candidate === undefined
        ? ""
        : ` (${candidate.said === undefined ? "" : `${candidate.said}, `}${renderDate(candidate.date)})`;
    const only = `Only if NRMP's ${context.calendar.matchYear} deadline turns out later than projected${was} would a sitting on or before ${dayText(later.day)}${mark} still count`;
    said +=
      now < laterBookingEnd
        ? ` ${only}: book it by about ${dayText(bookingDayBefore(later.day))} (our advice).`
        : ` ${only}, and booking for it has probably closed too: look for a late seat only if OET's calendar still offers one.`;
  }
  return `${said} ${tooLateAsBooked(context, "oet_medicine")}`;
}

/**
 * For MATCH_YEAR_LAST_DAY bound by the OET's last sitting day (`cutOff`) with the OET booked after
 * it: while its booking day is ahead, that day (ISO), its last instant and its words (`by`), the day
 * to act by ("act by Sat 26 Dec" fell after the booking had closed); else null.
 */
export function oetRebookBy(
  context: PlanContext,
  cutOff: number,
): { at: number; day: string; by: string } | null {
  const end = lastSittingEnd(context.zone, cutOff);
  if (!oetBookedAfter(context, end)) return null;
  const bookingEnd = shiftDays(end, context.zone, -OET_BOOKING_DAYS);
  noteRiskChange(context, bookingEnd);
  if (context.now >= bookingEnd) return null;
  const day = bookingDayBefore(lastSittingDay(cutOff));
  // "by about <day> (our advice)": counted back with OET's booking allowance, advice.
  return { at: bookingEnd - 1, day, by: `by about ${dayText(day)}${markOfBasis("advice")}` };
}

/**
 * Whether a sitting by the OET's last sitting day (`cutOff`), still ahead, can probably no longer be
 * booked: the OET not booked (oetBookingClosed) or booked after that day.
 */
export function oetSeatClosed(context: PlanContext, cutOff: number): boolean {
  const end = lastSittingEnd(context.zone, cutOff);
  if (oetBookingClosed(context, end)) return true;
  return (
    context.now < end &&
    context.now >= shiftDays(end, context.zone, -OET_BOOKING_DAYS) &&
    oetBookedAfter(context, end)
  );
}

/**
 * MATCH_YEAR_LAST_DAY's action for an OET seat by its last sitting day (`take.seatBy`): "book by about
 * <booking day> (…) a sitting on or before <day>" for an OET to re-book while that day is ahead
 * (`rebook`); past OET's booking allowance, a late seat (`closed`); else the earliest sitting. One
 * booked with no date given (`take.bookedUndated`): sit that seat by the day and tell us its date.
 */
export function oetSeatAct(
  take: { seatBy: number; seatByBasis?: DateBasis | undefined; bookedUndated?: true | undefined },
  closed: boolean,
  rebook: boolean,
): string {
  const basis = take.seatByBasis;
  const bookedUndated = take.bookedUndated === true;
  const day = lastSittingDay(take.seatBy);
  // The day's own basis (cutOffBasis: advice, counted with the OET result time), never "(projected)".
  const mark = basis === undefined ? "" : markOfBasis(basis);
  // Booked with no date given: the seat is held (its fee paid), only its day is missing.
  if (bookedUndated)
    return `take the OET Medicine sitting you booked by ${dayText(day)}${mark} and tell us its date`;
  if (rebook) return oetBookByWords(day, mark);
  return `${closed ? `check OET's session calendar now for a late OET Medicine seat (booking usually closes about ${OET_BOOKING_DAYS} days ahead, advice) and sit it` : "book the earliest OET Medicine sitting you can and sit it"} by ${dayText(day)}${mark}`;
}

/**
 * EXAMS_LATE_FOR_RANKING's "move it earlier and …" for an OET booked after its last sitting day
 * (`cutOff`): while its booking day is ahead, "book by about <day> (…) a sitting on or before <last
 * sitting day>" (the risk names the day the countdown runs to); else null (its "take it by <day>").
 */
export function oetMoveBy(context: PlanContext, cutOff: number, mark: string): string | null {
  return oetRebookBy(context, cutOff) === null ? null : oetBookByWords(lastSittingDay(cutOff), mark);
}

/**
 * The critical's action for an OET booked after the later candidate's last sitting day (`seatBy`,
 * its cut-off; `day`: that day in words, "Tue 12 Jan 2027 at the latest (our advice)"): "move your
 * OET Medicine sitting of Wed 13 Jan 2027, too late as booked, to Tue 12 Jan 2027 at the latest";
 * the critical said "sit OET Medicine by Tue 12 Jan" with no word of the booking, and the write-off
 * came on the morning of the exam. Null when the OET is not booked after that day.
 */
export function oetMoveToLaterWords(later: PlanContext, seatBy: number, day: string): string | null {
  if (!oetBookedAfter(later, lastSittingEnd(later.zone, seatBy))) return null;
  const booked = later.entries.at(OET_AT)?.date;
  if (booked === undefined) return null;
  const seat = oetSeatClosed(later, seatBy)
    ? `check OET's session calendar now for a late seat (booking usually closes about ${OET_BOOKING_DAYS} days ahead, advice)`
    : "check OET's session calendar today and tell us the new date";
  return `move your OET Medicine sitting of ${renderDate(booked)}, too late as booked, to ${day}: ${seat}`;
}
