import { applySnoozes } from "#domain/applicant-choices.ts";
import { applyPreferences } from "#domain/apply-preferences.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp, planHash } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { seasonCalendarVersion } from "#domain/seasons/version.ts";
import type { Planning } from "./planning.ts";

/** The real planner and reminder policy, as the use cases consume them, with the applicant's snoozes and email preferences applied. */
export const domainPlanning: Planning = {
  plan: (state, now) => {
    const { preferences, timezone } = state.profile;
    // The delivery time chosen on the preferences page wins over the one an intake form gave.
    const applicant = preferences
      ? { ...state.profile, reminderTime: preferences.deliveryTime }
      : state.profile;
    const planned = plan(
      {
        applicant,
        milestones: state.milestones,
        interviews: state.interviews,
        ...(preferences ? { quietHours: preferences.quietHours } : {}),
      },
      seasonCalendar(state.profile.matchYear),
      now,
    );
    return applyPreferences(applySnoozes(planned, state.milestones, timezone), preferences, timezone);
  },
  planHash,
  dueReminders,
  nextWakeUp,
  calendarVersion: (state) => seasonCalendarVersion(state.profile.matchYear),
  // plan() above reads the profile (preferences and zone included), milestones and interviews;
  // the calendar is module data, fixed for the process.
  planInputs: (state) => JSON.stringify([state.profile, state.milestones, state.interviews]),
  seasonInstants: (state) =>
    Object.values(seasonCalendar(state.profile.matchYear).dates).map((date) => date.iso),
};
