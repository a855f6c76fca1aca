import type { CatalogEntry } from "../catalog/index.ts";
import type { Deadline } from "../plan.ts";
import type { PlanContext } from "./context.ts";
import type { PlanDates } from "./deadlines.ts";
import { rebookReminders } from "./missed-sitting.ts";
import { resultFollowUp, type StepOwnDate } from "./own-date.ts";
import type { TimedReminder } from "./reminders.ts";
import { startedResultAsked } from "./visa-result-after-start.ts";
import { visaResultAskedAgain } from "./visa-result-asked.ts";

/**
 * What an advisor sends once the applicant's own date (an exam day, a consular interview) has gone
 * by with no result told (stepReminders, split out by concern), appended to `into`: the result's
 * follow-up, unless a rung of the same deadline at the same instant already carries the step (its
 * text asks: one notice); a missed sitting's rebooking rungs up to its last sitting day; a consular
 * interview's question asked again before the start. `announced` is the deadline the step's result
 * counts to (null: none left); `overdue` the step's own deadline as shown, which a consular
 * interview's question past residency's start is overdue since (startedResultAsked).
 */
export function ownDatePassedReminders(
  context: PlanContext,
  entry: CatalogEntry,
  index: number,
  own: StepOwnDate,
  dates: { announced: { at: number; detail: Deadline } | null; overdue: Deadline | undefined },
  stepDates: PlanDates,
  into: TimedReminder[],
): void {
  const { announced } = dates;
  const followUp =
    startedResultAsked(context, entry, own, dates.overdue, stepDates) ??
    resultFollowUp(context, entry, own, announced);
  if (
    followUp !== null &&
    !into.some(
      (other) =>
        other.reminder.milestone === entry.key &&
        other.sendAt === followUp.sendAt &&
        other.deadline === followUp.deadline,
    )
  )
    into.push(followUp);
  rebookReminders(context, entry, index, own, stepDates, announced, into); // up to the last sitting day
  if (entry.stage === "visa") visaResultAskedAgain(context, entry, own, announced, into);
}
