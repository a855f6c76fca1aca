import type { NextStep, Risk } from "../plan.ts";
import { pressesSteps } from "../pressing-risks.ts";
import { DAY_MS } from "../time.ts";
import { SOON_WITHIN_DAYS, URGENT_WITHIN_DAYS } from "./advice.ts";
import type { DueStep } from "./ordering.ts";

/** What a step's urgency is read from (stepUrgency); instants in UTC ms, null for none. */
export interface UrgencyFacts {
  /** The instant that drives the step: its own date or target while ahead, else its deadline. */
  driver: number | null;
  /** The latest safe start (the driver less the step's lead time) of a step not yet started, else null. */
  startBy: number | null;
  /** The step's target, once passed and not met while its deadline is still ahead, else null. */
  passedTarget: number | null;
  /** The applicant's own date has passed a full day with no result and the deadline shown is ahead: the result is what is asked now. */
  resultPending: boolean;
  /** The step must be acted on now whatever its dates: an own date ahead but after the deadline (it must move), or the school check while the sponsor note is in doubt. */
  actNow: boolean;
}

/**
 * A step's urgency by one rule for every step (the contract, due two weeks
 * before the Statement of Need, read "soon" beside the Statement's "urgent"): from the day the
 * applicant must act by, the earliest of the driving date, the latest safe start of a step not yet
 * started and a passed target. overdue: the driving date has passed (a step dated for a later Match
 * after missing its own Match's deadline follows its new date: its badge says it is too late for that
 * Match); urgent: that day is within URGENT_WITHIN_DAYS (7) or
 * has passed, a result is pending, or the step must be acted on now; soon: within SOON_WITHIN_DAYS
 * (30); later: further, or no date at all. A step with a long lead time is therefore urgent weeks
 * before its deadline, as its start-by date says, and a step due within a week is urgent whatever
 * its lead time. A pending result reads urgent while the deadline shown is ahead (the applicant has
 * acted and the result is asked for), overdue once it has passed, as the plan's
 * overdue list says; the badge says both (step-badge.ts). A step a critical risk is
 * about is urgent at least (pressCriticalSteps, once the plan's risks are known).
 */
export function stepUrgency(now: number, facts: UrgencyFacts): NextStep["urgency"] {
  return urgencyOf(now, facts.driver, facts.startBy, facts.passedTarget, facts.resultPending, facts.actNow);
}

/**
 * stepUrgency on the facts one by one (UrgencyFacts' fields, in its order): the planner calls it
 * for every step, and a record per call was allocation on every step (planner bench).
 */
export function urgencyOf(
  now: number,
  driver: number | null,
  startBy: number | null,
  passedTarget: number | null,
  resultPending: boolean,
  actNow: boolean,
): NextStep["urgency"] {
  if (resultPending) return "urgent";
  if (driver !== null && driver < now) return "overdue";
  if (actNow) return "urgent";
  let actBy = driver ?? Number.POSITIVE_INFINITY;
  if (startBy !== null && startBy < actBy) actBy = startBy;
  if (passedTarget !== null && passedTarget < actBy) actBy = passedTarget;
  if (actBy - now <= URGENT_WITHIN_DAYS * DAY_MS) return "urgent";
  if (actBy - now <= SOON_WITHIN_DAYS * DAY_MS) return "soon";
  return "later";
}

/**
 * stepUrgency of a step with nothing pending: dated `at`, to be started by `startBy` (an interview
 * or its thank-you note: none; a step past its early deadline: that deadline, passed).
 */
export function datedUrgency(now: number, at: number, startBy: number | null = null): NextStep["urgency"] {
  return urgencyOf(now, at, startBy, null, false, false);
}

export const URGENCY_RANK: Readonly<Record<NextStep["urgency"], number>> = {
  overdue: 0,
  urgent: 1,
  soon: 2,
  later: 3,
};

/**
 * URGENCY_RANK[urgency] by comparisons: a keyed read with a varying key goes megamorphic on every
 * next step (about 1,300 instructions a plan in planMilestone: callgrind).
 */
export function urgencyRank(urgency: NextStep["urgency"]): number {
  return urgency === "overdue" ? 0 : urgency === "urgent" ? 1 : urgency === "soon" ? 2 : 3;
}

/**
 * The last part of stepUrgency's rule, applied once the plan's risks are known: a next step that a
 * critical risk is about (named in its `milestones`) reads "urgent" unless it is overdue, so its
 * badge never says "soon" or "later" beside a risk emailed at once (a rank list dated
 * before ranking opens read "later" beside ROL_BEFORE_RANKING_OPENS). Its date and order key stay.
 * A step held back with nothing to pay yet (Step 3 waiting for the Match's answer) is pressed too:
 * the risk's notice asks the applicant to act at once (ask the program), whatever the step's fee.
 */
export function pressCriticalSteps(risks: readonly Risk[], steps: readonly DueStep<NextStep>[]): void {
  for (const risk of risks) {
    if (!pressesSteps(risk)) continue;
    for (const due of steps) {
      const step = due.item;
      if (
        due.first > URGENCY_RANK.urgent &&
        step.interviewId === undefined &&
        risk.milestones.includes(step.milestone)
      ) {
        step.urgency = "urgent";
        due.first = URGENCY_RANK.urgent;
      }
    }
  }
}
