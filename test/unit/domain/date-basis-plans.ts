import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, matched2027, REGISTERED_KEYS } from "./factories.ts";

/**
 * Three plans in Karachi with a date of each basis, for the plan's, the CLI's, the
 * timeline's and the emails' tests alike: the contract, our advice counted from a projected Match
 * Day (Fri 2 Apr 2027); NRMP's rank order list deadline in a projected season (2027) and in a
 * confirmed one (2026).
 */
export const ZONE = "Asia/Karachi";

/** Matched in the 2027 Match, planned on Mon 22 Mar 2027: the contract is next. */
export function matchedPlan(): Plan {
  return plan(matched2027(ZONE), seasonCalendar(2027), new Date("2027-03-22T05:00:00Z"));
}

/** Registered for the `year` Match, planned on 20 Jan of that year: the rank order list is next. */
export function rankingPlan(year: 2026 | 2027): Plan {
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: year, timezone: ZONE }),
    milestones: doneMilestones(REGISTERED_KEYS),
  });
  return plan(input, seasonCalendar(year), new Date(`${year}-01-20T05:00:00Z`));
}
