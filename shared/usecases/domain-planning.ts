import { applySnoozes } from "#domain/applicant-choices.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp, planHash } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { seasonCalendarVersion } from "#domain/seasons/version.ts";
import type { Planning } from "./planning.ts";

/** The real planner and reminder policy, as the use cases consume them, with the applicant's snoozes applied. */
export const domainPlanning: Planning = {
  plan: (state, now) =>
    applySnoozes(
      plan(
        { applicant: state.profile, milestones: state.milestones, interviews: state.interviews },
        seasonCalendar(state.profile.matchYear),
        now,
      ),
      state.milestones,
      state.profile.timezone,
    ),
  planHash,
  dueReminders,
  nextWakeUp,
  calendarVersion: (state) => seasonCalendarVersion(state.profile.matchYear),
};
