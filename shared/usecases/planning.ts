import type { Plan, Reminder } from "#domain/plan.ts";
import type { ApplicantState } from "#ports/applicant-store.ts";

/**
 * The pure planning functions the use cases need, as one injectable value: the real domain in
 * production (domain-planning.ts), a hand-built plan in unit tests of the workflow around it.
 */
export interface Planning {
  plan(state: ApplicantState, now: Date): Plan;
  planHash(plan: Plan): string;
  /** Reminders due at `now` and not yet sent, most urgent first. */
  dueReminders(plan: Plan, now: Date, alreadySent: ReadonlySet<string>): Reminder[];
  /** When the applicant should next be woken, if any reminder is still to come. */
  nextWakeUp(plan: Plan, now: Date, alreadySent: ReadonlySet<string>): Date | undefined;
}

/** Ids of reminders the ledger records as sent. */
export function sentReminderIds(state: ApplicantState): Set<string> {
  return new Set(state.ledger.filter((entry) => entry.status === "sent").map((entry) => entry.reminderId));
}
