import { milestoneLatestCandidate, type SeasonCalendar } from "../seasons/index.ts";
import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { ownDayInTime } from "./date-math.ts";
import { plannedDayAt } from "./earliest-certification.ts";
import type { LaterCandidateOnly } from "./later-candidate-feasibility.ts";
import { pathwayDeadline } from "./pathway-deadlines.ts";
import { plannedPathwayDay } from "./planned-pathway-day.ts";
import { presumedSent } from "./presumed-sent.ts";

// Whether the Pathway past its projected deadline leaves the Match on the later candidate alone, apart
// from the risk's words (pathway-unconfirmed-risk.ts), so the OET's cards can ask without a cycle.

const PATHWAY = indexedStep("ecfmg_pathway");

/**
 * Whether the Pathway application is not reported submitted: not begun (not reported, unless presumed
 * sent by an interview), under way with no date, or dated for a day still ahead (plannedPathwayDay: a
 * plan to submit, not a submission).
 */
export function notSubmitted(context: PlanContext): boolean {
  const entry = context.entries.at(PATHWAY.index);
  // Not reported by one interviewing: presumed sent (presumed-sent.ts), under ECFMG's review.
  if (entry === undefined) return !presumedSent(context, PATHWAY.index);
  if (entry.status === "not_started") return true;
  if (entry.status === "in_progress" && entry.date === undefined) return true;
  return plannedPathwayDay(context) !== null;
}

/**
 * Whether the Pathway application decides the Match the plan keeps on the later candidate (`only`):
 * it missed (or cannot meet) its projected deadline, or, `passed` that deadline, its review decides
 * the Match (karachi_ck_sat_late on 28 Jan): no later day is named either way.
 */
export function pathwayDecides(only: LaterCandidateOnly, passed: boolean): boolean {
  const late = only.earlier.pathwayLate;
  const applicationLate = only.earlier.cause === "pathway" && late?.what === "application";
  return applicationLate || (only.earlier.decidedBy === "ecfmg_pathway" && passed);
}

/**
 * Whether, past the projected deadline of `calendar` (the plan's projected one; `context` may be the
 * later candidate's), the Pathway application keeps the Match only on the later candidate: not
 * submitted while pathwayUnconfirmedRisk speaks, or dated after that deadline (its planned day gone
 * by, a submission ECFMG may still take on the later candidate). Then the OET still to sit is dated
 * by the later candidate's last sitting day, the one the critical names (laterCandidateSteps): the
 * Pathway planned for Tue 5 Jan read "overdue since Tue 5 Jan" on the OET from the 6th, beside "act
 * by Tue 12 Jan".
 */
export function pathwayPassedKeepsMatch(
  context: PlanContext,
  calendar: SeasonCalendar,
  only: LaterCandidateOnly,
): boolean {
  if (!pathwayMissedProjected(context, calendar)) return false;
  return !notSubmitted(context) || pathwayDecides(only, true);
}

/**
 * Whether the projected Pathway deadline of `calendar` has passed with the application not submitted
 * or dated after it (the first half of pathwayPassedKeepsMatch): the projection's earlier OET day
 * could keep no Match then, and a write-off names only the later candidate's.
 */
export function pathwayMissedProjected(context: PlanContext, calendar: SeasonCalendar): boolean {
  const due = pathwayDeadline(calendar);
  if (due === null || context.now <= due || milestoneLatestCandidate("ecfmg_pathway") === undefined)
    return false;
  if (notSubmitted(context)) return true;
  const sent = plannedDayAt(context, PATHWAY.index);
  return sent !== null && !ownDayInTime(sent, due);
}
