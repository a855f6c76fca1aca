import { basisMark } from "./date-basis.ts";
import type { Deadline } from "./plan.ts";

/** The words before an overdue step's missed date (Reminder.overdueSince), shown in place of its countdown. */
export const OVERDUE_SINCE_LABEL = { label: "Overdue since", inline: "overdue since" } as const;
/**
 * The words before a missed date that is our own allowance while the date that counts (the visa's
 * own) still holds (NextStep.behindPlan, Reminder.behindPlan): behind our plan, not overdue.
 */
export const BEHIND_PLAN_SINCE_LABEL = {
  label: "Behind our plan since",
  inline: "behind our plan since",
} as const;

/** A step or reminder with a missed date: behind our plan (NextStep.behindPlan, BlockedStep.behindPlan, Reminder.behindPlan) or not. */
export interface MissedDateItem {
  behindPlan?: true;
  /** The last day to keep the program's start date while it is ahead (NextStep.actBy). */
  actBy?: Deadline;
}

/**
 * "; act by <day> (our advice)" after a behind-our-plan date when the last day to keep the program's
 * start date is ahead (NextStep.actBy): the one day to act by, the day the critical notice names, on
 * every surface that says "behind our plan since"; "" otherwise. A whole day of advice: its local
 * words with its basis, or as `shown` renders a date (the CLI's marks).
 */
export function actByWords(
  item: MissedDateItem,
  shown: (date: Deadline) => string = (date) => `${date.local}${basisMark(date)}`,
): string {
  if (item.behindPlan !== true || item.actBy === undefined) return "";
  return `; act by ${shown(item.actBy)}`;
}

/** The words before a step's or a reminder's missed date: behind our plan (`behindPlan`), else overdue since. */
export function missedDateLabel(
  item: MissedDateItem,
): typeof OVERDUE_SINCE_LABEL | typeof BEHIND_PLAN_SINCE_LABEL {
  return item.behindPlan === true ? BEHIND_PLAN_SINCE_LABEL : OVERDUE_SINCE_LABEL;
}

/**
 * The rules of a day a step turned overdue on that was never a day it was due (planner/visa-date-missed-day.ts
 * visaDateMissedDay: the day the visa's own date came at risk, past our earlier allowance), each its
 * source on every surface: the J-1 sponsorship file's steps', the filed H-1B petition's.
 */
export const TURNED_OVERDUE_SOURCES = {
  j1File:
    "The last day on which ECFMG's shorter review (4 weeks) and the consular month still brought your J-1 visa by its own date, had your sponsorship file been complete that day (or, if sooner, the day half the time this plan allows between the step and the visa was gone); the earlier day the step was planned for is our cautious allowance (advice)",
  startLastDay:
    "The last day to keep your program's start date, the day this plan asked you to act by: after it, on this plan's allowances, your visa would come after residency starts; the earlier day the step was planned for is our cautious allowance (advice)",
  filedPetition:
    "The last day on which USCIS's approval of your filed H-1B petition, with the time this plan allows for the stamping after it, still brought your visa before the start's last week (or, if sooner, the day half the time this plan allows between the approval and the stamping was gone); the earlier approval day is our allowance for USCIS's premium processing (advice)",
  statusPetition:
    "The last day on which premium processing's 15 business days, asked for then, still brought USCIS's approval of your change of status before residency starts; the earlier approval day is our allowance for USCIS's premium processing (advice)",
} as const;
const TURNED_OVERDUE = new Set<string>(Object.values(TURNED_OVERDUE_SOURCES));

/** Whether a passed date is the day the step turned overdue, not its due day (TURNED_OVERDUE_SOURCES): "overdue since" it, never "it was due" it. */
export function turnedOverdueOn(deadline: Pick<Deadline, "source">): boolean {
  return TURNED_OVERDUE.has(deadline.source);
}
