import { catalogEntry } from "../catalog/index.ts";
import { renderDate, startOfLocalDate } from "../time.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { shiftDays } from "./date-math.ts";
import { dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";

/** A DS-2019 received on a day that leaves the consular interview too little time before the start. */
export interface Ds2019ReceivedLate {
  /** The day it was received (ISO date), as the applicant gave it. */
  received: string;
  /** The J-1 visa's date moved by as many days as the DS-2019 came later than planned. */
  visa: DueDate;
}

/**
 * The DS-2019 marked done (received) on a day later than the plan's day for it by more than the
 * room between the J-1 visa's date and residency's start, the interview not yet booked: with the
 * month this plan allows after the DS-2019 for the SEVIS fee, the DS-160 and the consular interview
 * (advice), the visa would come after the start. The same arithmetic as a DS-2019 expected
 * (scheduled) on that day (visa-step-late.ts expectedPastStart), so the same date gets the same
 * verdict once it is real: received on 10 Jun, six days before the visa's date, it was critical as
 * expected and silent as received. Once the interview is booked its own day judges it
 * (visaInterviewBookedLate); with the visa done, nothing. Null otherwise.
 */
export function ds2019ReceivedLate(context: PlanContext, dates: PlanDates): Ds2019ReceivedLate | null {
  if (context.applicant.visa !== "J-1" || statusOf(context, "j1_ds2019") !== "done") return null;
  const visa = statusOf(context, "visa_j1");
  if (visa === "done" || visa === "waived" || visa === "scheduled") return null;
  if (visa === "in_progress" && context.entries.get("visa_j1")?.date !== undefined) return null;
  const received = context.entries.at(stepIndex("j1_ds2019"))?.date;
  const planned = dates.due("j1_ds2019")?.at;
  const visaDue = dates.due("visa_j1");
  if (received === undefined || planned === undefined || visaDue === null) return null;
  const room = context.calendar.dates.residency_start.at - visaDue.at;
  const later = shiftDays(startOfLocalDate(context.zone, received.slice(0, 10)), context.zone, 1) - planned;
  return later > room
    ? { received: received.slice(0, 10), visa: { ...visaDue, at: visaDue.at + later } }
    : null;
}

/**
 * " You received your DS-2019 on Thu 10 Jun 2027: …": when the visa would come by the chain's
 * allowance and what to do (advice): the earliest interview, an expedited appointment, and the
 * program told now.
 */
export function ds2019ReceivedLateWords(context: PlanContext, late: Ds2019ReceivedLate): string {
  const visaDay = dueDay(context, late.visa);
  return ` You received your ${catalogEntry("j1_ds2019").advisorName} on ${renderDate(late.received)}: with the time this plan allows for the consular interview after it, your visa would come around ${visaDay}, after residency starts. Pay the SEVIS I-901 fee and file the DS-160 today, book the earliest consular interview and ask the consulate for an expedited appointment with your program's start date, and tell your program's GME office now that your start may be delayed (advice).`;
}
