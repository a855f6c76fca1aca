import { shiftIsoDay } from "../iso-texts.ts";
import { ET_ZONE, localDate } from "../time.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";
import { dayEnd } from "./date-math.ts";
import type { PlanDates } from "./deadlines.ts";
import { changeOfStatus } from "./h1b-in-us.ts";
import { plannedApprovalAt, premiumApprovalAt } from "./petition-approval.ts";
import { orientationLineAt } from "./visa-moved-past-start.ts";

// The unfiled H-1B petition's filing days, counted as a filed petition is judged (one count from
// USCIS's premium approval to the visa): the last day for the start (h1b-petition-last-day.ts) and
// the last day before the start's last week (the warning band, h1b-petition-past-visa-date.ts).

/**
 * The last day (ISO, in `zone`) whose filing USCIS approves by `latest` (premiumApprovalAt), looked
 * for from `near` (the day the room alone would give, at most a few days off: weekends and holidays).
 * Always a business day: a weekend's filing counts from the next one.
 */
export function lastFilingDay(zone: string, near: string, latest: number): string {
  const fits = (day: string) => premiumApprovalAt(dayEnd(zone, day), zone) <= latest;
  let day = near;
  for (let tries = 0; tries < MAX_SHIFT_DAYS && !fits(day); tries++) day = shiftIsoDay(day, -1);
  for (let tries = 0; tries < MAX_SHIFT_DAYS && fits(shiftIsoDay(day, 1)); tries++) day = shiftIsoDay(day, 1);
  return day;
}
/** Far more than weekends and holidays together can move an approval day. */
const MAX_SHIFT_DAYS = 14;

/**
 * The end of a filing day: the petition is the program's filing with USCIS, so its day lasts while it
 * is that day in the US (ET, the plan's US time) or where the applicant is, whichever ends later.
 * Ended at the applicant's midnight, Auckland was told at 08:00 on Saturday that the last day "has
 * passed" while her program still had Friday afternoon; west of ET her own day ends later.
 */
export function filingDayEnd(zone: string, day: string): number {
  return Math.max(dayEnd(zone, day), dayEnd(ET_ZONE, day));
}

/**
 * Whether the unfiled petition has the warning band before its last-day verdict: H-1B on the consular
 * route (not a change of status), Step 3 passed, the contract signed, the petition neither done nor
 * reported filed. The contract unsigned has none: the program cannot file today, so a filing today,
 * the band's whole premise, is not the applicant's to give (the verdict asks her to sign first).
 */
export function petitionBandApplies(context: PlanContext): boolean {
  if (context.applicant.visa !== "H-1B" || changeOfStatus(context)) return false;
  const petition = statusOf(context, "visa_h1b");
  if (isFinished(petition) || petition === "in_progress") return false;
  return isFinished(statusOf(context, "usmle_step3")) && isFinished(statusOf(context, "contract"));
}

/**
 * The end of the last day (the applicant's) a petition filed brings the visa no later than
 * orientationLineAt, before the start's last week: past it the unfiled petition is the critical
 * last-day verdict, before it the warning (h1bPetitionPastVisaDate). `planned`: the plan's filing day's
 * end; `visaAt`: the visa's own date. Null without a planned approval.
 */
export function petitionBandEnd(
  context: PlanContext,
  dates: PlanDates,
  planned: number,
  visaAt: number,
): number | null {
  const plannedApproval = plannedApprovalAt(dates);
  if (plannedApproval === null) return null;
  const zone = context.zone;
  const room = orientationLineAt(context, visaAt) - visaAt;
  return dayEnd(zone, lastFilingDay(zone, localDate(zone, planned + room - 1), plannedApproval + room));
}
