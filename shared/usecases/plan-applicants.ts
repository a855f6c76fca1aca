import { sameRow } from "#domain/console/cohort-row.ts";
import type { Plan } from "#domain/plan.ts";
import { TransientError } from "#errors";
import type { ApplicantRepository } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { DomainEvent, EventPublisher } from "#ports/event-publisher.ts";
import type { PlanRepository } from "#ports/plans.ts";
import type { WakeUpScheduler } from "#ports/wake-up-scheduler.ts";
import { hasStaleEscalationClaim } from "./escalation.ts";
import { type EscalationDeps, escalate } from "./escalation-send.ts";
import { earliest, escalationWakeUp } from "./escalation-timer.ts";
import {
  cancelledEvents,
  cohortSummary,
  overdueEvents,
  type Planning,
  savePlanOptions,
  storedPlanSummary,
  wakeUpInstant,
} from "./planning.ts";
import { sentReminderIds } from "./sent-reminders.ts";

export interface PlanApplicantsDeps {
  applicants: ApplicantRepository;
  plans: Pick<PlanRepository, "savePlan">;
  wakeUps: WakeUpScheduler;
  /** The bus: the events' copies in the applicant's partition are the store's (savePlan). */
  events: EventPublisher;
  clock: Clock;
  planning: Planning;
  /** Emails the consenting applicant's advisor about new critical risks; absent: no escalation. */
  escalation?: EscalationDeps;
}

export type PlanOutcome =
  /** The plan or its wake-up changed and was stored. */
  | "planned"
  /** Same plan, same wake-up: nothing written, no Scheduler call. */
  | "unchanged"
  /** No such applicant (deleted): its wake-up was removed. */
  | "unknown";

export type PlanResult =
  | { applicantId: string; ok: true; outcome: PlanOutcome; planHash?: string; wakeUpAt?: string }
  | { applicantId: string; ok: false; error: unknown };

/**
 * Re-plans one applicant at the clock's now. Effects, in an order that survives a crash between
 * any two of them (a retry recomputes and redoes what is missing):
 * 1. arm/disarm — only when the wake-up instant differs from the stored one (or forceArm);
 * 2. publish PlanChanged — only when the plan hash differs (at least once), and escalate new
 *    critical risks to a consenting applicant's advisor (once each, claimed in the ledger);
 * 3. savePlan — last, because it is what makes a retry see "unchanged"; it also writes the copies
 *    of the events published in 2 (the applicant's recent events), in the same request.
 */
export interface PlanOptions {
  /**
   * Arm the wake-up even when the stored plan says it is armed at the same instant: the sweeper's
   * repair of a wake-up that was lost or never fired (the stored instant is then a lie).
   */
  forceArm?: boolean;
}

