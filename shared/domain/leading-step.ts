import type { NextStep } from "./plan.ts";

/** Match Day once results are out and the applicant has not told us where they matched. */
export const MATCH_DAY_REPORT_TITLE = "Match Day: tell us where you matched";

/**
 * Whether a next step comes first, before every other whatever its urgency or dates, in the plan's
 * order and in the reading order alike: Match Day's question once results are out and the result is
 * not told. Whether the applicant matched decides everything else
 * (the contract, the visa, whether Step 3 matters for an H-1B), so no step is read before it; an
 * H-1B certificate "urgent" by a target passed in November came first. Keyed on the title the
 * planner gives that phase only (matchDayStep): before Match Day, Match Week and SOAP, due sooner,
 * lead as their dates say. Pure.
 */
export function leadsTheList(step: Pick<NextStep, "milestone" | "title">): boolean {
  return step.milestone === "match_day" && step.title === MATCH_DAY_REPORT_TITLE;
}
