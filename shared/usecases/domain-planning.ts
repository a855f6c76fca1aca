import { applicantPlan } from "#domain/applicant-plan.ts";
import { withInterviewCancellations } from "#domain/interview-cancellations.ts";
import { dueReminders, nextWakeUp, planHash } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { seasonCalendarVersion } from "#domain/seasons/version.ts";
import type { Planning } from "./planning.ts";
import { sentInvitesOf } from "./sent-invites.ts";
import { sentRemindersOf } from "./sent-reminders.ts";

/** The real planner and reminder policy, as the use cases consume them, with the applicant's snoozes and email preferences applied. */
export const domainPlanning: Planning = {
  plan: (state, now) => {
    const { preferences, timezone } = state.profile;
    const planned = applicantPlan(
      {
        applicant: state.profile,
        milestones: state.milestones,
        interviews: state.interviews,
        // The WDOMS check's target counts from the sign-up while the sponsor note is unknown.
        signedUpAt: state.profile.createdAt,
        // What went out, and when: a sent notice is laid there.
        remindersSent: sentRemindersOf(state.ledger),
      },
      preferences,
      seasonCalendar(state.profile.matchYear),
      now,
    );
    // A cancelled interview's calendar file is cancelled whatever the preferences: it is not a
    // reminder the applicant can mute or gather, but the undoing of a file we sent.
    return withInterviewCancellations(planned, sentInvitesOf(state.ledger), state.interviews, timezone);
  },
  planHash,
  dueReminders,
  nextWakeUp,
  calendarVersion: (state) => seasonCalendarVersion(state.profile.matchYear),
  // plan() above reads the profile (preferences and zone included), milestones, interviews and the
  // reminders (calendar files included) the ledger says went out; the calendar is module data,
  // fixed for the process.
  planInputs: (state) =>
    JSON.stringify([
      state.profile,
      state.milestones,
      state.interviews,
      sentInvitesOf(state.ledger),
      sentRemindersOf(state.ledger) ?? null,
    ]),
  seasonInstants: (state) =>
    Object.values(seasonCalendar(state.profile.matchYear).dates).map((date) => date.iso),
};
