import type { Reminder } from "../plan.ts";

/**
 * The planner's Reminder in its one shape: every field present, in the plan's JSON key order, the
 * optional ones (interviewId, countsDownTo, overdueSince, stepDate, laidAgainst, risk,
 * folded, onWaitingStep) undefined when not set. JSON.stringify leaves an
 * undefined field out, so the plan's JSON is the same as with the field absent.
 *
 * Why: reminders built by literals of different shapes (a field added after the literal, only when
 * set) and by `{ ...reminder, sendAt }` spreads would have eight or nine hidden classes in V8, so the
 * loops that scan the plan's reminders (`other.reminder.milestone` in stepReminders,
 * targetPassedNotice and joinLateArrivals; compareReminders' `id`) would read them megamorphic.
 */
export function reminderRecord(fields: Reminder): Reminder {
  return {
    id: fields.id,
    milestone: fields.milestone,
    rung: fields.rung,
    title: fields.title,
    deadline: fields.deadline,
    deadlineDetail: fields.deadlineDetail,
    sendAt: fields.sendAt,
    sendAtLocal: fields.sendAtLocal,
    why: fields.why,
    interviewId: fields.interviewId,
    countsDownTo: fields.countsDownTo,
    overdueSince: fields.overdueSince,
    stepDate: fields.stepDate,
    laidAgainst: fields.laidAgainst,
    risk: fields.risk,
    folded: fields.folded,
    onWaitingStep: fields.onWaitingStep,
  };
}

/** `{ ...reminder, ...changes }` in the one shape, frozen (a plan's reminders are shared, not edited). */
export function reminderWith(reminder: Reminder, changes: Partial<Reminder>): Readonly<Reminder> {
  return Object.freeze(Object.assign(reminderRecord(reminder), changes));
}
