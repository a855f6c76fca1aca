import type { Plan } from "#domain/plan.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { DomainEvent, EventPublisher } from "#ports/event-publisher.ts";
import type { PlanRepository, StoredPlanSummary } from "#ports/plans.ts";
import type { WakeUpScheduler } from "#ports/wake-up-scheduler.ts";
import {
  cohortSummary,
  overdueEvents,
  type Planning,
  riskChangeTells,
  savePlanOptions,
  storedPlanSummary,
} from "../planning.ts";

/** What arming the next wake-up and storing the plan need. */
export interface WakeUpDeps {
  plans: Pick<PlanRepository, "savePlan">;
  wakeUps: WakeUpScheduler;
  /** The bus: the events' copies in the applicant's partition ride in the plan's write. */
  events: EventPublisher;
  planning: Planning;
}

/**
 * The next wake-up: the plan's next reminder, or sooner a risk-change instant that sends the
 * applicant something (riskChangeTells), or sooner a retry of reminders held elsewhere.
 */
export function nextWakeUpAfter(
  state: ApplicantState,
  plan: Plan,
  now: Date,
  handled: ReadonlySet<string>,
  planning: Planning,
  retryAt?: Date,
): Date | undefined {
  const planned = planning.nextWakeUp(plan, now, handled, riskChangeTells(planning, state, handled));
  return retryAt && (!planned || retryAt.getTime() < planned.getTime()) ? retryAt : planned;
}

/**
 * Always arms the next wake-up when there is one: the schedule that just fired deletes itself. The
 * stored wake-up, when it is not the one firing (the planner moved it meanwhile), is replaced.
 */
export async function armOrDisarm(
  applicantId: string,
  state: ApplicantState,
  firing: Date,
  next: Date | undefined,
  wakeUps: WakeUpScheduler,
): Promise<void> {
  const stored = state.storedPlan?.wakeUpAt === undefined ? undefined : new Date(state.storedPlan.wakeUpAt);
  const other = stored && stored.getTime() !== firing.getTime() ? stored : undefined;
  if (next) await wakeUps.arm(applicantId, next, other ? { replacing: other } : {});
  else if (other) await wakeUps.disarm(applicantId, other);
}

/** The stored plan's summary as of `now`, naming `next` as its wake-up, with the console's cohort row. */
export function planSummary(
  state: ApplicantState,
  plan: Plan,
  now: Date,
  next: Date | undefined,
  planning: Planning,
): StoredPlanSummary {
  return {
    ...storedPlanSummary({
      plan,
      planHash: planning.planHash(plan),
      computedAt: now,
      wakeUpAt: next?.toISOString(),
      calendarVersion: planning.calendarVersion?.(state),
    }),
    ...cohortSummary(state, plan, planning),
  };
}

/**
 * Arms the next wake-up and stores the plan as of the fire time with that instant, so the
 * planner's next comparison starts from the truth (the paths that sent nothing). `alsoPublish`
 * (reminders held back) is published with the overdue events and its copies ride in the plan's write.
 */
export async function rearm(
  applicantId: string,
  state: ApplicantState,
  plan: Plan,
  instants: { now: Date; firing: Date },
  handled: ReadonlySet<string>,
  deps: WakeUpDeps,
  retryAt?: Date,
  alsoPublish: readonly DomainEvent[] = [],
): Promise<{ nextWakeUpAt?: string }> {
  const { now, firing } = instants;
  const next = nextWakeUpAfter(state, plan, now, handled, deps.planning, retryAt);
  await armOrDisarm(applicantId, state, firing, next, deps.wakeUps);
  const events = [...overdueEvents(state, plan, now), ...alsoPublish];
  if (events.length > 0) await deps.events.publish(events);
  const summary = planSummary(state, plan, now, next, deps.planning);
  await deps.plans.savePlan(applicantId, plan, summary, events, savePlanOptions(state));
  return next ? { nextWakeUpAt: next.toISOString() } : {};
}
