import { compareCountdowns, reminderCountdown } from "./display-order.ts";
import { stableHash } from "./hash.ts";
import type { Plan, Reminder } from "./plan.ts";

/**
 * What the reminder function asks of a plan: which reminders to send now, when to wake up next,
 * and whether the plan changed in a way the applicant would notice.
 */

/**
 * Reminders due at `now`: sendAt <= now < deadline and not already sent, most urgent first
 * (mostUrgentFirst). A reminder whose deadline has passed is never returned, so a late wake-up
 * never announces a deadline that is already gone. A reminder folded into another's words
 * (Reminder.folded) whose carrier was already sent is due on its own: else a sent rank-list rung
 * re-timed as a missed one would take the NRMP question of its slot, and nothing would send it.
 */
export function dueReminders(plan: Plan, now: Date, alreadySent: ReadonlySet<string>): Reminder[] {
  const nowMs = now.getTime();
  const isDue = (reminder: Reminder) =>
    Date.parse(reminder.sendAt) <= nowMs && nowMs < Date.parse(reminder.deadline);
  const due: Reminder[] = [];
  for (const reminder of plan.reminders) {
    if (!alreadySent.has(reminder.id)) {
      if (isDue(reminder)) due.push(reminder);
      continue;
    }
    for (const each of reminder.folded ?? NONE)
      if (!alreadySent.has(each.id) && isDue(each) && !due.some((other) => other.id === each.id))
        due.push(each);
  }
  return due.sort(mostUrgentFirst);
}
const NONE: readonly Reminder[] = [];

/**
 * The order of one email's items, and of the timeline's list of what an email will carry: the
 * email's rule (compareCountdowns, shared with the order of the next steps on the timeline and in
 * the CLI, display-order.ts: the earliest day of the date counted down to; on one day a hard
 * deadline, then the applicant's own date, then a target; then the earliest instant), then sendAt;
 * then a step's own rung before a risk's notice counting down to the same instant (the notice may
 * ride on another step, while the timeline's first card is the step whose date it is: the ids'
 * order, which decided it, moves with any date), then id.
 */
export function mostUrgentFirst(left: Reminder, right: Reminder): number {
  return (
    compareCountdowns(reminderCountdown(left), reminderCountdown(right)) ||
    Date.parse(left.sendAt) - Date.parse(right.sendAt) ||
    Number(left.risk !== undefined) - Number(right.risk !== undefined) ||
    left.id.localeCompare(right.id)
  );
}

/** How long after a risk-change instant the applicant is re-planned: just past it, as the cohort row is. */
const JUST_AFTER_RISK_CHANGE_MS = 1000;

/**
 * When re-planning at a risk-change instant `at` would send the applicant something before
 * `nextReminder` (the plan's next reminder, undefined when none is left): the earliest instant, at
 * or after `at`, that such a reminder goes out; undefined when none would. See nextWakeUp.
 */
export type RiskChangeTells = (at: Date, nextReminder: Date | undefined) => Date | undefined;

/**
 * The one wake-up to arm for this applicant, strictly after `now`: the earliest sendAt of a
 * reminder not yet sent, or sooner the first instant where time alone changes the plan's risks
 * (`Plan.riskChangesAt`, just after it), so a risk that turns critical between reminders is
 * re-planned then and its notice goes out at the next delivery slot, not at the next reminder weeks
 * later (a non-consenting applicant heard of a critical risk a month late).
 * With `tells` (the caller can re-plan), a risk change counts only when re-planning there would
 * send something before the next reminder, and the wake-up is the instant that goes out (since
 * most such instants change nothing the applicant is sent, a notice is often planned for the next
 * delivery slot, and each wake-up that sends nothing costs a Query, a plan write and a re-arm);
 * without it, every change instant is taken. Undefined when nothing is left.
 */
