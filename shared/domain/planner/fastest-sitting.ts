import { DAY_MS, ET_ZONE } from "../time.ts";
import type { IndexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import { isRetake } from "./failed-score.ts";
import { EXAM_BOOKING, type LeadTime, OET_BOOKING, type Remaining } from "./feasibility-lead-times.ts";
import { FSMB_PERMIT_AND_SEAT } from "./fsmb-permit-lead.ts";
import { cutOffBasis, lastSittingEnd } from "./last-sitting-day.ts";
import { fastestPreparationOf, reportingOf, unstudiedPreparationOf } from "./lead-time-lookups.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/** Whether the step applies to the applicant (context.applicable: the catalog's `applies`) and is not finished. */
export function needed(context: PlanContext, step: IndexedStep): boolean {
  return context.applicable[step.index] === true && !isFinished(statusAt(context, step.index));
}

/**
 * The fastest sitting of an exam and when its result is reported: a date already passed waits only
 * for the result; otherwise the earlier of the applicant's own date and the fastest booking (an exam
 * can be moved earlier), after `ready` (the ECFMG application) and its preparation from `prepFrom`.
 * The applicant's own sitting before `rol` reports by `rol` at the latest. `study`
 * false counts no preparation for an exam not begun (unstudiedPreparationOf). `capOwn` false
 * (a Match judged on the ROL deadline's later candidate, withLaterCandidate) drops that cap.
 */
export function examAt(
  context: PlanContext,
  exam: IndexedStep,
  ready: number,
  prepFrom: number,
  takes: Remaining[],
  rol = Number.POSITIVE_INFINITY,
  cutOff?: number,
  study = true,
  capOwn = true,
): { sitting: number; reported: number; expected: number } {
  const { key } = exam;
  const ownRol = capOwn ? rol : Number.POSITIVE_INFINITY;
  const reporting = reportingOf(key);
  const report = reporting?.days ?? 0;
  if (!needed(context, exam)) return { sitting: context.now, reported: context.now, expected: context.now };
  const day = plannedDayAt(context, exam.index);
  // The applicant's own sitting before the rank order list deadline `rol` may report by it: the
  // reporting allowance is cautious advice, and alone it never writes the season off
  // (a 10 Feb sitting, 14 days before the deadline, was out of reach): ownCap,
  // a module function rather than a closure made on every call (chainAt runs this per exam, per plan).
  if (day !== null && day < context.now) {
    const expected = shiftDays(day, context.zone, report);
    // A booked sitting on or before the exam's own last sitting day (`cutOff`: the OET's) counts as
    // reported when its result is expected, not today: Matchpath cannot know it is late, and a USMLE
    // sitting in the same position is asked about, not written off.
    if (cutOff !== undefined && statusAt(context, exam.index) === "scheduled") {
      if (day < lastSittingEnd(context.zone, cutOff)) return { sitting: day, reported: expected, expected };
    }
    return {
      sitting: day,
      reported: Math.max(context.now, ownCap(day, ownRol, expected)),
      expected,
    };
  }
  // Preparing, booked or sat is a fact that the study is under way; "not started" counts its
  // fastest preparation for everyone, whatever they have paid: the usual one, or the
  // catalog's shorter fastest one (OET Medicine, the booking time only).
  const fastest =
    statusAt(context, exam.index) !== "not_started"
      ? null
      : study
        ? fastestPreparationOf(key)
        : unstudiedPreparationOf(key);
  const prep: LeadTime | null = fastest === null ? null : fastest.prep;
  const prepDays = prep?.days ?? 0;
  // The booking allowance (advice) alone never writes a season off, as OET's preparation allowance
  // never does: an exam whose result must reach NRMP by `rol` can
  // be sat on any seat found by its last sitting day (the deadline less its reporting allowance,
  // the step's own due date), so the week for a seat counts only up to that day. Past it, the whole
  // week again: the season is out of reach, and its words say the honest fastest pace.
  // The OET's last sitting is its own (`cutOff`: its result by the Pathway's documents deadline).
  // The last sitting is a day: any seat counts until the applicant's next local
  // day, a seat found late on it as one at the cut-off.
  const lastSeat = cutOff ?? (rol === Number.POSITIVE_INFINITY ? rol : shiftDays(rol, ET_ZONE, -report));
  // OET Medicine sits on fixed session dates: its own booking allowance, not the seat week.
  // A USMLE Step not started, or one failed, waits for FSMB's scheduling permit first (as Step 3
  // does): after a fail the applicant must reapply and pay again before booking a retake (ECFMG
  // Information Booklet, https://ecfmg.org/2024ib/reexamination-and-reapplication.html).
  const usmle = key === "usmle_step1" || key === "usmle_step2ck";
  const retake = usmle && isRetake(context, key);
  const booking =
    key === "oet_medicine"
      ? OET_BOOKING
      : usmle && (fastest !== null || retake)
        ? FSMB_PERMIT_AND_SEAT
        : EXAM_BOOKING;
  const week = context.now + booking.days * DAY_MS;
  // A retake's reapplication, permit and seat count whole (advice): "any seat by the last sitting
  // day" would let a retake be applied for on that very day.
  const onLastDay =
    !retake && lastSeat !== Number.POSITIVE_INFINITY && context.now < lastSittingEnd(context.zone, lastSeat);
  const seat = onLastDay ? Math.min(week, lastSeat) : week;
  let booked = Math.max(seat, ready, prepFrom + prepDays * DAY_MS);
  if (onLastDay && booked === context.now && context.now > lastSeat) booked = seat;
  // The seat counted is one found before the usual week is up (any seat by the last sitting day).
  const seatBy = seat < week && booked === seat ? lastSeat : undefined;
  // Counted on any seat by its last sitting day, the chain fails the moment that day ends for the
  // applicant: a re-plan then, so the write-off goes the next morning. The chain's own crossing
  // (noteSittingCrossing) counts from the seat week, not that local midnight: an OET not started,
  // its last sitting day passed, heard of the lost Match three days later on an unrelated reminder.
  if (seatBy !== undefined) noteRiskChange(context, lastSittingEnd(context.zone, lastSeat));
  // The applicant's own sitting counts unless the fastest booking beats it by a full day: "within
  // about 7 days" is an allowance, and a hypothetical seat a few hours before the one she holds is
  // no faster pace ("a test date within about 7 days" beside her 10 Dec).
  // A sitting booked later than that is not the fastest: the earlier booking is, as before. Nor is
  // one dated after the last sitting day while a seat by that day is counted: kept, that day's
  // tolerance would write off a sitting booked the day after the last one while a later booking
  // (not kept) stays in reach (never kept longer).
  const kept =
    day !== null &&
    day < booked + DAY_MS &&
    !(onLastDay && booked <= lastSeat && day >= lastSittingEnd(context.zone, lastSeat));
  const sitting = day === null || !kept ? booked : day;
  // A dated sitting's result counts calendar days from its day (a DST change on the way moves no
  // day); a booking counted from now, 24-hour days, as feasibility counts the chain.
  const expected = kept ? shiftDays(sitting, context.zone, report) : sitting + report * DAY_MS;
  // A faster booking never reports later than the applicant's own dated sitting would (capped by
  // `own`): else a day before, the plan was out of reach, and at the deadline back in it
  // (rank-list-before-exams property, seeds that booked a day ahead of the sitting).
  const reported = kept
    ? ownCap(day, ownRol, expected)
    : Math.min(
        expected,
        day === null ? Number.POSITIVE_INFINITY : ownCap(day, ownRol, shiftDays(day, context.zone, report)),
      );
  // A dated sitting of her own that a faster booking beats still counts in the words when it is on
  // or before the exam's own last sitting day (`ownLast`): every later link is then in time with it,
  // so the faster pace, which the chain's numbers keep (feasibility, the certificate and Step 3 count
  // the fastest), is not what the day hinges on, and the applicant is told to keep her seat, never to
  // book a second one. One after that day is named as such, an earlier seat by it to book (lateBooked).
  const ownLast = cutOff ?? (rol === Number.POSITIVE_INFINITY ? undefined : lastSeat);
  const own = day !== null && !kept && ownLast !== undefined ? day : null;
  if (own !== null && own < lastSittingEnd(context.zone, ownLast as number)) {
    takes.push({
      key,
      prep: null,
      wait: null,
      report: reporting,
      booked: own,
      sitting: own,
      reportedAt: shiftDays(own, context.zone, report),
    });
    return { sitting, reported, expected };
  }
  // The words' day is the sitting plus the whole allowance, never `reported`'s cap at the deadline:
  // capped, a sitting ten days before the deadline read "reported around" the deadline's own day, as
  // if in time (the cap only keeps the allowance, cautious advice, from writing the season off).
  takes.push(
    kept
      ? { key, prep: null, wait: null, report: reporting, booked: day, sitting, reportedAt: expected }
      : seatBy !== undefined
        ? {
            key,
            prep,
            wait: booking,
            report: reporting,
            seatBy,
            seatByBasis: cutOffBasis(context.calendar, key),
            sitting,
            reportedAt: expected,
          }
        : fastest?.pace === undefined
          ? { key, prep, wait: booking, report: reporting, sitting, reportedAt: expected }
          : {
              key,
              prep,
              wait: booking,
              report: reporting,
              pace: fastest.pace,
              sitting,
              reportedAt: expected,
            },
  );
  // Booked with no date: its seat held, its day unknown (the words ask for it).
  if (day === null && statusAt(context, exam.index) === "scheduled")
    (takes[takes.length - 1] as Remaining).bookedUndated = true;
  // Her own sitting after its last sitting day, that day still ahead: the words name an earlier seat
  // by it (once the day has passed, no seat is, and the fastest pace's words stand).
  if (own !== null && context.now < lastSittingEnd(context.zone, ownLast as number))
    (takes[takes.length - 1] as Remaining).lateBooked = {
      day: own,
      seatBy: ownLast as number,
      basis: cutOffBasis(context.calendar, key),
    };
  return { sitting, reported, expected };
}

/** `at`, capped at `rol` when the applicant's own sitting `day` is before `rol` (examAt's rule). */
function ownCap(day: number | null, rol: number, at: number): number {
  return day !== null && day < rol ? Math.min(at, rol) : at;
}
