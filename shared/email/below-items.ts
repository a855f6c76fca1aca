import type { Plan } from "#domain/plan.ts";
import type { Item } from "./reminder-items.ts";
import { mentionsBudget, stepLine } from "./reminder-sections.ts";
import { risksBelow } from "./risks-said.ts";
import { type StepBelow, stepsBelow } from "./steps-below.ts";

/**
 * What a reminder email shows under its items, decided once so its plain text and its HTML say the
 * same: the next steps and the risks the items do not say, and whether the budget is shown.
 */
export interface Below {
  steps: StepBelow[];
  risks: ReturnType<typeof risksBelow>;
  /** mentionsBudget over every words the email shows: any that name the budget bring it in. */
  budget: boolean;
}

/** `zone`: the applicant's, whose day decides what the next steps list (stepsBelow). */
export function belowOf(items: readonly Item[], plan: Plan, zone: string): Below {
  const steps = stepsBelow(plan, items, zone);
  const risks = risksBelow(plan, items);
  const lines = [
    ...steps.map(({ step, action }) => stepLine(step, Date.parse(plan.now), plan.risks, action)),
    ...risks.map(({ line }) => line),
  ];
  return { steps, risks, budget: mentionsBudget(items, plan, lines) };
}
