import type { Risk } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import { statusFiledTooLate } from "./status-approval-line.ts";
import { visaVerdictTitle } from "./visa-verdict-notice.ts";

/** VISA_NOT_READY_FOR_START on the change-of-status route (changeOfStatus): H-1B status, not a visa. */
const CHANGE_OF_STATUS_BEHIND_TITLE =
  "Your H-1B steps are behind: you cannot start residency without your change of status";

/**
 * A petition filed too late for a change of status (statusFiledTooLate): what happened and what to do
 * today. Its notice has no date (critical-risk-notice.ts): the petition's own date is USCIS's expected
 * approval, after the start, and "due" that day beside "out of reach" read as time left.
 */
const STATUS_FILED_TOO_LATE_TITLE =
  "USCIS's approval of your H-1B petition is expected after your residency start: tell your program's GME office today";

/** The H-1B petition, as statusFiledTooLate reads a step. */
const PETITION = { key: "visa_h1b" } as const;

/**
 * VISA_NOT_READY_FOR_START's notice title on the change-of-status route: the unfiled petition's
 * last day passed (status-last-day-passed.ts) takes the consular verdict's title; a petition filed
 * too late says its approval comes after the start; any other step behind, the route's own title.
 */
export function changeOfStatusTitle(context: PlanContext, risk: Risk): string {
  const verdict = visaVerdictTitle(risk);
  if (verdict !== undefined) return verdict;
  return statusFiledTooLate(context, PETITION) ? STATUS_FILED_TOO_LATE_TITLE : CHANGE_OF_STATUS_BEHIND_TITLE;
}
