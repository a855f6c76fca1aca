import { decidingSteps, displayOrder } from "./display-order.ts";
import type { NextStep, Plan } from "./plan.ts";
import { prerequisitesFirst } from "./prerequisite-order.ts";

/**
 * Steps that are sections of the plan, never a step to list: the budget ("Plan your budget"
 * among the next steps reads as a task with a deadline). The plan keeps
 * their step (a notice can ride on it, and its Done and Snooze work); the CLI, the timeline and the
 * email show them as their own section only.
 */
const SECTIONS: ReadonlySet<NextStep["milestone"]> = new Set(["budget"]);

/** The next steps a reader sees listed, in the plan's order: every next step but the sections. Pure. */
export function listedNextSteps(plan: Pick<Plan, "nextSteps">): NextStep[] {
  return plan.nextSteps.filter((step) => !SECTIONS.has(step.milestone));
}

/**
 * The listed next steps in reading order (display-order.ts), the same on the timeline, in the email
 * and in the CLI, in the applicant's zone `zone`: the first is the step the email of these days
 * leads with; no step before a step it needs at the same or a higher
 * urgency (prerequisitesFirst); the steps the plan's Match depends on first at their
 * urgency (decidingSteps, from `risks` when given). Pure; the plan's own order is
 * left as it is.
 */
export function listedInReadingOrder(
  plan: Pick<Plan, "nextSteps" | "now"> & Partial<Pick<Plan, "risks">>,
  zone: string,
): NextStep[] {
  return prerequisitesFirst(
    displayOrder(listedNextSteps(plan), Date.parse(plan.now), zone, decidingSteps(plan.risks)),
  );
}
