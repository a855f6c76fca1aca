import { listedInReadingOrder } from "#domain/listed-steps.ts";
import type { Deadline, NextStep, Plan, Reminder } from "#domain/plan.ts";
import { oneReminderPerStep, type StepReminders } from "#domain/planner/one-reminder-per-step.ts";
import { atTheProgram, isInterviewStart } from "#domain/program-time.ts";
import type { Interview } from "#domain/snapshot.ts";
import { groupIntoEmails } from "#domain/weekly-summary.ts";
import { type RemindersEnd, remindersEnd } from "./reminders-end.ts";

/**
 * The plan as --json prints it: its next steps as every view lists them (listedInReadingOrder, in the
 * applicant's zone `timezone`), in the table's order, and without the budget's step, which is the
 * plan's `budget` section, never a step, its reminders as the emails give them, and where they stop
 * (ListedPlan). The planner's plan keeps that step: a notice can ride on it. An interview's step and
 * reminders add its time at the program (`atProgram`, from `interviews`), as the table shows it.
 */
export function planAsListed(result: Plan, timezone: string, interviews: readonly Interview[]): ListedPlan {
  // Only an interview's start is at the program; a thank-you note's day is the applicant's.
  const atProgram = <Item extends { interviewId?: string }>(item: Item, deadline: Deadline | undefined) => {
    const words =
      deadline === undefined || !isInterviewStart(deadline)
        ? undefined
        : atTheProgram(item.interviewId, deadline.at, interviews);
    return words === undefined ? item : { ...item, atProgram: words };
  };
  return {
    ...result,
    nextSteps: listedInReadingOrder(result, timezone).map((step) => atProgram(step, step.deadline)),
    reminders: emailItems(result.reminders).map(({ reminder, alsoFor }) =>
      atProgram(alsoFor.length === 0 ? reminder : { ...reminder, alsoFor }, reminder.deadlineDetail),
    ),
    remindersEnd: remindersEnd(result, timezone),
  };
}

/**
 * The --json plan's shape: its reminders one per email item, as the table's rows, an item's `alsoFor`
 * holding the reminders of its step it stands for (sent with it, claimed all the same); `remindersEnd`:
 * where this plan's reminders stop and what the plans made later add, as the table's line under them
 * says. An interview's step and reminders carry `atProgram`: its time in the program's zone
 * ("Tue 8 Dec 2026, 9:00 AM CST (at the program)"); their `deadline.et` is the plan's own field, in
 * ET, which no view shows for an interview.
 */
export interface ListedPlan extends Omit<Plan, "reminders" | "nextSteps"> {
  nextSteps: (NextStep & { atProgram?: string })[];
  reminders: (Reminder & { alsoFor?: Reminder[]; atProgram?: string })[];
  remindersEnd: RemindersEnd;
}

/**
 * The reminders as the emails give them: one row per step per email (oneReminderPerStep, a notice
 * speaking for its step's rungs, whose rungs the row names), emails in the plan's order.
 */
export function emailItems(reminders: readonly Reminder[]): StepReminders[] {
  return groupIntoEmails(reminders).flatMap((together) => oneReminderPerStep(together));
}
