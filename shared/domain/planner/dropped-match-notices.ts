import type { Risk, StepSubject } from "../plan.ts";
import type { PlanContext } from "./context.ts";

// Which critical notices a plan moved to a later Match leaves out (critical-risk-notice.ts).

/**
 * The dropped Match's own season steps: ERAS, NRMP and the rank order list. Once the plan has moved
 * to a later Match, a notice about one of them is not sent (one email said "certify
 * your rank order list again now" and "the 2027 Match is out of reach … ask NRMP about
 * withdrawing"); the out-of-reach notice names what to redo for the later Match.
 */
const DROPPED_MATCH_STEPS: readonly StepSubject[] = [
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "rank_order_list",
];

/** Whether MATCH_YEAR_NOT_FEASIBLE has moved the plan to a later Match than the target (laterPlannedMatchYear's rule). */
export function movedToLaterMatch(context: PlanContext, risks: readonly Risk[]): boolean {
  for (const risk of risks) {
    if (risk.severity !== "critical") return false;
    if (risk.code === "MATCH_YEAR_NOT_FEASIBLE")
      return (risk.earliestFeasibleMatchYear ?? context.calendar.matchYear) > context.calendar.matchYear;
  }
  return false;
}

/** Whether every step a risk names is one of the dropped Match's season steps (never the out-of-reach risk itself). */
export function aboutDroppedMatch(risk: Risk): boolean {
  if (risk.code === "MATCH_YEAR_NOT_FEASIBLE" || risk.milestones.length === 0) return false;
  for (const key of risk.milestones) if (!DROPPED_MATCH_STEPS.includes(key)) return false;
  return true;
}
