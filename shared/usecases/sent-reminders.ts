import type { Plan } from "#domain/plan.ts";
import { plannerReadsSent } from "#domain/planner/sent-reminders.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { LedgerEntry } from "#ports/reminder-ledger.ts";

/**
 * How every planner reminder id begins (`r-` and a hash of its step, rung and deadline: reminder-id.ts,
 * critical-notice-id.ts); the reminder function's own emails (resend:, escalation:, fresh-links:)
 * never do.
 */
const PLANNER_ID = "r-";

/**
 * The reminders the ledger marks sent that the planner reads (plannerReadsSent: critical notices,
 * NRMP registration), by reminder id, each to the ISO instant it first went out (a console resend
 * marks it again later), for PlannerInput.remindersSent: the planner lays a sent notice there and
 * spaces the NRMP question from there, not from each re-plan's now, where they swallowed the rung a
 * wake-up woke for. Undefined when there is none, so most plans' inputs, and
 * the look-ahead memo's key, stay as they were. A mark written before marks stored their subject
 * (older rows) cannot be told by its id, a hash: every planner reminder's such mark is given (the
 * planner looks up only the ids it lays, and these rows never change, so the key stays put).
 * Pure.
 */
export function sentRemindersOf(ledger: readonly LedgerEntry[]): Record<string, string> | undefined {
  let sent: Record<string, string> | undefined;
  for (const entry of ledger) {
    if (entry.status !== "sent" || entry.sentAt === undefined) continue;
    if (
      entry.subject === undefined
        ? !entry.reminderId.startsWith(PLANNER_ID)
        : !plannerReadsSent(entry.subject)
    )
      continue;
    sent ??= {};
    const known = sent[entry.reminderId];
    if (known === undefined || Date.parse(entry.sentAt) < Date.parse(known))
      sent[entry.reminderId] = entry.sentAt;
  }
  return sent;
}

/** Ids of reminders the ledger records as sent. */
export function sentReminderIds(state: ApplicantState): Set<string> {
  return new Set(state.ledger.filter((entry) => entry.status === "sent").map((entry) => entry.reminderId));
}

/**
 * The plan as the applicant's pages offer actions on it: without the reminders the ledger records
 * as sent. The planner re-times a missed rung to the next slot, so a rung already sent can look
 * ahead and make a snooze seem possible when only the last rung is left.
 */
export function withoutSentReminders(plan: Plan, state: ApplicantState): Plan {
  const sent = sentReminderIds(state);
  if (sent.size === 0) return plan;
  return { ...plan, reminders: plan.reminders.filter((reminder) => !sent.has(reminder.id)) };
}
