import { plannerReadsSent } from "#domain/planner/sent-reminders.ts";
import type { LedgerEntry } from "#ports/reminder-ledger.ts";

/**
 * The reminders the ledger marks sent that the planner reads (plannerReadsSent: critical notices,
 * NRMP registration), by reminder id, each to the ISO instant it first went out (a console resend
 * marks it again later), for PlannerInput.remindersSent: the planner lays a sent notice there and
 * spaces the NRMP question from there, not from each re-plan's now, where they swallowed the rung a
 * wake-up woke for (fixN2, session 25). Undefined when there is none, so most plans' inputs, and
 * the look-ahead memo's key, stay as they were. Pure.
 */
export function sentRemindersOf(ledger: readonly LedgerEntry[]): Record<string, string> | undefined {
  let sent: Record<string, string> | undefined;
  for (const entry of ledger) {
    if (entry.status !== "sent" || entry.sentAt === undefined) continue;
    if (entry.subject === undefined || !plannerReadsSent(entry.subject)) continue;
    sent ??= {};
    const known = sent[entry.reminderId];
    if (known === undefined || Date.parse(entry.sentAt) < Date.parse(known))
      sent[entry.reminderId] = entry.sentAt;
  }
  return sent;
}
