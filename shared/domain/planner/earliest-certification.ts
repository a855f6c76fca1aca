import { NEEDED_FOR_RANKING } from "../catalog/index.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, startOfLocalDate } from "../time.ts";
import { DIPLOMA_VERIFICATION_DAYS, SCORE_REPORTING_DAYS } from "./advice.ts";
import { isFinished, type PlanContext, statusOf } from "./context.ts";

// When ECFMG certification can come through, and the pages that say it is needed. A leaf of the
// risk modules: risks.ts and the risks split out of it (feasibility-risk.ts, h1b-risk.ts) all read
// these, so none of them imports another back (test/unit/layers.test.ts refuses import cycles).

/** NRMP: ECFMG must confirm the exams (and the Pathway) by the rank order list deadline (official). */
export const NRMP_ECFMG_REQUIREMENTS_URL =
  "https://www.nrmp.org/help/item/what-requirements-for-ecfmg-certification-must-i-complete-to-be-eligible-to-participate-in-the-main-residency-match/";
/** ECFMG: certification is required to start residency (official). */
export const CERTIFIED_TO_START_URL = "https://ecfmg.org/2021ib/related-services.html";

/** The applicant's own date for a milestone that is scheduled or under way, as local midnight. */
export function plannedDay(context: PlanContext, key: MilestoneKey): number | null {
  const given = context.entries.get(key);
  if (given?.date === undefined || (given.status !== "scheduled" && given.status !== "in_progress"))
    return null;
  return startOfLocalDate(context.zone, given.date);
}

/**
 * The earliest instant ECFMG certification can complete: the diploma verified after graduation
 * (advice allowance) and every exam and the Pathway reported (advice allowance), never before now.
 */
export function earliestCertification(context: PlanContext): number {
  let earliest = Math.max(
    context.now,
    startOfLocalDate(context.zone, context.applicant.graduation) + DIPLOMA_VERIFICATION_DAYS * DAY_MS,
  );
  for (const key of NEEDED_FOR_RANKING) {
    if (isFinished(statusOf(context, key))) continue;
    const reported = (plannedDay(context, key) ?? context.now) + SCORE_REPORTING_DAYS * DAY_MS;
    earliest = Math.max(earliest, reported);
  }
  return earliest;
}
