import { REMINDER_DATE_LABELS } from "./date-words.ts";
import type { Deadline } from "./plan.ts";

/**
 * A waiting step's date words (BlockedStep's deadline): "Due" while ahead; "Planned for" once passed,
 * the date a step after an unreported Match Day keeps as for a matched applicant
 * (planner/blocked-step-dates.ts): never due, never overdue. The timeline and the calendar feed use it.
 */
export function waitingDateLabel(
  deadline: Pick<Deadline, "at">,
  now: string,
): { readonly label: string; readonly inline: string } {
  return Date.parse(deadline.at) < Date.parse(now) ? WAITING_PASSED_LABEL : REMINDER_DATE_LABELS.deadline;
}
const WAITING_PASSED_LABEL = { label: "Planned for", inline: "planned for" } as const;
