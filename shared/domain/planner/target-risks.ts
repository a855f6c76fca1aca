import type { Risk } from "../plan.ts";
import { bookedAfterTargetRisk } from "./booked-after-target.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import type { Gates } from "./milestone-step.ts";
import { orderRisks } from "./ordering.ts";

/**
 * The risks about the competitive targets themselves (issue 9, build 1): an exam booked after its
 * target (BOOKED_AFTER_TARGET). Only for a school that may certify and a Match in reach: otherwise
 * the plan's targets are another Match's and other risks say why. `risks` as assessRisks ordered
 * them, with these in their places (critical first, then RISK_CODES order).
 */
export function withTargetRisks(risks: Risk[], context: PlanContext, dates: PlanDates, gates: Gates): Risk[] {
  if (gates.ineligible || gates.feasibility.infeasible) return risks;
  const booked = bookedAfterTargetRisk(context, dates);
  return booked === null ? risks : orderRisks([...risks, booked]);
}
