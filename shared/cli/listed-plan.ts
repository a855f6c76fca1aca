import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { oneReminderPerStep, type StepReminders } from "#domain/planner/one-reminder-per-step.ts";
import { groupIntoEmails } from "#domain/weekly-summary.ts";
import { type RemindersEnd, remindersEnd } from "./reminders-end.ts";

/**
 * The plan as --json prints it: its next steps as every view lists them (listedInReadingOrder, in the
 * applicant's zone `timezone`), in the table's order, and without the budget's step, which is the
 * plan's `budget` section, never a step, its reminders as the emails give them, and where they stop
 * (ListedPlan). The planner's plan keeps that step: a notice can ride on it.
 */
export function planAsListed(result: Plan, timezone = "America/New_York"): ListedPlan {
  return {
    ...result,
    nextSteps: listedInReadingOrder(result, timezone),
    reminders: emailItems(result.reminders).map(({ reminder, alsoFor }) =>
      alsoFor.length === 0 ? reminder : { ...reminder, alsoFor },
    ),
    remindersEnd: remindersEnd(result, timezone),
  };
}

/**
 * The --json plan's shape: its reminders one per email item, as the table's rows, an item's `alsoFor` holding the reminders of its
 * step it stands for (sent with it, claimed all the same); `remindersEnd`: where this plan's
 * reminders stop and what the plans made later add, as the table's line under them says.
 */
export interface ListedPlan extends Omit<Plan, "reminders"> {
  reminders: (Reminder & { alsoFor?: Reminder[] })[];
  remindersEnd: RemindersEnd;
}

/**
 * The reminders as the emails give them: one row per step per email (oneReminderPerStep, a notice
 * speaking for its step's rungs, whose rungs the row names), emails in the plan's order.
 */
export function emailItems(reminders: readonly Reminder[]): StepReminders[] {
  return groupIntoEmails(reminders).flatMap((together) => oneReminderPerStep(together));
}
