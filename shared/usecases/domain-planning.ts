import { plan } from "#domain/planner.ts";
import { dueReminders, nextWakeUp, planHash } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { seasonCalendarVersion } from "#domain/seasons/version.ts";
import type { Planning } from "./planning.ts";

/** The real planner and reminder policy, as the use cases consume them. */
export const domainPlanning: Planning = {
  plan: (state, now) =>
    plan(
      { applicant: state.profile, milestones: state.milestones, interviews: state.interviews },
      seasonCalendar(state.profile.matchYear),
      now,
    ),
  planHash,
  dueReminders,
  nextWakeUp,
  calendarVersion: (state) => seasonCalendarVersion(state.profile.matchYear),
};
