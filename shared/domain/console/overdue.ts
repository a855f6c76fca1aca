import type { BlockedStep, NextStep, OverdueStep, Plan } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";
import { badgeWords, stepBadge } from "../step-badge.ts";

/**
 * Whether SEASON_OVER (no certified list by the rank order list deadline) already tells an overdue
 * step: one due at or after that deadline (the list itself, Match Week, Match Day, and the post-Match
 * contract, Statement of Need, J-1 sponsorship). Without a list there is no Match result to wait
 * for, so "overdue: Program contract" would be noise.
 */
export function toldBySeasonOver(plan: Plan, step: Pick<OverdueStep, "deadline" | "earlyDeadline">): boolean {
  if (!plan.risks.some((risk) => risk.code === "SEASON_OVER")) return false;
  const rankListDeadline = seasonCalendar(plan.matchYear).dates
    .nrmp_rol_certification_and_late_registration_deadline;
  // A step first due before it (NRMP registration, open late until it) is the applicant's to tell.
  return Date.parse((step.earlyDeadline ?? step.deadline).at) >= rankListDeadline.at;
}

/**
 * The overdue steps an advisor is told of, by one rule for the digest, the cohort's overdue count,
 * the applicant page and the what-if difference: the plan's, less those SEASON_OVER tells. Pure.
 */
export function overdueForAdvisor(plan: Plan): OverdueStep[] {
  return plan.overdue.filter((step) => !toldBySeasonOver(plan, step));
}

/**
 * The blocked steps an advisor is shown: each step in one place, so a step listed as overdue
 * (overdueForAdvisor) is not also listed as blocked. Pure.
 */
export function blockedForAdvisor(plan: Plan): BlockedStep[] {
  const overdue = new Set(overdueForAdvisor(plan).map(subjectKey));
  return plan.blocked.filter((step) => !overdue.has(subjectKey(step)));
}

/** A next step's badge on the console: its words, and whether it reads as critical. */
export interface StepStanding {
  label: string;
  critical: boolean;
}

/**
 * What a next step's badge says to the advisor, by the one overdue rule (overdueForAdvisor), so the
 * badge, the page's Overdue section and the cohort's overdue count agree.
 * "overdue" only for a step the advisor is told is overdue: its deadline has passed. A step dated
 * for a later Match whose deadline for the applicant's own Match has passed (NextStep.matchYears)
 * is "too late for the <year> Match" (stepBadge's words; never "later"):
 * its date shown is ahead, so it is not overdue. A step past its early deadline while its
 * late one holds (NRMP registration between the two: `missedDeadline` without `matchYears`) reads
 * "early deadline passed" ("urgent: early deadline passed" while the planner presses it), the applicant's
 * timeline's words, not its bare urgency, since the late one still holds; a
 * booked exam whose day has passed with no result recorded reads "result pending",
 * and one whose deadline has passed too "overdue: result pending", critical: an exam sat is
 * never a bare "overdue". All come from stepBadge, the rule the applicant's timeline badges by. Any other step
 * reads its urgency, and an "overdue" urgency with no passed deadline reads "urgent". Pure.
 */
export function stepStanding(plan: Plan, step: NextStep): StepStanding {
  const key = subjectKey(step);
  const badge = stepBadge(step, plan.now, plan.risks);
  if (overdueForAdvisor(plan).some((each) => subjectKey(each) === key))
    return {
      label: badge === "overdue-result-pending" ? "overdue: result pending" : "overdue",
      critical: true,
    };
  // Urgent for the Match it is now dated for, the badge names that Match.
  if (badge === "urgent-for-match")
    return { label: `urgent for the ${step.matchYears?.due} Match`, critical: true };
  // Soon for it, likewise; still critical, as the written-off Match's step was.
  if (badge === "soon-for-match")
    return { label: `soon for the ${step.matchYears?.due} Match`, critical: true };
  if (step.matchYears !== undefined)
    return { label: `too late for the ${step.matchYears.missed} Match`, critical: true };
  if (badge === "early-deadline-passed" || badge === "urgent-early-deadline-passed")
    return { label: badgeWords(badge, step), critical: false };
  if (badge === "result-pending") return { label: "result pending", critical: false };
  if (badge === "urgent-result-pending") return { label: "urgent: result pending", critical: false };
  // Past its deadline, yet not one the advisor is told of as overdue (SEASON_OVER tells it).
  if (badge === "overdue-result-pending") return { label: "result pending", critical: false };
  // Behind our plan, the visa's own date still holding: a question for the program, not a missed date.
  if (badge === "behind-plan") return { label: badgeWords(badge, step), critical: false };
  return { label: badge === "overdue" ? "urgent" : badge, critical: false };
}

function subjectKey(step: { milestone: string; interviewId?: string }): string {
  return `${step.milestone}:${step.interviewId ?? ""}`;
}
