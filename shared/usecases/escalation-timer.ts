import { changeInstants } from "#domain/console/row-as-of.ts";
import type { Plan } from "#domain/plan.ts";
import { overdueSubjects } from "#domain/reminder-policy.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import {
  consents,
  ESCALATION_CLAIM_STALE_AFTER_MS,
  ESCALATION_ID_PREFIX,
  escalationsFor,
  escalationsSince,
  strandedEscalations,
} from "./escalation.ts";
import type { Planning } from "./planning.ts";

/** Past a claim's stale instant, so the wake-up finds it stale (as reminders' claims are retried). */
export const ESCALATION_RETRY_MARGIN_MS = 1_000;

/**
 * When the applicant must be woken for their advisor's sake, or undefined (no consent, nothing
 * ahead). The applicant keeps ONE wake-up (DESIGN decision 3): the planner and the reminder
 * function arm the earliest of this and the next reminder, and the reminder function, which
 * re-plans at every wake-up, escalates before it stores the plan. The earliest of:
 *
 * 1. an escalation claim not yet sent: just after it goes stale (a sender died between claim and
 *    send, or its send failed and kept the claim), when strandedEscalations sends it;
 * 2. an escalation due now and not yet told: just after the claim this run is about to take would
 *    go stale, the timer in case this run dies after claiming (a spare wake-up when it does not);
 * 3. the first instant ahead where time alone makes the plan tell the advisor something new: the
 *    planner re-run just after each open step's deadline and each season date (the instants the
 *    console's row is re-read at), e.g. a deadline a critical risk names passing, or a risk turning
 *    critical. Deadlines that pass with nothing new to tell (no consent, no critical risk naming
 *    the step, already told) arm nothing.
 *
 * `sentNow`: escalation ids this run sent (or withheld) after `state` was read. Pure given `planning`; at most one
 * plan per change instant, and only for consenting applicants.
 */
export function escalationWakeUp(
  state: ApplicantState,
  plan: Plan,
  now: Date,
  planning: Pick<Planning, "plan" | "seasonInstants">,
  sentNow: readonly string[] = [],
): Date | undefined {
  if (!consents(state)) return undefined;
  const escalationEntries = state.ledger.filter((entry) => entry.reminderId.startsWith(ESCALATION_ID_PREFIX));
  const sent = new Set([
    // Withheld (the advisor's address is suppressed) is handled for good, as sent is.
    ...escalationEntries.filter((entry) => entry.status !== "claimed").map((entry) => entry.reminderId),
    ...sentNow,
  ]);
  const candidates: number[] = [];
  for (const entry of escalationEntries) {
    if (entry.status !== "claimed") continue;
    const retryAt =
      Date.parse(entry.claimedAt) + ESCALATION_CLAIM_STALE_AFTER_MS + ESCALATION_RETRY_MARGIN_MS;
    if (retryAt > now.getTime()) candidates.push(retryAt);
  }
  const dueNow = [...escalationsFor(state, plan), ...strandedEscalations(state, plan, now)];
  if (dueNow.some((escalation) => !sent.has(escalation.id)))
    candidates.push(now.getTime() + ESCALATION_CLAIM_STALE_AFTER_MS + ESCALATION_RETRY_MARGIN_MS);
  const held = new Set([...escalationEntries.map((entry) => entry.reminderId), ...sentNow]);
  const ahead = nextEscalationInstant(state, plan, planning, held);
  if (ahead !== undefined) candidates.push(ahead.getTime());
  return candidates.length === 0 ? undefined : new Date(Math.min(...candidates));
}

/** The earlier of two optional instants. */
export function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a.getTime() <= b.getTime() ? a : b;
}

function nextEscalationInstant(
  state: ApplicantState,
  plan: Plan,
  planning: Pick<Planning, "plan" | "seasonInstants">,
  held: ReadonlySet<string>,
): Date | undefined {
  const before = {
    criticalCodes: plan.risks.filter((risk) => risk.severity === "critical").map((risk) => risk.code),
    overdue: overdueSubjects(plan),
  };
  for (const instant of changeInstants(plan, planning.seasonInstants?.(state) ?? [])) {
    const at = new Date(instant);
    const news = escalationsSince(before, planning.plan(state, at));
    if (news.some((escalation) => !held.has(escalation.id))) return at;
  }
  return undefined;
}