export function nextWakeUp(
  plan: Plan,
  now: Date,
  alreadySent: ReadonlySet<string>,
  tells?: RiskChangeTells,
): Date | undefined {
  const nowMs = now.getTime();
  let earliest = Number.POSITIVE_INFINITY;
  for (const reminder of plan.reminders) {
    if (alreadySent.has(reminder.id)) {
      // What a sent reminder carries and is not sent goes on its own (dueReminders).
      for (const each of reminder.folded ?? NONE) {
        const sendAt = Date.parse(each.sendAt);
        if (!alreadySent.has(each.id) && sendAt > nowMs && sendAt < earliest) earliest = sendAt;
      }
      continue;
    }
    const sendAt = Date.parse(reminder.sendAt);
    if (sendAt > nowMs && sendAt < earliest) earliest = sendAt;
  }
  const nextReminder = earliest === Number.POSITIVE_INFINITY ? undefined : new Date(earliest);
  const changes: number[] = [];
  for (const instant of plan.riskChangesAt ?? []) {
    const at = Date.parse(instant) + JUST_AFTER_RISK_CHANGE_MS;
    if (at > nowMs && at < earliest) changes.push(at);
  }
  changes.sort((left, right) => left - right);
  if (tells === undefined) return changes.length > 0 ? new Date(changes[0] as number) : nextReminder;
  // Wake when the first thing a risk change tells goes out, not at the change: a notice planned for
  // the next delivery slot would find nothing due at the change itself, and a wake-up that sends
  // nothing still costs a Query, a plan write and a re-arm. A later change may tell something
  // sooner still; none after the chosen instant can.
  let wake = nextReminder;
  for (const at of changes) {
    if (wake !== undefined && at >= wake.getTime()) break;
    const sends = tells(new Date(at), wake);
    if (sends !== undefined && (wake === undefined || sends.getTime() < wake.getTime())) wake = sends;
  }
  return wake;
}

/**
 * A stable fingerprint of what matters to the applicant: next steps (milestone, interview, due,
 * urgency), blocked steps, overdue steps, risk codes and severities, reminder ids and budget
 * totals. It ignores `now` and renderings, so re-planning an unchanged applicant a minute later
 * gives the same hash and no write.
 */
export function planHash(plan: Plan): string {
  const parts: string[] = [String(plan.matchYear), plan.seasonStatus];
  for (const step of plan.nextSteps) {
    parts.push(
      `n|${step.milestone}|${step.interviewId ?? ""}|${step.dueBy ?? ""}|${step.urgency}|${step.title}`,
    );
  }
  for (const step of plan.blocked) parts.push(`b|${step.milestone}|${step.waitingFor.join(",")}`);
  for (const step of plan.overdue) parts.push(`o|${step.milestone}|${step.interviewId ?? ""}|${step.dueBy}`);
  for (const risk of plan.risks) parts.push(`k|${risk.code}|${risk.severity}|${risk.milestones.join(",")}`);
  for (const reminder of plan.reminders) parts.push(`r|${reminder.id}`);
  parts.push(`$|${plan.budget.spentUsd}|${plan.budget.upcomingUsd}`);
  return stableHash(parts.join("\n"));
}

/**
 * What is overdue in a plan, as stable keys: the milestone key, or "interview:<id>" for an
 * interview step. Sorted, so two plans with the same overdue steps give the same list.
 */
export function overdueSubjects(plan: Plan): string[] {
  const keys = plan.overdue.map((step) =>
    step.interviewId === undefined ? step.milestone : `${step.milestone}:${step.interviewId}`,
  );
  return [...new Set(keys)].sort();
}

/**
 * Subjects overdue in `plan` that were not overdue in the plan stored before it (`before`: its
 * `overdueSubjects`; undefined when no plan was stored, so everything overdue is new).
 */
export function newlyOverdue(plan: Plan, before: readonly string[] | undefined): string[] {
  const known = new Set(before ?? []);
  return overdueSubjects(plan).filter((subject) => !known.has(subject));
}
