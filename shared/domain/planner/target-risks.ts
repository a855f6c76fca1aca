import type { Risk } from "../plan.ts";
import { bookedAfterTargetRisk } from "./booked-after-target.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import type { Gates } from "./milestone-step.ts";
import { orderRisks } from "./ordering.ts";
import { slippedTargetsRisk } from "./slipped-targets.ts";

/**
 * The risks about the competitive targets themselves (issue 9, build 1): an exam booked after its
 * target (BOOKED_AFTER_TARGET), targets moved later by an earlier step past its own (TARGETS_SLIPPED). Only for a school that may certify and a Match in reach: otherwise
 * the plan's targets are another Match's and other risks say why. `risks` as assessRisks ordered
 * them, with these in their places (critical first, then RISK_CODES order).
 */
export function withTargetRisks(risks: Risk[], context: PlanContext, dates: PlanDates, gates: Gates): Risk[] {
  if (gates.ineligible || gates.feasibility.infeasible) return risks;
  const booked = bookedAfterTargetRisk(context, dates);
  const slipped = slippedTargetsRisk(context, dates);
  if (booked === null && slipped === null) return risks;
  const added = [...risks];
  if (slipped !== null) added.push(slipped);
  if (booked !== null) added.push(booked);
  return orderRisks(added);
}
