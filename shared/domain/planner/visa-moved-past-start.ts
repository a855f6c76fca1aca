import { shiftIsoDay } from "../iso-texts.ts";
import { localDate } from "../time.ts";
import type { PlanContext } from "./context.ts";
import { dayEnd } from "./date-math.ts";

/**
 * The end of the applicant's last whole day before residency starts: the day before the start's date
 * (July 1, NRMP's), ended at midnight in the applicant's zone. A visa that day is in time, on the
 * start's date late, in every zone: measured to the start's instant (midnight ET), a visa on 30 Jun
 * west of ET read "after residency starts on Thu 1 Jul", and the H-1B petition's last filing day was
 * Thu 29 Apr in Los Angeles but Fri 30 Apr in Auckland for the same program.
 */
export function dayBeforeStartEnd(context: PlanContext): number {
  return dayEnd(context.zone, shiftIsoDay(context.calendar.dates.residency_start.date, -1));
}

/**
 * The latest instant the visa may come, from its own date (`visaAt`), and still leave the applicant
 * time to travel and be there for orientation: half the room between the visa's date (two weeks
 * before the start, our advice) and the end of her day before residency starts (dayBeforeStartEnd),
 * a week for the 2027 Match. Our advice, on VISA_STEP_LATE's reasoning: the two weeks are a cautious
 * allowance, so half of them still gets her there, and a visa later than that is in the start's last
 * week. The one line for a J-1 visa moved by its DS-2019, received (DS2019_RECEIVED_LATE) or awaited
 * (visaDateAtRiskFrom), so a DS-2019 in hand is never judged later than one still to come.
 */
export function orientationLineAt(context: PlanContext, visaAt: number): number {
  return visaAt + Math.floor((dayBeforeStartEnd(context) - visaAt) / 2);
}

/**
 * Where a visa that would come at `comesAt` (a booked interview's day, to its end; a day given later
 * than planned, moved by movedVisaAt) stands against its own date `visaAt`: "in time" by it; "before
 * the last week" past it but by orientationLineAt (for the 2027 Match, 17-23 Jun: the two weeks the
 * visa's date keeps are cautious, so the start still holds, with less room to travel); "last week"
 * past that line, by the end of the day before residency starts (dayBeforeStartEnd); "after start".
 * The one line for every judgement of when the visa would come: a booked consular interview
 * (visaInterviewBookedLate), a DS-2019 received late (DS2019_RECEIVED_LATE from "last week"), any day
 * given late (visaMovedPastStart, "after start").
 */
export function visaLineOf(context: PlanContext, visaAt: number, comesAt: number): VisaLine {
  if (comesAt <= visaAt) return "in time";
  if (comesAt <= orientationLineAt(context, visaAt)) return "before the last week";
  return comesAt <= dayBeforeStartEnd(context) ? "last week" : "after start";
}

/** visaLineOf's verdicts, earliest first. */
export type VisaLine = "in time" | "before the last week" | "last week" | "after start";

/**
 * The visa's date (`visaAt`) moved by as many days as a step's given day (`given`, ISO date, counted
 * whole to its midnight in the applicant's zone) comes after the plan's day for it (`planned`): the
 * one count of "a day given later than planned" (the chain's allowances after it kept as they are).
 */
export function movedVisaAt(context: PlanContext, given: string, planned: number, visaAt: number): number {
  return visaAt + dayEnd(context.zone, given.slice(0, 10)) - planned;
}

/**
 * A day the applicant gave for a step of the visa chain (`given`, ISO date: the step expected on it,
 * or a document received or approved on it) later than the plan's day for that step (`planned`) by
 * more than the room between the visa's date (`visaAt`) and the end of the applicant's day before
 * residency starts (dayBeforeStartEnd): each day later moves
 * the steps after it a day later at the chain's own allowances (ECFMG's review, the consular
 * interview's wait), so the visa would come after the start. Returns that later visa instant, null
 * while the visa still comes by the start. The given day counts whole, to its next midnight in the
 * applicant's zone, as the plan's own day for the step ends at its midnight. The one count of "a day
 * given later than planned" for every rule that judges such a day (the step expected late, the
 * contract planned late, the DS-2019 or the H-1B approval received late).
 */
export function visaMovedPastStart(
  context: PlanContext,
  given: string,
  planned: number,
  visaAt: number,
): number | null {
  const moved = movedVisaAt(context, given, planned, visaAt);
  return visaLineOf(context, visaAt, moved) === "after start" ? moved : null;
}

/**
 * How a visa too late for the start is said beside its day (`visaDay`, ISO, the applicant's): "after
 * residency starts", or "on the day residency starts" for a visa on the start's own day, late all
 * the same (the day before is in time: dayBeforeStartEnd) but not after it.
 */
export function lateVisaWords(context: PlanContext, visaDay: string): string {
  return visaDay === context.calendar.dates.residency_start.date
    ? "on the day residency starts"
    : "after residency starts";
}

/** lateVisaWords for a visa at `visaAt`, counted in the applicant's whole days (applicantDay). */
export function lateVisaAtWords(context: PlanContext, visaAt: number): string {
  return lateVisaWords(context, localDate(context.zone, visaAt));
}
