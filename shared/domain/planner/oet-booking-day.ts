import { BoundedMemo } from "../bounded-memo.ts";
import { catalogEntry } from "../catalog/index.ts";
import { markOfBasis } from "../date-basis.ts";
import { localDate } from "../time.ts";
import { OET_BOOKING_DAYS, OET_BOOKING_SOURCE } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { shapedDueDate } from "./due-date.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import type { SlotEntry } from "./ladders.ts";
import {
  cutOffMark,
  dayText,
  lastSittingDay,
  lastSittingEnd,
  sittingAfterLastDay,
  sittingCutOffOf,
} from "./last-sitting-day.ts";
import { bookingDayBefore } from "./oet-booking-allowance.ts";
import { keptRemindersFor, type ReminderTarget, type TimedReminder } from "./reminders.ts";
import { stepRenderings } from "./step-renderings.ts";

const OET = catalogEntry("oet_medicine");
const OET_AT = stepIndex("oet_medicine");

/** Whether the applicant needs the OET and has not booked it: not started or under way, with no date of its own. */
export function oetNotBooked(context: PlanContext): boolean {
  if (context.applicable[OET_AT] !== true) return false;
  const status = statusAt(context, OET_AT);
  return (
    (status === "not_started" || status === "in_progress") && context.entries.at(OET_AT)?.date === undefined
  );
}

/**
 * The OET's last booking day for the sittings that end on the cut-off `cutOff` (sittingCutOffOf): its
 * last sitting day less OET_BOOKING_DAYS (20 days: OET's Sat 8 Apr 2017 session closed its bookings
 * that far ahead, an old example, advice), as an ISO date ("2026-12-16" for the 2027 Match's Tue 5 Jan).
 */
export function oetLastBookingDay(cutOff: number): string {
  return bookingDayBefore(lastSittingDay(cutOff));
}

/** The first instant of the applicant's local day after oetLastBookingDay(cutOff) (epoch ms). */
export function oetBookingEnd(zone: string, cutOff: number): number {
  return shiftDays(lastSittingEnd(zone, cutOff), zone, -OET_BOOKING_DAYS);
}

/**
 * Whether, for an OET not booked (oetNotBooked), the last booking day for the sittings whose last day
 * ends at `sittingEnd` (the first instant of the applicant's day after it: lastSittingEnd, or a
 * sitting-day due's `at`) has passed for the applicant while that sitting day has not: booking for a
 * sitting in time has probably closed (the plan said "book the
 * earliest sitting … by 5 Jan", then "book a sitting now and take it today"). A guess from an old
 * session (advice): it changes the words, never writes the Match off.
 */
export function oetBookingClosed(context: PlanContext, sittingEnd: number): boolean {
  return (
    oetNotBooked(context) &&
    context.now >= shiftDays(sittingEnd, context.zone, -OET_BOOKING_DAYS) &&
    context.now < sittingEnd
  );
}

/**
 * The words for oetBookingClosed: "booking for OET Medicine sittings by Tue 5 Jan 2027 (our advice) has
 * probably closed (…, advice): check OET's session calendar now for a late seat by that day". `mark`:
 * the sitting day's, by who sets it (basisMark, cutOffMark).
 */
export function oetBookingClosedWords(context: PlanContext, sittingEnd: number, mark: string): string {
  return oetClosedByDayWords(localDate(context.zone, sittingEnd - 1), mark);
}

/** oetBookingClosedWords for the ISO sitting day `day`. */
export function oetClosedByDayWords(day: string, mark: string): string {
  return `booking for OET Medicine sittings by ${dayText(day)}${mark} has probably closed (sessions usually close about ${OET_BOOKING_DAYS} days ahead, on OET's old session calendar, advice): check OET's session calendar now for a late seat by that day`;
}

/**
 * EXAMS_LATE_FOR_RANKING's sentence for oetBookingClosed: "Your OET Medicine is not booked, and booking
 * for … has probably closed (…): check … by that day; the 2027 Match is in reach only with a sitting by
 * then (if none is open, it moves to a later Match)". Never "take it today".
 */
export function oetClosedSentence(context: PlanContext, sittingEnd: number, mark: string): string {
  return `Your OET Medicine is not booked, and ${oetBookingClosedWords(context, sittingEnd, mark)}: the ${context.calendar.matchYear} Match is in reach only with a sitting by then, whose result can reach ECFMG by the Pathway's deadline for supporting documents`;
}

/**
 * Whether the applicant needs an OET seat in the plan's own Match: not booked (oetNotBooked), or
 * booked for a sitting after its last sitting day on `stepDates` (such an applicant
 * heard "move it earlier, by Tue 5 Jan" once, then nothing until 22 Dec, after every session by
 * 5 Jan had closed its bookings, while one not booked hears the booking day's countdown).
 */
