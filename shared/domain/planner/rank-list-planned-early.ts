import { localDayOf } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";

// A rank order list the applicant plans (scheduled) to certify on a day before ranking opens is a
// plan, not a list: NRMP takes lists only from the day ranking opens, so that day cannot hold, but
// nothing was certified that could fail to count. Its card says when ranking opens and to certify
// between then and the deadline; its reminders are the opening's notice and the deadline's
// countdown, never "Start now" for a step the applicant has planned. A list reported certified
// (done) on such a day is refused instead (rank-list-refusal.ts, ROL_BEFORE_RANKING_OPENS).

/** Whether the rank order list is planned (scheduled) for a day before ranking opens, in the applicant's zone. */
export function rankListPlannedEarly(context: PlanContext, key: MilestoneKey): boolean {
  if (key !== "rank_order_list") return false;
  const given = context.entries.get(key);
  if (given?.status !== "scheduled" || given.date === undefined) return false;
  return given.date < localDayOf(context.zone, context.calendar.dates.nrmp_rank_order_list_entry_opens);
}

/**
 * The card of a rank order list planned before ranking opens (rankListPlannedEarly), as a status
 * text ({date}, {rankingOpens}, {due}: step-text.ts fill): before the opening, plan it between the
 * opening and the deadline; once the opening has passed, certify it now. Undefined otherwise.
 */
export function rankListPlannedEarlyText(context: PlanContext, key: MilestoneKey): string | undefined {
  if (!rankListPlannedEarly(context, key)) return undefined;
  return context.now < context.calendar.dates.nrmp_rank_order_list_entry_opens.at ? BEFORE : AFTER;
}

const BEFORE =
  "You plan to certify your rank order list on {date}, before ranking opens: R3 takes no list before then. Enter your list in R3 {rankingOpens} and certify it between then and the rank order list deadline, {due}, and tell us the day you plan. If you edit it after certifying, certify it again: only a certified list counts (advice).";
const AFTER =
  "You planned to certify your rank order list on {date}, before ranking opened, when R3 takes no list. Enter your list in R3 {rankingOpens} and certify it by the rank order list deadline, {due}, and tell us the day you certified it. If you edit it after certifying, certify it again: only a certified list counts (advice).";
