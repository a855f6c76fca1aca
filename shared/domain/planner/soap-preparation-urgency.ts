import type { NextStep } from "../plan.ts";
import { DAY_MS } from "../time.ts";
import { URGENT_WITHIN_DAYS } from "./advice.ts";
import type { PlanContext } from "./context.ts";

/**
 * Whether SOAP's badge is "urgent" only by its latest safe start, before Match Week: the step is
 * taken only if NRMP says on Monday that the applicant did not match, and its two weeks' lead
 * (advice: update the ERAS documents, shortlist programs) is preparation for that case, not an act
 * with a deadline of its own. So before the release it reads by its date, NRMP's Monday release:
 * "urgent" from a week before it, "soon" before that (the start-by stays shown), never "urgent" on
 * the rank order list's deadline day three weeks ahead of Match Week, beside the one step that is.
 */
export function soapPreparationOnly(
  context: PlanContext,
  key: string,
  urgency: NextStep["urgency"],
): boolean {
  if (key !== "soap" || urgency !== "urgent") return false;
  const release = context.calendar.dates.nrmp_match_week_start_and_soap_start.at;
  return context.now < release && release - context.now > URGENT_WITHIN_DAYS * DAY_MS;
}
