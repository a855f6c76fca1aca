import { catalogEntry } from "../catalog/index.ts";
import type { Deadline, NextStep, Risk, StepSubject } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { NoticeDate } from "./critical-notice-carrier-date.ts";
import { residencyStartDue } from "./critical-notice-deadline.ts";
import { shiftDays } from "./date-math.ts";
import type { PlanDates } from "./deadlines.ts";
import { instantOf } from "./instant-of.ts";
import { visaStepBehind } from "./visa-behind.ts";

// The dates a notice shows on a visa step's card (critical-notice-carrier-date.ts carrierDate and
// critical-risk-notice.ts): the booked consular interview's day, else the step's date or "overdue since" it.

/**
 * VISA_NOT_READY_FOR_START's date: the notice rides on the first visa step it names (the earliest
 * behind, else Step 3 for the petition), and its words ask for that step by its date ("sit Step 3
 * in the US by Mon 19 Apr 2027"), so it carries that date while ahead and "overdue since" it once
 * passed, matched or not: residency's start would be weeks after the day its body names. Undefined
 * on a step the risk does not name: the start stands. `zone`: the applicant's, where a booked
 * interview's day ends.
 */
export function visaStepDate(
  risk: Risk,
  step: NextStep | { milestone: StepSubject; waiting: string },
  at: number,
  zone: string,
): NoticeDate | undefined {
  if ("waiting" in step || !risk.milestones.includes(step.milestone)) return undefined;
  const date = step.deadline;
  if (date === undefined) return undefined;
  // A booked visa interview ahead is the step's date (interviewRowDate): the notice counts down to it.
  if (interviewAhead(step, at, zone)) return { detail: date, countsDownTo: "own-date" };
  // The contract's date is the one the visa step waiting on it needs (contractDueNow), as its chase's.
  return instantOf(date.at) >= at ? { detail: date } : { overdueSince: date };
}

/**
 * Whether the step's date is its booked consular interview (interviewRowDate) and that day has not
 * ended at `at`: ahead, or today all day long in the applicant's `zone` (its row says so, and its
 * card "is today"). The notice then counts down to it and is never "overdue since" it. The day ends
 * at the next local midnight (shiftDays, as planned-at-close.ts and visa-interview-booked-late.ts
 * find it), not 24 hours after it began: a 23- or 25-hour day ends an hour sooner or later. The
 * Deadline carries no zone (its `at` is the local day's start), so the applicant's is passed in.
 */
function interviewAhead(step: NextStep, at: number, zone: string): boolean {
  const date = step.deadline;
  if (date === undefined || date.at !== step.ownDate?.at) return false;
  return shiftDays(instantOf(date.at), zone, 1) > at;
}

/**
 * The missed date of the visa step a notice rides on when that step is behind (visaStepBehind, the
 * rule its weekly chase follows): the notice, the first email of that chase, says "Overdue since
 * <that date>" as the chase does, never "Due by residency's start"; undefined otherwise.
 */
export function overdueSinceOf(
  context: PlanContext,
  step: NextStep | { milestone: StepSubject; waiting: string },
  dates: PlanDates,
): Deadline | undefined {
  // A step still waiting (Step 3's card behind its prerequisites) has missed nothing of its own.
  if ("waiting" in step) return undefined;
  const missed = step.deadline;
  if (missed === undefined || step.milestone === "interview") return undefined;
  // A booked interview's own day is ahead all that day: nothing is missed before it ends.
  if (interviewAhead(step, context.now, context.zone)) return undefined;
  const start = residencyStartDue(dates.calendar);
  // The memoised parse: a critical notice's step deadline is read on every plan that carries one.
  const behind = visaStepBehind(context, catalogEntry(step.milestone), instantOf(missed.at), start.at);
  return behind ? missed : undefined;
}
