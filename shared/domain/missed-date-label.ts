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
}

/** The words before a step's or a reminder's missed date: behind our plan (`behindPlan`), else overdue since. */
export function missedDateLabel(
  item: MissedDateItem,
): typeof OVERDUE_SINCE_LABEL | typeof BEHIND_PLAN_SINCE_LABEL {
  return item.behindPlan === true ? BEHIND_PLAN_SINCE_LABEL : OVERDUE_SINCE_LABEL;
}
