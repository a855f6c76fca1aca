import { localDate } from "../time.ts";
import { PETITION_PREMIUM_BUSINESS_DAYS, PETITION_PREMIUM_SOURCE } from "./advice.ts";
import { stepIndex } from "./catalog-index.ts";
import { type PlanContext, statusAt } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import type { PlanDates } from "./deadlines.ts";
import { type DueDate, shapedDueDate } from "./due-date.ts";
import { afterBusinessDays, FEDERAL_HOLIDAYS_SOURCE, isFederalBusinessDay } from "./federal-business-days.ts";

const PETITION_INDEX = stepIndex("visa_h1b");

/**
 * The H-1B petition reported in progress: the program has filed it, so what finishes the step is
 * USCIS's approval, not the filing. Its date is then the approval's expected day: the filing (the
 * day the applicant gave with the status, else the plan's filing day, visa_h1b's due date) plus
 * premium processing's 15 business days, weekends and federal holidays not counted
 * (afterBusinessDays; official; advice that the program
 * uses it: months without it), the day the visa risk already names "around". Until that day the
 * petition waits on USCIS, not on the applicant or the program: never "overdue since" its filing day
 * (the row, the overdue list, the visa risks and the chases all read this date). Null for any other
 * status or with no petition date. One object per dates, filing day and whose day it is (PlanDates
 * renders once per object); a dates object lives for one calendar and zone, and its entries are the
 * filing days its applicants gave, at most one per day of the season.
 */
export function petitionApprovalDue(context: PlanContext, dates: PlanDates): DueDate | null {
  if (context.applicant.visa !== "H-1B" || statusAt(context, PETITION_INDEX) !== "in_progress") return null;
  const planned = dates.due("visa_h1b");
  if (planned === null) return null;
  const given = context.entries.at(PETITION_INDEX)?.date;
  // A day ends at the next midnight, as the plan's filing day does; counted where that day is.
  const zone = given === undefined ? planned.zone : context.zone;
  const filed = given === undefined ? planned.at : dayEnd(zone, given);
  let byFiling = approvalDues.get(dates);
  if (byFiling === undefined) {
    byFiling = new Map();
    approvalDues.set(dates, byFiling);
  }
  // The source names whose filing day it is, so the key says it too.
  const key = `${zone}|${filed}|${given === undefined}`;
  let due = byFiling.get(key);
  if (due === undefined) {
    due = shapedDueDate({
      at: premiumApprovalAt(filed, zone),
      zone,
      status: planned.status,
      basis: "advice",
      source: `advice: the petition's approval, ${PETITION_PREMIUM_BUSINESS_DAYS} business days after its filing (${given === undefined ? "this plan's filing day" : "the day you gave"}) with premium processing (${PETITION_PREMIUM_SOURCE}), federal holidays not counted (${FEDERAL_HOLIDAYS_SOURCE}); months without it`,
      asDay: true,
      dayName: undefined,
    });
    byFiling.set(key, due);
  }
  return due;
}
const approvalDues = new WeakMap<PlanDates, Map<string, DueDate>>();

/**
 * The approval's day this plan expects from its own filing day (visa_h1b's due date, plus premium
 * processing's business days as petitionApprovalDue counts them): the day an approval told later
 * is compared with (visa-document-received-late.ts). Null with no petition date.
 */
export function plannedApprovalAt(dates: PlanDates): number | null {
  const planned = dates.due("visa_h1b");
  return planned === null ? null : premiumApprovalAt(planned.at, planned.zone);
}

/**
 * USCIS's approval with premium processing for a petition whose filing day ends at `filedEnd`
 * (in `zone`): PETITION_PREMIUM_BUSINESS_DAYS business days later, weekends and federal holidays
 * not counted. The one count of it, for the filed petition, the plan's filing day and a filing today.
 * A filing day that is no business day counts from the next business day (advice: USCIS works
 * business days, and the later count is the one to plan for), so a petition filed on Saturday is
 * approved a business day after Friday's, never on the same day: counted alike, Friday, Saturday and
 * Sunday gave one approval day, and the day after the last filing day read "too late" with the very
 * approval day a petition filed on the last day was planned to get.
 */
export function premiumApprovalAt(filedEnd: number, zone: string): number {
  const onBusinessDay = isFederalBusinessDay(localDate(zone, filedEnd - 1));
  return afterBusinessDays(filedEnd, zone, PETITION_PREMIUM_BUSINESS_DAYS + (onBusinessDay ? 0 : 1));
}

/**
 * The day (ISO, the applicant's) USCIS approves a petition filed on `filed` (ISO) with premium
 * processing (premiumApprovalAt): what a filing given later than planned is judged by, as an
 * approval reported later than planned is (one count from approval to visa).
 */
export function filedApprovalDay(context: PlanContext, filed: string): string {
  const zone = context.zone;
  return localDate(zone, premiumApprovalAt(dayEnd(zone, filed.slice(0, 10)), zone) - 1);
}
