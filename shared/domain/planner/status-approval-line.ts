import { markOfBasis } from "../date-basis.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { PETITION_PREMIUM_BUSINESS_DAYS } from "./advice.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import { applicantDay } from "./day-words.ts";
import { changeOfStatus } from "./h1b-in-us.ts";
import { premiumApprovalAt } from "./petition-approval.ts";
import { dayBeforeStartEnd } from "./visa-moved-past-start.ts";

// On a change of status (the H-1B stamping waived) there is no visa to stamp after USCIS's approval:
// the approval is the status, and what it must come before is residency's start. Our approval day
// (the filing plus premium processing's 15 business days) is an allowance: past it alone the start
// still holds, since a petition still pending can be upgraded to premium processing, and USCIS then
// decides within 15 business days. The start is at risk once even that would decide too late.

/** Whether `entry` is the H-1B petition, filed (USCIS's approval awaited), on a change of status. */
export function filedForStatus(context: PlanContext, entry: { key: string }): boolean {
  return (
    entry.key === "visa_h1b" && statusOf(context, "visa_h1b") === "in_progress" && changeOfStatus(context)
  );
}

/**
 * The end (next midnight, the applicant's zone) of the last day on which premium processing's
 * 15 business days, counted from that day's end as a filing's are (premiumApprovalAt), still bring
 * USCIS's decision by the end of the applicant's day before residency starts (dayBeforeStartEnd):
 * Tue 8 Jun 2027 for a 1 Jul start (Juneteenth, observed Fri 18 Jun, not counted). Our advice: past it,
 * the approval before the start is no longer in USCIS's promised time, and the start is at risk.
 */
export function statusApprovalLineAt(context: PlanContext): number {
  const startEve = dayBeforeStartEnd(context);
  let day = shiftIsoDay(context.calendar.dates.residency_start.date, -1);
  while (premiumApprovalAt(dayEnd(context.zone, day), context.zone) > startEve) day = shiftIsoDay(day, -1);
  return dayEnd(context.zone, day);
}

/**
 * What still holds for a filed petition past our approval day on a change of status, in place of a
 * visa's date: the start, as long as USCIS approves by the line (statusApprovalLineAt), with why.
 */
export function statusStartHoldsWords(context: PlanContext): string {
  const start = residencyStartWords(context.calendar.dates.residency_start, []);
  const last = applicantDay(context, statusApprovalLineAt(context) - 1);
  return `. On a change of status there is no visa to stamp: what counts is USCIS's approval before residency starts on ${start}, and that still holds until ${last}${markOfBasis("advice")}, the last day on which premium processing's ${PETITION_PREMIUM_BUSINESS_DAYS} business days, if your program asks for it now, still bring USCIS's decision before the start`;
}
