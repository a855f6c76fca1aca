import { basisMark, markOfBasis } from "../date-basis.ts";
import { shiftIsoDay } from "../iso-texts.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { renderDate } from "../time.ts";
import { PETITION_PREMIUM_BUSINESS_DAYS } from "./advice.ts";
import { adviceDayDue } from "./advice-day-due.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import { applicantDay, dueDay } from "./day-words.ts";
import type { DueDate, PlanDates } from "./deadlines.ts";
import { changeOfStatus } from "./h1b-in-us.ts";
import { petitionApprovalDue, premiumApprovalAt } from "./petition-approval.ts";
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
 * Whether `entry` is the H-1B petition on a change of status, filed or not yet: no visa follows it, so
 * the line (statusApprovalLineAt) is its last day, for a filing with premium processing as for an
 * upgrade to it.
 */
export function petitionForStatus(context: PlanContext, entry: { key: string }): boolean {
  const status = statusOf(context, "visa_h1b");
  return entry.key === "visa_h1b" && changeOfStatus(context) && status !== "done" && status !== "waived";
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

/** The line's source, which tells its due from any other. */
export const STATUS_LAST_DAY_SOURCE =
  "VISA_NOT_READY_FOR_START: the last day an H-1B petition filed or upgraded to premium processing still brings USCIS's approval before residency's start on a change of status, counted forward by premium processing's 15 business days (advice)";

/** The line (statusApprovalLineAt) as a whole day of the applicant's (advice): the day to act by. */
export function statusLastDayDue(context: PlanContext): DueDate {
  return adviceDayDue(context, statusApprovalLineAt(context), STATUS_LAST_DAY_SOURCE, true);
}

/**
 * What still holds for a filed petition past our approval day on a change of status, in place of a
 * visa's date: the start, as long as USCIS approves by the line (statusApprovalLineAt), with why.
 */
export function statusStartHoldsWords(context: PlanContext): string {
  const start = residencyStartWords(context.calendar.dates.residency_start, []);
  const last = applicantDay(context, statusApprovalLineAt(context) - 1);
  return `. On a change of status there is no visa to stamp: what counts is USCIS's approval before residency starts on ${start}, and that still holds until ${last}${markOfBasis("advice")}, the last day on which premium processing's ${PETITION_PREMIUM_BUSINESS_DAYS} business days, if your program ${statusOf(context, "visa_h1b") === "in_progress" ? "asks for it" : "files with it"} now, still bring USCIS's decision before the start`;
}

/**
 * Whether `entry` is the H-1B petition filed on a change of status after the line
 * (statusApprovalLineAt): premium processing's approval then comes on or after residency's start, and
 * without the approval there is no work, so the start is lost on this plan's own arithmetic the day
 * the filing is told, not on the first day of residency.
 */
export function statusFiledTooLate(context: PlanContext, entry: { key: string }): boolean {
  const filed = context.entries.at(stepIndex("visa_h1b"))?.date;
  return (
    filedForStatus(context, entry) &&
    filed !== undefined &&
    dayEnd(context.zone, filed.slice(0, 10)) > statusApprovalLineAt(context)
  );
}

/** What a petition filed too late for a change of status (statusFiledTooLate) means: approval, start, whom to tell. */
export function statusFiledTooLateWords(context: PlanContext, dates: PlanDates): string {
  const filed = context.entries.at(stepIndex("visa_h1b"))?.date ?? "";
  const approval = petitionApprovalDue(context, dates);
  const around = approval === null ? "" : ` around ${dueDay(context, approval)}${basisMark(approval)},`;
  return ` Your program filed your H-1B petition on ${renderDate(filed)}: with premium processing, USCIS's approval is expected${around} not before residency starts, and on a change of status you cannot start work before it is approved, so your start on your program's date is out of reach. Tell your program's GME office today, and ask its immigration office whether it used premium processing (without it, approval can take months).`;
}
