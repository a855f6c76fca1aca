import { markOfBasis } from "../date-basis.ts";
import type { Risk } from "../plan.ts";
import { residencyStartWords } from "../seasons/date-words.ts";
import { localDate } from "../time.ts";
import { PETITION_PREMIUM_BUSINESS_DAYS, PETITION_PREMIUM_SOURCE } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import { applicantDay, dueDay } from "./day-words.ts";
import { FEDERAL_HOLIDAYS_SOURCE } from "./federal-business-days.ts";
import { criticalInPlaceOfStepLate } from "./j1-start-out-of-reach.ts";
import { premiumApprovalAt } from "./petition-approval.ts";
import { residencyAhead } from "./residency-started.ts";
import { addSource } from "./risk-sources.ts";
import { filedForStatus, petitionForStatus, statusApprovalLineAt } from "./status-approval-line.ts";

// On a change of status (the H-1B stamping waived) the unfiled petition is behind our plan, with its
// last day to act by, until the last day a filing with premium processing still brings USCIS's
// approval before residency starts (statusApprovalLineAt). Once that day is over, the start is out of
// reach on this plan's own arithmetic unless USCIS approves before it: the critical says so, names
// that day and what to do now, as the consular route's verdict does past its last filing day
// (h1b-petition-last-day.ts), never only "past the date we plan for".

const PETITION = { key: "visa_h1b" } as const;

/**
 * `risks` (the visa chain's) with the critical VISA_NOT_READY_FOR_START about the unfiled petition on
 * a change of status, once its last day is over, told as that verdict (visaVerdict "h1b-out-of-reach":
 * an undated notice, "act today"): the day that passed, when USCIS's approval of a petition filed
 * today would come, and to tell the program's GME office today. `risks` unchanged otherwise (the
 * cheapest tests first: this runs on every matched plan).
 */
export function withStatusLastDayPassed(context: PlanContext, risks: Risk[]): Risk[] {
  if (context.applicant.visa !== "H-1B" || !petitionForStatus(context, PETITION)) return risks;
  if (filedForStatus(context, PETITION) || !residencyAhead(context)) return risks;
  const line = statusApprovalLineAt(context);
  if (context.now < line) return risks;
  const late = risks.find(
    (risk) => risk.code === "VISA_NOT_READY_FOR_START" && risk.milestones.includes("visa_h1b"),
  );
  if (late === undefined || late.visaVerdict !== undefined) return risks;
  return criticalInPlaceOfStepLate(
    risks,
    ["visa_h1b"],
    (sources) => statusLastDayPassedWords(context, line, sources),
    null,
    "h1b-out-of-reach",
  );
}

/** The verdict's words, its sources added (premium processing's, the holidays'). */
function statusLastDayPassedWords(context: PlanContext, line: number, sources: string[]): string {
  addSource(sources, PETITION_PREMIUM_SOURCE);
  addSource(sources, FEDERAL_HOLIDAYS_SOURCE);
  const start = residencyStartWords(context.calendar.dates.residency_start, sources);
  const today = dayEnd(context.zone, localDate(context.zone, context.now));
  const approval = dueDay(context, {
    at: premiumApprovalAt(today, context.zone),
    zone: context.zone,
    asDay: true,
  });
  // The program files once the contract is signed (the contract card's rule): unsigned, that comes first.
  const contract = isFinished(statusOf(context, "contract"))
    ? ""
    : " Sign your program's contract now: the program files your petition only once it is signed.";
  return `Your program has not reported filing your H-1B petition, and ${applicantDay(context, line - 1)}${markOfBasis("advice")}, the last day on which premium processing's ${PETITION_PREMIUM_BUSINESS_DAYS} business days still brought USCIS's approval before residency starts on ${start}, has passed: even filed today, with premium processing USCIS's approval would come around ${approval}, not before the start. On a change of status you cannot start work before it is approved, so your start on your program's date is out of reach unless USCIS approves it sooner than that.${contract} Tell your program's GME office today that your start may be delayed, ask it whether it has filed your petition and with premium processing (without it, approval can take months), and tell us the day it was filed (our advice).`;
}
