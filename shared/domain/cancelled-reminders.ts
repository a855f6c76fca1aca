import type { Plan, Reminder } from "./plan.ts";
import { interviewIdOf } from "./planner/interviews.ts";
import type { ScheduledReminder } from "./scheduled-reminders.ts";
import type { Interview, MilestoneEntry } from "./snapshot.ts";

/**
 * Why a re-plan dropped a reminder that was still scheduled: the step was marked done or waived,
 * snoozed past it, its date moved (a reminder for the new date replaces it), its interview was
 * cancelled, or it is simply no longer in the plan (another Match year, a step that no longer applies).
 */
export type CancelReason =
  | "done"
  | "waived"
  | "snoozed"
  | "date-moved"
  | "interview-cancelled"
  | "not-in-plan";

/** A scheduled reminder a re-plan dropped: keys only (no text, nothing personal), and why. */
export interface CancelledReminder {
  id: string;
  milestone: Reminder["milestone"];
  interviewId?: string;
  rung: string;
  reason: CancelReason;
}

/** What the re-plan knows about the applicant now: their milestones and interviews. */
export interface CancelContext {
  milestones: readonly MilestoneEntry[];
  interviews: readonly Interview[];
}

/**
 * The reminders of the previous plan that were still scheduled when it was stored (sendAt after
 * `previousComputedAt`, not sent) and are missing from `next`, each with the likeliest reason.
 * Reminders due before the previous plan was stored are left out: they were sent or held back,
 * and the ledger says so already. Pure; `sent` holds the ids the ledger records as sent.
 */
export function cancelledReminders(
  previous: readonly ScheduledReminder[],
  previousComputedAt: string,
  next: Plan,
  context: CancelContext,
  sent: ReadonlySet<string>,
): CancelledReminder[] {
  if (previous.length === 0) return [];
  const kept = new Set(next.reminders.map((reminder) => reminder.id));
  const since = Date.parse(previousComputedAt);
  const cancelled: CancelledReminder[] = [];
  for (const reminder of previous) {
    if (kept.has(reminder.id) || sent.has(reminder.id) || Date.parse(reminder.sendAt) <= since) continue;
    cancelled.push({
      id: reminder.id,
      milestone: reminder.milestone,
      ...(reminder.interviewId === undefined ? {} : { interviewId: reminder.interviewId }),
      rung: reminder.rung,
      reason: reasonFor(reminder, next, context),
    });
  }
  return cancelled;
}

function reasonFor(reminder: ScheduledReminder, next: Plan, context: CancelContext): CancelReason {
  if (reminder.interviewId !== undefined) {
    // An interview without an operator's id is known by program and start: moved is a new one.
    const interview = context.interviews.find(
      (candidate) => interviewIdOf(candidate) === reminder.interviewId,
    );
    if (interview === undefined) return movedInterview(reminder, next) ? "date-moved" : "interview-cancelled";
  }
  const entry = context.milestones.find((candidate) => candidate.key === reminder.milestone);
  if (entry?.status === "done") return "done";
  if (entry?.status === "waived") return "waived";
  // snoozedUntil is a local date; the reminder's local send date is the first 10 characters.
  if (entry?.snoozedUntil !== undefined && reminder.sendAtLocal.slice(0, 10) < entry.snoozedUntil)
    return "snoozed";
  const replaced = next.reminders.some(
    (candidate) =>
      candidate.milestone === reminder.milestone &&
      candidate.interviewId === reminder.interviewId &&
      candidate.rung === reminder.rung,
  );
  return replaced ? "date-moved" : "not-in-plan";
}

/**
 * An interview without an operator's id is known by program and start, so a moved one comes back
 * under a new id: the same interview when the new plan has a reminder with the same title (the
 * titles name the program and the format) for an interview id the dropped reminder did not have.
 */
function movedInterview(reminder: ScheduledReminder, next: Plan): boolean {
  return next.reminders.some(
    (candidate) =>
      candidate.interviewId !== undefined &&
      candidate.interviewId !== reminder.interviewId &&
      candidate.title === reminder.title,
  );
}
