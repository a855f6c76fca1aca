import { asksMatchOutcome } from "../match-outcome-question.ts";
import type { NextStep } from "../plan.ts";
import { stepForAdvisor } from "./advisor-voice.ts";

/**
 * A cohort row's name for the step its next date is for: the advisor's name for it (stepForAdvisor),
 * but a Match outcome question dated by a day it must be told by ("by residency's start, Thu 1 Jul
 * 2027", residency-start-day.ts) says so: "Match Day: where they matched" above Thu 1 Jul 2027 read
 * as a Match Day in July, where the date is the last day to tell us.
 */
export function rowStepTitle(step: Pick<NextStep, "milestone" | "title" | "deadline">): string {
  const named = stepForAdvisor(step);
  const local = step.deadline?.local;
  if (local === undefined || !asksMatchOutcome(step) || !local.startsWith("by ")) return named;
  const by = local.slice(0, local.lastIndexOf(","));
  return by === "" ? named : `Where they matched: tell us ${by}`;
}
