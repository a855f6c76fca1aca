import { isFinished, isSatisfied, type PlanContext, statusOf } from "./context.ts";
import { unmatchedReported } from "./match-outcome-texts.ts";
import { noteRiskChange } from "./risk-change-instants.ts";

/**
 * Whether Match Day's release has passed with the applicant's answer still missing: a certified
 * rank order list, Match Day not done, and no "not matched" told in Match Week (unmatchedReported).
 * Whether, and where, they matched is then unknown, so an H-1B step that only a match makes needed
 * (Step 3, the petition) is asked about, not pushed. Notes the release for re-planning.
 */
export function matchDayPassedUnreported(context: PlanContext): boolean {
  const release = context.calendar.dates.nrmp_match_day.at;
  noteRiskChange(context, release);
  return (
    context.now >= release &&
    isSatisfied(context, "rank_order_list") &&
    !isFinished(statusOf(context, "match_day")) &&
    !unmatchedReported(context)
  );
}
