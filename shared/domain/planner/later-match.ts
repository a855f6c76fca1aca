import type { SeasonCalendar } from "../seasons/index.ts";
import { buildContext, type PlanContext, type PlannerInput } from "./context.ts";
import { confirmedByTheMatch } from "./in-the-match.ts";

/**
 * The context a plan moved to a later Match (MATCH_YEAR_NOT_FEASIBLE) plans that Match's season
 * steps with (tester t9m F15, lead's ruling): the context of the same applicant had they entered
 * that Match year, so letters, ERAS, NRMP, ranking and the visa get its dates, targets and reminders
 * exactly as then, prerequisites included (a rank order list of the Match out of reach implies no
 * NRMP registration for the later one). It shares the plan's risk-change instants, and names the
 * Match out of reach for the steps done for it only (pastSeasonMatchNote).
 */
export function enteredLaterMatch(
  input: PlannerInput,
  context: PlanContext,
  later: SeasonCalendar,
  now: Date,
): PlanContext {
  const applicant = { ...input.applicant, matchYear: later.matchYear };
  const entered = confirmedByTheMatch(buildContext({ ...input, applicant }, later, now));
  return {
    ...entered,
    riskChangesAt: context.riskChangesAt,
    pastSeasonMatch: { out: context.calendar.matchYear, planned: later.matchYear },
  };
}
