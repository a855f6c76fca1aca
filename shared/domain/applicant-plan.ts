import { applyPreferences } from "./apply-preferences.ts";
import type { Plan } from "./plan.ts";
import type { PlannerInput } from "./planner/planner-input.ts";
import { plan } from "./planner.ts";
import type { Preferences } from "./preferences.ts";
import type { SeasonCalendar } from "./seasons/index.ts";
import { applySnoozes } from "./snoozes.ts";

/**
 * The plan the applicant's reminders follow: the planner's, with the delivery time and quiet hours
 * their preferences chose, then their snoozes (each milestone's `snoozedUntil`) and email
 * preferences applied. One rule for the deployed planner and `npm run plan`, so a snapshot plans
 * alike in both. Pure: `now` and the calendar are the caller's.
 */
export function applicantPlan(
  input: Omit<PlannerInput, "quietHours">,
  preferences: Preferences | undefined,
  calendar: SeasonCalendar,
  now: Date,
): Plan {
  const { timezone } = input.applicant;
  // The delivery time chosen on the preferences page wins over the one an intake form gave.
  const applicant = preferences
    ? { ...input.applicant, reminderTime: preferences.deliveryTime }
    : input.applicant;
  const planned = plan(
    {
      ...input,
      applicant,
      ...(preferences ? { quietHours: preferences.quietHours } : {}),
      ...(preferences?.digest === "weekly" ? { summaryDay: preferences.digestDay } : {}),
    },
    calendar,
    now,
  );
  return applyPreferences(applySnoozes(planned, input.milestones, timezone), preferences, timezone);
}
