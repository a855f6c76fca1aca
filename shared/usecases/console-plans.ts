import type { Plan } from "#domain/plan.ts";
import { plan as planFor } from "#domain/planner.ts";
import { type ScheduledReminder, scheduledReminders } from "#domain/scheduled-reminders.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { ApplicantState } from "#ports/applicants.ts";

/**
 * The plan the console's timeline, Mark done and what-if read: the planner's steps and dates for the
 * applicant as of `now`, without their email choices (snoozes, preferences) or the ledger's sent notices, which
 * change what is sent, not what is due (the notice ledger reads Planning.plan for that).
 */
export function currentPlan(state: ApplicantState, now: Date): Plan {
  const { profile, milestones, interviews } = state;
  // The sign-up dates the WDOMS check's target, as in the applicant's own plan (domain-planning.ts).
  const input = { applicant: profile, milestones, interviews, signedUpAt: profile.createdAt };
  return planFor(input, seasonCalendar(profile.matchYear), now);
}

/**
 * The reminders the ledger shows as scheduled for `state` at `now` (a plan made now, `plan`), still
 * to go after the stored plan was computed: passed with a console change (IntakeSource.shownScheduled)
 * so the re-plan it causes lists every one it drops as cancelled.
 */
export function shownScheduled(state: ApplicantState, plan: Plan, now: Date): ScheduledReminder[] {
  return scheduledReminders(plan, state.storedPlan?.computedAt ?? now.toISOString());
}