export async function planApplicant(
  applicantId: string,
  deps: PlanApplicantsDeps,
  options: PlanOptions = {},
): Promise<PlanResult> {
  const state = await deps.applicants.loadApplicant(applicantId);
  if (!state) {
    await deps.wakeUps.disarm(applicantId);
    return { applicantId, ok: true, outcome: "unknown" };
  }
  const now = deps.clock.now();
  const plan: Plan = deps.planning.plan(state, now);
  const planHash = deps.planning.planHash(plan);
  // With escalation on, the one wake-up also comes when time alone has something to tell the advisor.
  const wakeUp = earliest(
    wakeUpInstant(deps.planning, state, plan, now, sentReminderIds(state)),
    deps.escalation ? escalationWakeUp(state, plan, now, deps.planning) : undefined,
  );
  const wakeUpAt = wakeUp?.toISOString();

  const calendarVersion = deps.planning.calendarVersion?.(state);

  const stored = state.storedPlan;
  const planChanged = stored?.planHash !== planHash;
  const wakeUpChanged = stored?.wakeUpAt !== wakeUpAt || stored === undefined;
  // A plan made with another calendar is re-stored even when nothing else changed, so the sweeper
  // that looks for such plans does not find this one again tomorrow.
  const calendarChanged = calendarVersion !== undefined && stored?.calendarVersion !== calendarVersion;
  const rearm = wakeUpChanged || (options.forceArm === true && wakeUp !== undefined);
  const { cohort } = cohortSummary(state, plan, deps.planning);
  // The console's row also changes without the plan (a new advisor, a paused applicant, an email's fate).
  const rowChanged = !sameRow(stored?.cohort, cohort);
  // A claim left stale by a planner that died before sending is re-checked on any later re-plan.
  const strandedEscalation = deps.escalation !== undefined && hasStaleEscalationClaim(state, now);
  if (!planChanged && !rearm && !calendarChanged && !rowChanged && !strandedEscalation)
    return { applicantId, ok: true, outcome: "unchanged", planHash };

  if (rearm) {
    const armedAt = stored?.wakeUpAt === undefined ? undefined : new Date(stored.wakeUpAt);
    if (wakeUp) await deps.wakeUps.arm(applicantId, wakeUp, armedAt ? { replacing: armedAt } : {});
    else if (armedAt) await deps.wakeUps.disarm(applicantId, armedAt);
  }
  const events: DomainEvent[] = planChanged
    ? [
        {
          type: "PlanChanged",
          applicantId,
          at: now.toISOString(),
          detail: { planHash, nextDueAt: wakeUpAt ?? null, riskCodes: plan.risks.map((risk) => risk.code) },
        },
        ...overdueEvents(state, plan, now),
        ...cancelledEvents(state, deps.applicants.storedReminders(state), plan, now),
      ]
    : [];
  if (planChanged) {
    await deps.events.publish(events);
    // Before savePlan: the diff against the stored plan is what finds a new risk, so a retry after
    // a failed send must still see it (the ledger's claim keeps it to one email).
    if (deps.escalation) await escalate(state, plan, now, deps.escalation);
  } else if (strandedEscalation && deps.escalation) await escalate(state, plan, now, deps.escalation);
  // The events' copies (the console's list) go in the plan's own write.
  await deps.plans.savePlan(
    applicantId,
    plan,
    { ...storedPlanSummary({ plan, planHash, computedAt: now, wakeUpAt, calendarVersion }), cohort },
    events,
    savePlanOptions(state),
  );
  return { applicantId, ok: true, outcome: "planned", planHash, ...(wakeUpAt ? { wakeUpAt } : {}) };
}

/** What is left of an invocation, and how much of it the caller keeps to report failures. */
export interface InvocationBudget {
  /** Time left in this invocation (Lambda's getRemainingTimeInMillis). */
  timeLeftMs(): number;
  /** Stop starting work when less than this is left. */
  reserveMs: number;
}

/** Whether more than the budget's reserve is left to start one more piece of work (an applicant). */
export function hasTimeToStart(budget: InvocationBudget): boolean {
  return budget.timeLeftMs() > budget.reserveMs;
}

/**
 * An applicant of a batch not started because the invocation's reserve was reached: nothing failed,
 * the caller reports its records for the retry. `error` is what a caller that plans one applicant
 * and rethrows meets (a TransientError: try again).
 */
export interface NotStarted {
  applicantId: string;
  ok: false;
  notStarted: true;
  error: TransientError;
}

/**
 * Plans each applicant once. A failure is returned for that applicant (never thrown past the
 * others), so a stream batch can report exactly the records that must be retried. With a
 * `budget`, an applicant is not started once less than its reserve is left (NotStarted): a service
 * that stopped answering fails each applicant only after its request's full wait, and a batch of
 * ten would meet the function's timeout with nothing reported. The reserve is the longest failed
 * request of any one service the function uses (DynamoDB, SES, Scheduler, EventBridge) and the
 * report, checked before each applicant: it holds for a service already stopped when an applicant
 * starts, not for one that slows during an applicant's several requests.
 */
export async function planApplicants(
  applicantIds: Iterable<string>,
  deps: PlanApplicantsDeps,
  budget?: InvocationBudget,
): Promise<(PlanResult | NotStarted)[]> {
  const results: (PlanResult | NotStarted)[] = [];
  for (const applicantId of new Set(applicantIds)) {
    if (budget !== undefined && !hasTimeToStart(budget)) {
      const error = new TransientError("not started: too little of the invocation left to report a failure");
      results.push({ applicantId, ok: false, notStarted: true, error });
      continue;
    }
    try {
      results.push(await planApplicant(applicantId, deps));
    } catch (error) {
      results.push({ applicantId, ok: false, error });
    }
  }
  return results;
}