function oetNeedsSeat(context: PlanContext, stepDates: PlanDates): boolean {
  if (oetNotBooked(context)) return true;
  if (context.applicable[OET_AT] !== true || statusAt(context, OET_AT) !== "scheduled") return false;
  const day = plannedDayAt(context, OET_AT);
  const due = day === null ? null : stepRenderings(stepDates, OET_AT).due;
  return day !== null && due !== null && sittingAfterLastDay(context, OET.key, day, due);
}

/**
 * For an OET that needs a seat in the Match its step is dated for (`stepDates`: the entered Match's,
 * or the later one a plan moved to, whose steps it dates; oetNeedsSeat), the last booking day's
 * countdown (the hard-deadline ladder: 14, 3 and 1 days before it), titled with that day, projected
 * when the last sitting day is (nothing came before the booking day,
 * then rungs for a 5 Jan sitting no one could book). A moved plan lays the same countdown as the
 * applicant who entered that Match. Appended to `into`; nothing once that day has passed.
 */
export function oetBookingReminders(context: PlanContext, stepDates: PlanDates, into: TimedReminder[]): void {
  if (!oetNeedsSeat(context, stepDates)) return;
  let known = bookingTargets.get(stepDates);
  if (known === undefined || known.zone !== context.zone) {
    known = bookingTarget(context.zone, stepDates);
    bookingTargets.set(stepDates, known);
  }
  if (known.target.deadline <= context.now) return;
  known.ladder = keptRemindersFor(context, known.target, known.ladder, into);
}

/**
 * The countdown's target for one zone and calendar (stepDates' own), made once and reused by every
 * plan that shares stepDates (a WeakMap on it: bounded by the plan dates' own memo), with the ladder
 * last laid for it: its title and why were texts built per plan, and compared with the kept
 * ladder's on every plan (planner bench: about 4 % of a plan).
 */
function bookingTarget(zone: string, stepDates: PlanDates): BookingTarget {
  const cutOff = sittingCutOffOf(stepDates.calendar, OET.key);
  const end = oetBookingEnd(zone, cutOff);
  // The instant rests on a projected date (status); the days are marked by who sets them: the
  // sitting day by its rule (cutOffMark), the booking day counted back from it with an allowance, advice.
  const projected =
    OET.due.from === "season" && stepDates.calendar.dates[OET.due.dateKey].status === "projected";
  const mark = cutOffMark(stepDates.calendar, OET.key);
  const bookingMark = markOfBasis("advice");
  const day = dayText(oetLastBookingDay(cutOff));
  const sitting = dayText(lastSittingDay(cutOff));
  return {
    zone,
    target: {
      milestone: OET.key,
      interviewId: undefined,
      title: `${OET.title}: book a session by ${day}${bookingMark}`,
      why: `Your OET Medicine result must reach ECFMG by the Pathway's deadline for supporting documents, so the last sitting that counts is on ${sitting}${mark}. OET sits on fixed session dates and each session's booking closes ahead of it, about ${OET_BOOKING_DAYS} days on OET's old session calendar (advice), so book a session by ${day}${bookingMark}: check OET's session calendar for the exact closing day.`,
      ladder: "booking-day",
      deadline: end,
      deadlineDetail: stepDates.rendered(bookingDue(zone, end, projected)),
      countsDownTo: undefined,
      startBy: null,
      notStarted: false,
    },
    ladder: undefined,
  };
}

interface BookingTarget {
  zone: string;
  target: ReminderTarget;
  ladder: SlotEntry | undefined;
}
const bookingTargets = new WeakMap<PlanDates, BookingTarget>();

/**
 * The last booking day as a due date (a day), one object per zone, day and status, so its rendering
 * is memoised. The status is in the key: a season confirmed on its projected day gives the same day,
 * which then no longer rests on a projected date.
 */
function bookingDue(zone: string, end: number, projected: boolean): DueDate {
  const key = `${zone} ${end} ${projected ? "projected" : "advice"}`;
  let due = bookingDues.get(key);
  if (due === undefined) {
    due = bookingDues.keep(
      key,
      shapedDueDate({
        at: end,
        zone,
        status: projected ? "projected" : "advice",
        basis: "advice",
        source: `the OET's last sitting day less its booking allowance, ${OET_BOOKING_DAYS} days (${OET_BOOKING_SOURCE})`,
        asDay: true,
      }),
    );
  }
  return due;
}
const bookingDues = new BoundedMemo<string, DueDate>(1_000);
