import type { BlockedStep, Budget, NextStep, OverdueStep } from "../plan.ts";
import type { MilestoneEntry } from "../snapshot.ts";
import type { PlanDates } from "./deadlines.ts";
import type { DueStep } from "./ordering.ts";
import type { TimedReminder } from "./reminders.ts";
import type { SlippedSteps } from "./slipped-step-targets.ts";
import type { TargetedMatch } from "./targeted-match.ts";
import type { StepGates } from "./waiting-for.ts";

/**
 * What plan() (planner.ts) hands every milestone's planning (planMilestone, milestone-step.ts): the
 * plan's gates, and the parts the milestones and interviews add to.
 */

/** What the plan's gates say for every step: the eligibility gate and the season's feasibility. */
export interface Gates extends StepGates {
  /** The Match the plan targets (targeted-match.ts): its dates for steps not bound to one season. */
  targeted: TargetedMatch;
  /** The step everything else waits on, not yet begun: it is announced now (see firstGateOf). */
  firstGate: MilestoneEntry["key"] | null;
  /** The target Match is over for the applicant (SEASON_OVER: see seasonIsOver; an ineligible school says more). */
  seasonOver: boolean;
  /** Once that Match is over, SOAP closed (soapMayStillPlace), the next Match's dates (the certificate's start): else null. */
  afterSeasonDates: PlanDates | null;
  /** The targets TARGETS_SLIPPED moves (slipped-step-targets.ts); null where it is not assessed. */
  slipped: SlippedSteps | null;
}

/** The plan's parts as its milestones and interviews add to them, before ordering. */
export interface Collected {
  budget: Budget;
  nextSteps: DueStep<NextStep>[];
  blocked: BlockedStep[];
  overdue: DueStep<OverdueStep>[];
  reminders: TimedReminder[];
}
