import { cancelledReminders } from "#domain/cancelled-reminders.ts";
import { type CohortRow, cohortRow, type LastEmail } from "#domain/console/cohort-row.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { newlyOverdue, overdueSubjects, type RiskChangeTells } from "#domain/reminder-policy.ts";
import type { ScheduledReminder } from "#domain/scheduled-reminders.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { DomainEvent } from "#ports/event-publisher.ts";
import type { SavePlanOptions, StoredPlanSummary } from "#ports/plans.ts";
import { lookAheadFacts } from "./cohort-look-ahead.ts";
import { ESCALATION_ID_PREFIX } from "./escalation.ts";
import { sentReminderIds, withoutSentReminders } from "./sent-reminders.ts";

/**
 * The pure planning functions the use cases need, as one injectable value: the real domain in
 * production (domain-planning.ts), a hand-built plan in unit tests of the workflow around it.
 */
export interface Planning {
  plan(state: ApplicantState, now: Date): Plan;
  planHash(plan: Plan): string;
  /** Reminders due at `now` and not yet sent, most urgent first. */
  dueReminders(plan: Plan, now: Date, alreadySent: ReadonlySet<string>): Reminder[];
  /**
   * The earliest sendAt strictly after `now` of a reminder not yet sent, or sooner a risk-change
   * instant where `tells` says re-planning sends something (every one without `tells`), if any.
   */
  nextWakeUp(
    plan: Plan,
    now: Date,
    alreadySent: ReadonlySet<string>,
    tells?: RiskChangeTells,
  ): Date | undefined;
  /**
   * The version of the season calendar `plan` reads for this applicant, stored with the plan so
   * the sweeper can find plans made with an older calendar. Optional: without it no version is
   * stored (unit-test planners that have no calendar).
   */
  calendarVersion?(state: ApplicantState): string;
  /**
   * The ISO UTC instants of the applicant's season calendar (where time alone may change a plan),
   * so the console's cohort row can be read as of now (row-as-of.ts). Optional: without it only
   * the open steps' deadlines are taken.
   */
  seasonInstants?(state: ApplicantState): readonly string[];
  /**
   * Everything of `state` that `plan` reads, as one string: two states with the same string plan
   * alike at any instant, so the cohort row's look-ahead can reuse facts planned before
   * (cohort-look-ahead.ts). Optional: without it nothing is reused.
   */
  planInputs?(state: ApplicantState): string;
}

/**
 * The plan the applicant is shown, at `now`: the timeline, the action pages and the calendar feed
 * all read this one, so the feed's alarms are exactly the emails the timeline lists as coming
 * (the feed planned without the ledger, and a sent rung re-timed to the
 * next slot rang on a day no email came).
 */
export function applicantPlan(planning: Pick<Planning, "plan">, state: ApplicantState, now: Date): Plan {
  return withoutSentReminders(planning.plan(state, now), state);
}

/**
 * The instant to arm for an applicant: a reminder already due and unsent wins (its own sendAt, a
 * past instant that stays the same across re-plans, so an unchanged plan still costs no Scheduler
 * call; the scheduler fires it at once); otherwise the next reminder to come, or sooner a
 * risk-change instant where re-planning `state` sends the applicant something (riskChangeTells).
 */
export function wakeUpInstant(
  planning: Planning,
  state: ApplicantState,
  plan: Plan,
  now: Date,
  alreadySent: ReadonlySet<string>,
): Date | undefined {
  const due = planning.dueReminders(plan, now, alreadySent);
  if (due.length > 0) return new Date(Math.min(...due.map((reminder) => Date.parse(reminder.sendAt))));
  return planning.nextWakeUp(plan, now, alreadySent, riskChangeTells(planning, state, alreadySent));
}

/**
 * What waking the applicant at a risk-change instant would send them, and when: the plan
 * re-made there (from the same state: only time has moved) holding a reminder not in `alreadySent`,
 * still ahead of its deadline, that goes out there or later but before `nextReminder`, e.g. the
 * notice of a risk turning critical, gives the earliest such instant (the
 * change itself for one due at once, else its sendAt, such as the next delivery slot). Otherwise
 * undefined: the wake-up would only re-arm the next reminder, and the re-plan at that reminder sees
 * the same risks. The advisor's side is the escalation timer's (escalation-timer.ts), armed beside
 * this for consenting applicants only.
 */
export function riskChangeTells(
  planning: Pick<Planning, "plan">,
  state: ApplicantState,
  alreadySent: ReadonlySet<string>,
): RiskChangeTells {
  return (at, nextReminder) => {
    const atMs = at.getTime();
    let sends = nextReminder?.getTime() ?? Number.POSITIVE_INFINITY;
    for (const reminder of planning.plan(state, at).reminders) {
      if (alreadySent.has(reminder.id) || Date.parse(reminder.deadline) <= atMs) continue;
      const goesAt = Math.max(Date.parse(reminder.sendAt), atMs);
      if (goesAt < sends) sends = goesAt;
    }
    return sends < (nextReminder?.getTime() ?? Number.POSITIVE_INFINITY) ? new Date(sends) : undefined;
  };
}

