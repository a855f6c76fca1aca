import type { Plan, Reminder } from "./plan.ts";

// Apart from cancelled-reminders.ts (which imports the planner's interview rules), so the store that
// writes a plan's reminders loads no planner or catalog at cold start (test/infra/bundle-clients).

/**
 * What a re-plan needs of a reminder the previous plan had scheduled: its keys, its instants and its
 * title (to tell a moved interview). The stored plan keeps only these (plan-repository.ts).
 */
export type ScheduledReminder = Pick<
  Reminder,
  "id" | "milestone" | "interviewId" | "rung" | "sendAt" | "sendAtLocal" | "title"
>;

/** The reminders of `plan` still to go after `computedAt`, with only what a re-plan compares. */
export function scheduledReminders(plan: Plan, computedAt: string): ScheduledReminder[] {
  const since = Date.parse(computedAt);
  return plan.reminders.filter((reminder) => Date.parse(reminder.sendAt) > since).map(scheduledReminderOf);
}

/** Only what a re-plan compares of one reminder (ScheduledReminder), no interviewId key when absent. */
export function scheduledReminderOf(reminder: ScheduledReminder): ScheduledReminder {
  const { id, milestone, interviewId, rung, sendAt, sendAtLocal, title } = reminder;
  return {
    id,
    milestone,
    ...(interviewId === undefined ? {} : { interviewId }),
    rung,
    sendAt,
    sendAtLocal,
    title,
  };
}
