import { type CatalogEntry, SCHOOL_CHECK } from "../catalog/index.ts";
import { AFTER_TARGET_EVERY_DAYS, UNBOOKED_RANKING_EXAM_EVERY_DAYS } from "./advice.ts";
import { certificateHoldsChain } from "./certificate-after-match.ts";
import { type PlanContext, statusOf } from "./context.ts";
import { interviewingForMatch } from "./interviewing.ts";

/**
 * Whether a step past its target, still to book, keeps the applicant in the Match: an exam ranking
 * needs (catalog `neededForRanking`) while they are in that Match: interviewing for it,
 * or with the ERAS application submitted or NRMP registration done for it (statuses are this
 * Match's: a season's work done for an earlier one reads not started).
 */
export function keepsInTheMatch(context: PlanContext, entry: CatalogEntry): boolean {
  if (entry.neededForRanking === undefined || entry.reportingDays === undefined) return false;
  return (
    statusOf(context, "eras_application") === "done" ||
    statusOf(context, "nrmp_registration") === "done" ||
    interviewingForMatch(context)
  );
}

/**
 * Whether a step past its target is reminded weekly, with a notice a week before its hard deadline
 * (weekBeforeNotice): an exam that keeps the applicant in the Match (keepsInTheMatch), or the ECFMG
 * certificate the visa chain waits for after the Match (certificateHoldsChain), or the program's
 * contract, whose only target is our date for it once matched (contractDueNow): a visa step waits on it.
 */
export function remindedWeekly(context: PlanContext, entry: CatalogEntry): boolean {
  return entry.key === "contract" || keepsInTheMatch(context, entry) || certificateHoldsChain(context, entry);
}

/**
 * Days between the follow-ups of a step past its target: weekly for remindedWeekly and for the WDOMS
 * check (followed up only while the sponsor note is unknown: a look-up of minutes that every ECFMG
 * step and the whole season wait on), else about monthly.
 */
export function afterTargetEveryDays(context: PlanContext, entry: CatalogEntry): number {
  return entry.key === SCHOOL_CHECK.key || remindedWeekly(context, entry)
    ? UNBOOKED_RANKING_EXAM_EVERY_DAYS
    : AFTER_TARGET_EVERY_DAYS;
}