/**
 * MilestoneOverdue for what became overdue since the stored plan (DESIGN decision 8), once per
 * subject: the stored plan's `overdue` list says what was already announced. Empty when nothing is new.
 */
export function overdueEvents(state: ApplicantState, plan: Plan, now: Date): DomainEvent[] {
  const milestones = newlyOverdue(plan, state.storedPlan?.overdue);
  if (milestones.length === 0) return [];
  return [
    {
      type: "MilestoneOverdue",
      applicantId: state.profile.applicantId,
      at: now.toISOString(),
      detail: { milestones },
    },
  ];
}

/**
 * RemindersCancelled for the reminders the stored plan (`storedReminders`, read with `state`) still
 * had scheduled and `plan` drops: the notice ledger's "cancelled" rows. Published with the plan, so
 * its copy rides in the plan's write. Empty when none.
 */
export function cancelledEvents(
  state: ApplicantState,
  storedReminders: readonly ScheduledReminder[],
  plan: Plan,
  now: Date,
): DomainEvent[] {
  const stored = state.storedPlan;
  if (stored === undefined || storedReminders.length === 0) return [];
  const reminders = cancelledReminders(
    storedReminders,
    stored.computedAt,
    plan,
    state,
    sentReminderIds(state),
  );
  if (reminders.length === 0) return [];
  return [
    {
      type: "RemindersCancelled",
      applicantId: state.profile.applicantId,
      at: now.toISOString(),
      detail: { reminders },
    },
  ];
}

/**
 * What is stored beside a plan: its hash, when it was computed, the wake-up armed for it, the
 * calendar version it read, and what it had overdue (members omitted when absent or empty).
 */
export function storedPlanSummary(parts: {
  plan: Plan;
  planHash: string;
  computedAt: Date;
  wakeUpAt?: string | undefined;
  calendarVersion?: string | undefined;
}): StoredPlanSummary {
  const overdue = overdueSubjects(parts.plan);
  return {
    planHash: parts.planHash,
    computedAt: parts.computedAt.toISOString(),
    ...(parts.wakeUpAt ? { wakeUpAt: parts.wakeUpAt } : {}),
    ...(parts.calendarVersion ? { calendarVersion: parts.calendarVersion } : {}),
    ...(overdue.length > 0 ? { overdue } : {}),
  };
}

/**
 * The latest email to the applicant the ledger records and what became of it: SES's report when one came back,
 * else "sent". An unsubscribe is the row's `unsubscribedAt`, which no later report overwrites.
 */
export function lastEmailOf(state: ApplicantState): LastEmail | undefined {
  let latest: LastEmail | undefined;
  for (const entry of state.ledger) {
    if (entry.status !== "sent" || entry.sentAt === undefined || entry.messageId === undefined) continue;
    // An escalation went to the advisor, not the applicant.
    if (entry.reminderId.startsWith(ESCALATION_ID_PREFIX)) continue;
    if (latest !== undefined && latest.sentAt >= entry.sentAt) {
      if (latest.messageId === entry.messageId && entry.delivery !== undefined)
        latest.outcome = entry.delivery;
      continue;
    }
    latest = { sentAt: entry.sentAt, messageId: entry.messageId, outcome: entry.delivery ?? "sent" };
  }
  return latest;
}

/**
 * The stored plan summary's `cohort` member: the applicant's row in the advisor's console, with
 * the facts time alone will change ahead (re-planned at each such instant when `planning` is given).
 */
export function cohortSummary(state: ApplicantState, plan: Plan, planning?: Planning): { cohort: CohortRow } {
  const lastEmail = lastEmailOf(state);
  const upcoming = planning === undefined ? [] : lookAheadFacts(state, plan, planning);
  return {
    cohort: cohortRow({
      applicantId: state.profile.applicantId,
      applicant: state.profile,
      plan,
      interviews: state.interviews,
      ...(lastEmail ? { lastEmail } : {}),
      ...(state.profile.remindersPausedAt ? { remindersPausedAt: state.profile.remindersPausedAt } : {}),
      ...(state.profile.unsubscribedAt ? { unsubscribedAt: state.profile.unsubscribedAt } : {}),
      upcoming,
    }),
  };
}

/** How a plan for `state` is written: replacing what is stored, a plan or the empty slot for one. */
export function savePlanOptions(state: ApplicantState): SavePlanOptions {
  return { replacesStoredPlan: state.storedPlan !== undefined || state.planSlotStored === true };
}
