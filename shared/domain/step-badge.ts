import type { NextStep } from "./plan.ts";
import { DAY_MS } from "./time.ts";

/**
 * What a next step's badge says, by one rule for the applicant's timeline and the advisor's console
 * (tester s10 issue 15d B1: the console said "urgent" where the timeline said "Result pending"):
 * "early-deadline-passed" for a step past its early deadline while its late one holds (NRMP
 * registration between the two: `missedDeadline` without `matchYears`); "result-pending" once the
 * applicant's own date (a booked exam) has passed a full day with no result recorded, never
 * "overdue" months before the deadline (tester s7 issue 14 C3); "overdue-result-pending" when its
 * deadline has passed too: the advisor must see it is late and the applicant must be asked for the
 * result, so both pages say both (issue 15 follow-up: the console said "overdue" where the
 * timeline said "Result pending"); "soon" at least on the exam day itself (tester s11 issue 15e
 * C4: it read "later"); otherwise the planner's urgency. The reminder email's step dates say the
 * result-pending ones in the same words (stepDatesInline, issue 15). Pure.
 */
export type StepBadge =
  | NextStep["urgency"]
  | "early-deadline-passed"
  | "result-pending"
  | "overdue-result-pending";

export function stepBadge(
  step: Pick<NextStep, "missedDeadline" | "matchYears" | "ownDate" | "deadline" | "urgency">,
  now: string,
): StepBadge {
  if (step.missedDeadline !== undefined && step.matchYears === undefined) return "early-deadline-passed";
  if (step.ownDate !== undefined && Date.parse(step.ownDate.at) + DAY_MS <= Date.parse(now))
    return step.deadline !== undefined && Date.parse(step.deadline.at) <= Date.parse(now)
      ? "overdue-result-pending"
      : "result-pending";
  // The exam day itself: the countdown to it is over and the planner's urgency follows the hard
  // deadline, often months ahead ("later"); the exam is today (tester s11 issue 15e C4).
  if (
    step.ownDate !== undefined &&
    Date.parse(step.ownDate.at) <= Date.parse(now) &&
    step.urgency === "later"
  )
    return "soon";
  return step.urgency;
}
