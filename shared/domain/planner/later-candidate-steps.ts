import type { MilestoneKey } from "../snapshot.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import type { Feasibility } from "./feasibility.ts";
import { laterCandidateOnly } from "./later-candidate-feasibility.ts";
import { planDates } from "./plan-dates.ts";

/** The steps a plan lays on the later candidate's dates, with that context and its dates. */
export interface LaterCandidateSteps {
  keys: ReadonlySet<MilestoneKey>;
  context: PlanContext;
  dates: PlanDates;
}

/**
 * For a Match in reach on the later candidate of the projected rank order list deadline only
 * (withLaterCandidate): the steps that candidate's chain still
 * waits on (its takes: Step 2 CK under way…), planned on its calendar, so each carries that
 * candidate's last day (Wed 3 Feb 2027 for a 2027 exam) with its reminders to it, as a last sitting
 * day does today; every other step keeps the projected (earlier) date. Null for every other plan
 * (one WeakMap look-up).
 */
export function laterCandidateSteps(feasibility: Feasibility): LaterCandidateSteps | null {
  const only = laterCandidateOnly(feasibility);
  if (only === undefined) return null;
  const keys = new Set<MilestoneKey>();
  // The OET too: its last sitting day follows NRMP's. The Pathway's
  // card keeps the projected dates it shares with the rank order list (its acceptance is due by the
  // plan's deadline); the critical risk names its later day.
  for (const take of only.feasibility.takes) if (take.key !== "ecfmg_pathway") keys.add(take.key);
  return { keys, context: only.context, dates: planDates(only.context) };
}
