import { indexedStep } from "./catalog-index.ts";
import type { PlanContext } from "./context.ts";
import { matchWeekSoapConflict } from "./match-week-soap-conflict.ts";

const MATCH_WEEK = indexedStep("match_week");

/**
 * Whether the applicant told us Monday's answer was "matched": Match Week marked done by them (the
 * product's "Matched: mark Match Week done"; one only implied by a later step is no answer of
 * theirs), from NRMP's Monday release on, and not beside SOAP in progress (matchWeekSoapConflict:
 * read as a partial match, SOAP's card speaks for the year it lacks, and no step says "You matched"). It says whether, not where: the
 * contract and visa rules that need the program (hasMatched) still wait for Match Day. Pure.
 */
export function matchWeekMatched(context: PlanContext): boolean {
  if (context.entries.at(MATCH_WEEK.index)?.status !== "done") return false;
  if (context.now < context.calendar.dates.nrmp_match_week_start_and_soap_start.at) return false;
  return !matchWeekSoapConflict(context);
}
