import type { BlockedStep, OverdueStep, Plan } from "../plan.ts";
import { seasonCalendar } from "../seasons/index.ts";

/**
 * Whether SEASON_OVER (no certified list by the rank order list deadline) already tells an overdue
 * step: one due at or after that deadline (the list itself, Match Week, Match Day, and the post-Match
 * contract, Statement of Need, J-1 sponsorship). Without a list there is no Match result to wait
 * for, so "overdue: Program contract" would be noise (tester s5 C10, s8 issue 15 B2).
 */
export function toldBySeasonOver(plan: Plan, step: Pick<OverdueStep, "deadline">): boolean {
  if (!plan.risks.some((risk) => risk.code === "SEASON_OVER")) return false;
  const rankListDeadline = seasonCalendar(plan.matchYear).dates
    .nrmp_rol_certification_and_late_registration_deadline;
  return Date.parse(step.deadline.at) >= rankListDeadline.at;
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
 * (overdueForAdvisor) is not also listed as blocked (tester s8 issue 15 B2). Pure.
 */
export function blockedForAdvisor(plan: Plan): BlockedStep[] {
  const overdue = new Set(overdueForAdvisor(plan).map(subjectKey));
  return plan.blocked.filter((step) => !overdue.has(subjectKey(step)));
}

function subjectKey(step: { milestone: string; interviewId?: string }): string {
  return `${step.milestone}:${step.interviewId ?? ""}`;
}
