import { MILESTONE_CATALOG } from "../catalog/index.ts";
import { seasonDay } from "../seasons/date-words.ts";
import { indexedStep } from "./catalog-index.ts";
import { isFinished, type PlanContext, statusAt } from "./context.ts";
import { matchWeekMatched } from "./match-week-matched.ts";

const MATCH_DAY = indexedStep("match_day");

/**
 * Whether each step (by catalog index) waits on Match Day, directly or through another (the contract
 * and the visa steps after it). The catalog lists a step after its prerequisites: one pass finds them.
 */
const AFTER_MATCH_DAY_AT: readonly boolean[] = (() => {
  const after = new Set<string>(["match_day"]);
  for (const entry of MILESTONE_CATALOG)
    if (entry.prerequisites.some((prerequisite) => after.has(prerequisite.key))) after.add(entry.key);
  return MILESTONE_CATALOG.map((entry) => entry.key !== "match_day" && after.has(entry.key));
})();

/**
 * Whether the step at `index` is one of the steps after Match Day, blocked while Match Day's result
 * is not told past its release. Their words say they start once the applicant matches (fromMatchDayWhy).
 */
export function datedFromMatchDay(context: PlanContext, index: number): boolean {
  if (AFTER_MATCH_DAY_AT[index] !== true || isFinished(statusAt(context, MATCH_DAY.index))) return false;
  return context.now >= context.calendar.dates.nrmp_match_day.at;
}

/** Whether the step at `index` waits on Match Day, directly or through another (the contract, the visa steps). */
export function afterMatchDay(index: number): boolean {
  return AFTER_MATCH_DAY_AT[index] === true;
}

/** The blocked step's reason, led by "starts once you match" (or, matched in Match Week, "waits on where") when datedFromMatchDay holds. */
export function fromMatchDayWhy(context: PlanContext, index: number, why: string): string {
  if (!datedFromMatchDay(context, index)) return why;
  const matchDay = seasonDay(context.calendar.dates.nrmp_match_day);
  if (matchWeekMatched(context))
    return `You told us you matched: this waits on where, and its date is planned from Match Day, ${matchDay}; tell us where you matched (mark Match Day done). ${why}`;
  return `This starts once you match: its date is planned from Match Day, ${matchDay}, as for a matched applicant; tell us where you matched (mark Match Day done). ${why}`;
}
