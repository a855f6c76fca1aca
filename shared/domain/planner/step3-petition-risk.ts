import { basisMark } from "../date-basis.ts";
import { DAY_MS, renderDate, startOfLocalDate } from "../time.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { ownDayInTime } from "./date-math.ts";
import { dueDay } from "./day-words.ts";
import type { PlanDates } from "./deadlines.ts";
import { step3DueNow } from "./step3-after-ranking.ts";
import { step3ForPetition } from "./step3-petition.ts";

/**
 * Step 3 in VISA_NOT_READY_FOR_START once it is the petition's (step3ForPetition):
 * held to its petition dates, not to the catalog's date for ranking: the sit-by day (step3DueNow)
 * while the sitting is ahead, the petition step's own date once it is past. A sitting booked after
 * the sit-by day is the risk itself: `booked` says it is too late for the petition before residency
 * starts. Null when Step 3 is not the petition's (the catalog's date stands).
 */
export function petitionStep3Due(
  context: PlanContext,
  dates: PlanDates,
): { at: number; booked: string | null } | null {
  if (!step3ForPetition(context)) return null;
  const sitBy = step3DueNow(context, dates, dates.due("usmle_step3"));
  if (sitBy === null) return null;
  const given = context.entries.get("usmle_step3");
  const status = statusOf(context, "usmle_step3");
  if (given?.date === undefined || (status !== "scheduled" && status !== "in_progress"))
    return { at: sitBy.at, booked: null };
  const day = startOfLocalDate(context.zone, given.date);
  // Sat: due by the petition's own date, which needs the pass.
  if (day + DAY_MS <= context.now) return { at: dates.due("visa_h1b")?.at ?? sitBy.at, booked: null };
  if (ownDayInTime(day, sitBy.at)) return { at: sitBy.at, booked: null };
  const projected = basisMark(sitBy);
  return {
    at: sitBy.at,
    booked: `your Step 3 on ${renderDate(given.date)} is after ${dueDay(context, sitBy)}${projected}, the last day to sit it for the result to reach your program in time for its H-1B petition: as booked, it is too late for the petition before your residency starts`,
  };
}
