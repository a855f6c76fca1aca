import type { Plan } from "#domain/plan.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { type EscalationDeps, escalate } from "../escalation-send.ts";
import { escalationWakeUp } from "../escalation-timer.ts";
import type { Planning } from "../planning.ts";

/**
 * The wake-up's part for the advisor: every wake-up re-plans and stores the plan, and
 * the stored plan is what the next escalation diff starts from, so the wake-up escalates first,
 * whatever it then does for the applicant. A failed send keeps its claim rather than failing the
 * applicant's own reminders; the timer returned (escalationWakeUp) retries it once the claim is
 * stale. One SES rejects for good is recorded as not sent and never retried (escalate).
 * Returns the instant the applicant must next be woken for the advisor, if any.
 */
export async function tellAdvisor(
  state: ApplicantState,
  plan: Plan,
  now: Date,
  deps: { escalation?: EscalationDeps; planning: Planning },
): Promise<Date | undefined> {
  if (deps.escalation === undefined) return undefined;
  const { sent, withheld } = await escalate(state, plan, now, deps.escalation, {
    onSendFailure: "keep-claims",
  });
  // A withheld escalation (a suppressed address, or SES rejected it for good) is handled for good,
  // as a sent one is: no timer for it.
  return escalationWakeUp(state, plan, now, deps.planning, [...sent, ...withheld]);
}
