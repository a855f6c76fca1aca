import {
  DAY_MS,
  fromWall,
  inQuietWindow,
  MINUTE_MS,
  toWall,
  wallDayStart,
  wallMinuteOfDay,
} from "../time.ts";
import type { PlanContext } from "./context.ts";

/** The delivery slot (delivery time, applicant-local) on the local day of the wall instant. */
export function slotOnDay(context: PlanContext, wallMs: number): number {
  return fromWall(context.zone, wallDayStart(wallMs) + context.deliveryMinute * MINUTE_MS);
}

/** The first delivery slot (delivery time, applicant-local) at or after the instant `at`. */
export function slotAtOrAfter(context: PlanContext, at: number): number {
  const wall = toWall(context.zone, at);
  const slot = slotOnDay(context, wall);
  return slot >= at ? slot : slotOnDay(context, wall + DAY_MS);
}

/**
 * When the question after an NRMP release goes out (Match Week's "did you match?", Match Day's
 * "where did you match?", followUp): never before the release, since there is nothing to answer
 * yet; at the release itself when that falls in the applicant's day, the answer being wanted that
 * day (SOAP's applications go in on Monday); in their quiet hours, at the first delivery slot after
 * it (Manila: Match Day's results come at midnight, the question goes at 9:00 AM).
 */
export function openingSlot(context: PlanContext, opensAt: number): number {
  const minute = wallMinuteOfDay(toWall(context.zone, opensAt));
  return inQuietWindow(minute, context.quiet) ? slotAtOrAfter(context, opensAt) : opensAt;
}

/**
 * When a season-anchored rung goes (ranking's opening, NRMP registration's, the ERAS token's start-by
 * when MyERAS opens): at the applicant's own delivery time on or after the opening, in that slot's
 * one email. Never before it opens (an
 * applicant who acts on the email must find it open), and never at the opening's own hour: ranking
 * stays open for weeks and registration for months, so the news has no hour to keep, and at the
 * opening it was a second email that day (11:00 AM in Chicago after the 09:00 one; 7:00 PM in
 * Cairo after the morning's).
 */
export function openedSlot(context: PlanContext, opensAt: number): number {
  return slotAtOrAfter(context, opensAt);
}

/**
 * Whether a catch-up (a rung whose slot passed before the applicant signed up or the step changed, a
 * warning's first notice) is a late arrival: its next delivery slot `catchUp` comes after its
 * deadline, or leaves less than `window` (a day, or a ladder's final lead) before it. Only a late
 * arrival goes off the slot, now or when quiet hours end (lateArrivalSlot); every other catch-up
 * waits for that slot, the time the applicant chose (09:00 local unless they changed it), and with
 * it what is due later that day (joinLateArrivals joins reminders to a late arrival only).
 */
export function isLateArrival(catchUp: number, deadline: number, window: number = DAY_MS): boolean {
  return catchUp > deadline - window;
}

/**
 * Advice (our own margin, no source's): a late-arrival notice waits for the end of quiet hours only
 * when that still leaves at least 12 hours (ms) before its deadline; otherwise it goes now, at night.
 */
export const LATE_ARRIVAL_QUIET_MARGIN_MS = 12 * 60 * MINUTE_MS;

/** When a late arrival goes: now, when now is outside the applicant's quiet hours; else when they end. */
export function lateArrivalSlot(context: PlanContext, nowWall: number): number {
  return outsideQuietHours(context, context.now, nowWall);
}

/**
 * When a late arrival due by `deadline` goes (README, late arrivals): now outside quiet hours; in
 * them, when they end if that still leaves LATE_ARRIVAL_QUIET_MARGIN_MS before the deadline, else
 * now, at night (an email does not ring; one read with two hours left loses the night to act).
 * Null once the deadline has passed: nothing can be told in time.
 */
export function lateArrivalAt(context: PlanContext, nowWall: number, deadline: number): number | null {
  const lateAt = lateArrivalSlot(context, nowWall);
  if (lateAt === context.now || deadline - lateAt >= LATE_ARRIVAL_QUIET_MARGIN_MS)
    return lateAt < deadline ? lateAt : null;
  return context.now < deadline ? context.now : null;
}

/**
 * `at`, or the end of the applicant's quiet hours when `at` falls inside them (`wall`: `at` on
 * the applicant's wall clock, when the caller has it already).
 */
export function outsideQuietHours(
  context: PlanContext,
  at: number,
  wall: number = toWall(context.zone, at),
): number {
  const minute = wallMinuteOfDay(wall);
  const { quiet } = context;
  if (!inQuietWindow(minute, quiet)) return at;
  const day = minute >= quiet.end ? wallDayStart(wall) + DAY_MS : wallDayStart(wall);
  return fromWall(context.zone, day + quiet.end * MINUTE_MS);
}

/**
 * The applicant's delivery slot on the day `months` calendar months after `at` (the month counted
 * on UTC fields, so every plan of the applicant names the same day).
 */
export function monthlySlot(context: PlanContext, at: number, months: number): number {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + months);
  return slotOnDay(context, toWall(context.zone, date.getTime()));
}
