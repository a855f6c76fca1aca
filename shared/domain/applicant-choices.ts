import { catalogEntry } from "./catalog/index.ts";
import type { NextStep, Plan, Reminder, StepSubject } from "./plan.ts";
import type { MilestoneEntry, MilestoneKey } from "./snapshot.ts";
import type { StepAction } from "./step-actions.ts";
import { localDate, startOfLocalDate } from "./time.ts";

/**
 * What the applicant chose from an email or the timeline page (issue 14), applied to a plan:
 * which one-tap actions a step offers, and snoozes. Pure: the caller passes the plan and the
 * applicant's milestones; nothing here reads a clock.
 */

/** The words on each action's button, in the reminder email and on the timeline page alike. */
export const ACTION_LABELS: Readonly<Record<StepAction, string>> = {
  done: "Done",
  schedule: "Scheduled for…",
  snooze: "Snooze",
  waive: "Not for me",
};

/** Snooze lengths offered, in days: "a few days", each capped at the deadline's last rung. */
export const SNOOZE_DAYS = [2, 4, 7] as const;

/**
 * The actions a next step offers: those its catalog entry lists (`stepActions`: "Scheduled for…"
 * only on a step whose day the applicant books, "Not for me" only where the step may be skipped),
 * "snooze" only while a reminder is left to quiet before the last one. Interviews take none (their
 * dates come from the program).
 */
export function actionsFor(step: Pick<NextStep, "milestone">, plan: Plan): StepAction[] {
  if (step.milestone === "interview" || seasonPassedFor(step, plan)) return [];
  const milestone = step.milestone;
  return catalogEntry(milestone).stepActions.filter(
    (action) => action !== "snooze" || snoozeLimit(plan, milestone) !== undefined,
  );
}

/**
 * True for a step of a season that is over for the applicant (the plan's SEASON_OVER risk: the
 * target Match's rank order list deadline passed) whose deadline has passed and that belongs to
 * that one season (catalog `seasonBound`: application, registration, ranking). Marking it done,
 * dated or snoozed would record nothing true (Done on NRMP registration would mark its late fee
 * paid), so it offers no action; the risk tells the applicant to plan for the next Match.
 */
export function seasonPassedFor(step: Pick<NextStep, "milestone">, plan: Plan): boolean {
  if (step.milestone === "interview" || !plan.risks.some((risk) => risk.code === "SEASON_OVER")) return false;
  return (
    catalogEntry(step.milestone).seasonBound === true &&
    plan.overdue.some((overdue) => overdue.milestone === step.milestone)
  );
}

function remindersOf(plan: Plan, milestone: StepSubject): Reminder[] {
  return plan.reminders
    .filter((reminder) => reminder.milestone === milestone && reminder.interviewId === undefined)
    .sort((left, right) => Date.parse(left.sendAt) - Date.parse(right.sendAt));
}

/**
 * The latest date (the applicant's local "YYYY-MM-DD") a snooze of this step may reach: the day of
 * the last reminder before the step's nearest deadline, which a snooze never silences. Undefined
 * when no reminder is left before that last one (nothing to snooze).
 */
export function snoozeLimit(plan: Plan, milestone: MilestoneKey, zone?: string): string | undefined {
  const reminders = remindersOf(plan, milestone).filter(
    (reminder) => Date.parse(reminder.sendAt) > Date.parse(plan.now),
  );
  const last = lastRungs(reminders).values().next().value;
  if (last === undefined) return undefined;
  const quietable = reminders.filter((reminder) => reminder.deadline === last.deadline && reminder !== last);
  if (quietable.length === 0) return undefined;
  return zone ? localDate(zone, Date.parse(last.sendAt)) : last.sendAtLocal.slice(0, 10);
}

/** The last rung (latest sendAt) of each deadline: never silenced by a snooze. */
function lastRungs(reminders: readonly Reminder[]): Set<Reminder> {
  const byDeadline = new Map<string, Reminder>();
  for (const reminder of reminders) {
    const known = byDeadline.get(reminder.deadline);
    if (!known || Date.parse(reminder.sendAt) > Date.parse(known.sendAt))
      byDeadline.set(reminder.deadline, reminder);
  }
  return new Set(
    [...byDeadline.values()].sort((left, right) => Date.parse(left.deadline) - Date.parse(right.deadline)),
  );
}

/**
 * The date a snooze of `days` from `today` (local "YYYY-MM-DD") ends, capped at the step's snooze
 * limit. Undefined when the step cannot be snoozed.
 */
export function snoozeUntil(
  plan: Plan,
  milestone: MilestoneKey,
  today: string,
  days: number,
  zone: string,
): string | undefined {
  const limit = snoozeLimit(plan, milestone, zone);
  if (limit === undefined) return undefined;
  const wanted = localDate(zone, startOfLocalDate(zone, today) + (days * 24 + 12) * 3_600_000);
  return [wanted, limit].sort()[0];
}

/**
 * Drops the reminders a snooze silences: those of a snoozed milestone sent before the snooze's
 * end (local midnight starting `snoozedUntil`), except each deadline's last rung.
 */
export function applySnoozes(plan: Plan, milestones: readonly MilestoneEntry[], zone: string): Plan {
  const snoozed = new Map(
    milestones.flatMap((entry) => (entry.snoozedUntil ? [[entry.key, entry.snoozedUntil] as const] : [])),
  );
  if (snoozed.size === 0) return plan;
  const kept = new Set<Reminder>();
  for (const [milestone, until] of snoozed) {
    const ends = startOfLocalDate(zone, until);
    const reminders = remindersOf(plan, milestone);
    const last = lastRungs(reminders);
    for (const reminder of reminders) {
      if (last.has(reminder) || Date.parse(reminder.sendAt) >= ends) kept.add(reminder);
    }
  }
  return {
    ...plan,
    reminders: plan.reminders.filter(
      (reminder) =>
        reminder.milestone === "interview" || !snoozed.has(reminder.milestone) || kept.has(reminder),
    ),
  };
}
