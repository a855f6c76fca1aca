import {
  actByWords,
  BEHIND_PLAN_SINCE_LABEL,
  type MissedDateItem,
  OVERDUE_SINCE_LABEL,
  turnedOverdueOn,
} from "./missed-date-label.ts";
import type { Deadline, NextStep, Risk } from "./plan.ts";
import { pressesSteps } from "./pressing-risks.ts";
import { DAY_MS } from "./time.ts";

/**
 * What a next step's badge says, by one rule for the applicant's timeline and the advisor's console
 * (the console said "urgent" where the timeline said "Result pending"):
 * "early-deadline-passed" for a step past its early deadline while its late one holds (NRMP
 * registration between the two: `missedDeadline` without `matchYears`), "urgent-early-deadline-passed"
 * when the planner presses it (its start-by, the early deadline, has passed: the row read "early
 * deadline passed" beside an urgent step and its urgent reminders); "result-pending" once the
 * applicant's own date (a booked exam) has passed a full day with no result recorded, never
 * "overdue" months before the deadline; "overdue-result-pending" when its
 * deadline has passed too: the advisor must see it is late and the applicant must be asked for the
 * result, so both pages say both (never "overdue" on the console where the timeline says
 * "Result pending"); "soon" at least on the exam day itself
 * (it read "later"); "too-late-for-match" for a step dated for a later Match whose deadline for
 * the applicant's own Match has passed (`matchYears`): its date shown is ahead, so it is not overdue
 * ("overdue" beside a 2028 date while the Overdue section said "(none)"), yet never
 * "later"; "urgent-for-match" for such a step urgent for the Match it is
 * dated for (`matchYears.due`, the plan's targeted Match), "soon-for-match" for one due
 * soon for it (a step dated for the targeted Match reads that Match's words); otherwise the planner's urgency, "overdue" only when the
 * step's date shown has passed (the plan's overdue list). The reminder email's step dates say the
 * result-pending ones in the same words (stepDatesInline). A pending result that a
 * critical risk is about (`risks`, the plan's: pressesSteps) reads "urgent-result-pending", as its
 * urgency says ("result pending" beside a critical SCHEDULED_DATE_PASSED). Pure.
 */
export type StepBadge =
  | NextStep["urgency"]
  | "early-deadline-passed"
  | "urgent-early-deadline-passed"
  | "result-pending"
  | "overdue-result-pending"
  | "urgent-result-pending"
  | "too-late-for-match"
  | "urgent-for-match"
  | "soon-for-match"
  | "behind-plan";

export function stepBadge(
  step: Pick<NextStep, "missedDeadline" | "matchYears" | "ownDate" | "deadline" | "urgency"> &
    Partial<Pick<NextStep, "milestone" | "behindPlan">>,
  now: string,
  risks: readonly Pick<Risk, "severity" | "code" | "milestones">[] = [],
): StepBadge {
  // Past our own allowance while the visa's date holds (NextStep.behindPlan): behind our plan, not overdue.
  if (step.behindPlan === true && step.urgency === "overdue") return "behind-plan";
  if (step.missedDeadline !== undefined && step.matchYears === undefined)
    return step.urgency === "urgent" ? "urgent-early-deadline-passed" : "early-deadline-passed";
  if (step.ownDate !== undefined && Date.parse(step.ownDate.at) + DAY_MS <= Date.parse(now)) {
    if (step.deadline !== undefined && Date.parse(step.deadline.at) <= Date.parse(now))
      return "overdue-result-pending";
    const { milestone } = step;
    const pressed =
      milestone !== undefined &&
      risks.some((risk) => pressesSteps(risk) && risk.milestones.includes(milestone));
    return pressed && step.urgency === "urgent" ? "urgent-result-pending" : "result-pending";
  }
  // The exam day itself: the countdown to it is over and the planner's urgency follows the hard
  // deadline, often months ahead ("later"); the exam is today.
  if (
    step.ownDate !== undefined &&
    Date.parse(step.ownDate.at) <= Date.parse(now) &&
    step.urgency === "later"
  )
    return "soon";
  // The Match the plan targets judges the step: urgent for it,
  // the badge says so and names it, not the written-off Match ("too late for the 2027 Match" beside
  // a 2028 Pathway deadline five days away).
  if (step.matchYears !== undefined && step.urgency === "urgent") return "urgent-for-match";
  // Soon for it likewise names that Match (it read "too late for the 2027 Match").
  if (step.matchYears !== undefined && step.urgency === "soon") return "soon-for-match";
  if (step.matchYears !== undefined && step.urgency !== "overdue") return "too-late-for-match";
  return step.urgency;
}

/**
 * A badge in words, lower case, as the advisor's console and the CLI say it ("too late for the 2027
 * Match", "overdue: result pending"); the applicant's timeline capitalises the first letter. Pure.
 */
export function badgeWords(badge: StepBadge, step: Pick<NextStep, "matchYears">): string {
  switch (badge) {
    case "early-deadline-passed":
      return "early deadline passed";
    case "urgent-early-deadline-passed":
      return "urgent: early deadline passed";
    case "result-pending":
      return "result pending";
    case "overdue-result-pending":
      return "overdue: result pending";
    case "urgent-result-pending":
      return "urgent: result pending";
    case "too-late-for-match":
      return `too late for the ${step.matchYears?.missed ?? "earlier"} Match`;
    case "urgent-for-match":
      return `urgent for the ${step.matchYears?.due ?? "next"} Match`;
    case "soon-for-match":
      return `soon for the ${step.matchYears?.due ?? "next"} Match`;
    case "behind-plan":
      return "behind our plan";
    default:
      return badge;
  }
}

/** Whether the badge says the step is past its deadline (its date shown has passed). */
export function isOverdueBadge(badge: StepBadge): boolean {
  return badge === "overdue" || badge === "overdue-result-pending";
}

/**
 * A passed deadline's words in a next step's line (`when`: the date as shown): "overdue since" the day
 * the step turned overdue past our allowance (turnedOverdueOn), which was never a day it was due, else
 * "overdue: it was due" its day ("overdue: result pending;" for an exam sat with no result, as the badge).
 */
export function overdueWords(
  deadline: Pick<Deadline, "source">,
  when: string,
  resultPending: boolean,
): string {
  if (turnedOverdueOn(deadline)) return `${OVERDUE_SINCE_LABEL.inline} ${when}`;
  return `${resultPending ? "overdue: result pending;" : "overdue:"} it was due ${when}`;
}

/**
 * A date behind our plan in a next step's line (`when`: the date as shown): "behind our plan since"
 * it, and the last day to keep the start to act by while that day is ahead (actByWords).
 */
export function behindPlanWords(step: MissedDateItem, when: string): string {
  return `${BEHIND_PLAN_SINCE_LABEL.inline} ${when}${actByWords(step)}`;
}
