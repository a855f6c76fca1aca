import type { Plan, Reminder } from "#domain/plan.ts";
import { dueReminders, nextWakeUp, type RiskChangeTells } from "#domain/reminder-policy.ts";

/**
 * The reminders an applicant is sent from `from` until `until`, re-planning at each wake-up as the
 * delivery use case does (shared/usecases/planning.ts): the next reminder, or sooner an instant the
 * plan noted (riskChangesAt) when re-planning there sends something first.
 */
export function sentFollowingWakeUps(planAt: (now: Date) => Plan, from: Date, until: Date): Reminder[] {
  const sent = new Set<string>();
  const told: Reminder[] = [];
  const tells: RiskChangeTells = (at, nextReminder) => {
    const atMs = at.getTime();
    let sends = nextReminder?.getTime() ?? Number.POSITIVE_INFINITY;
    for (const reminder of planAt(at).reminders) {
      if (sent.has(reminder.id) || Date.parse(reminder.deadline) <= atMs) continue;
      sends = Math.min(sends, Math.max(Date.parse(reminder.sendAt), atMs));
    }
    return sends < (nextReminder?.getTime() ?? Number.POSITIVE_INFINITY) ? new Date(sends) : undefined;
  };
  let now: Date | undefined = from;
  for (let wakeUps = 0; wakeUps < 200 && now !== undefined && now < until; wakeUps++) {
    const current = planAt(now);
    for (const reminder of dueReminders(current, now, sent)) {
      sent.add(reminder.id);
      told.push(reminder);
    }
    now = nextWakeUp(current, now, sent, tells);
  }
  return told;
}
