import type { CohortRow } from "#domain/console/cohort-row.ts";
import type { Plan } from "#domain/plan.ts";
import type { DomainEvent } from "./event-publisher.ts";

export interface StoredPlanSummary {
  /** Hash of the plan content that matters to the applicant (steps, risks, reminders). */
  planHash: string;
  /** The wake-up instant armed for this plan (ISO UTC), if any. */
  wakeUpAt?: string;
  computedAt: string;
  /**
   * The season calendar's version the plan was computed with (`<matchYear>:<hash>`), so the daily
   * sweeper can re-plan everyone whose plan predates a moved date. Absent on plans stored before
   * versions existed: the sweeper treats those as computed with an older calendar.
   */
  calendarVersion?: string;
  /**
   * What the plan had overdue (`overdueSubjects`), so the next plan can tell what became overdue
   * since and publish MilestoneOverdue once per subject. Absent when nothing was overdue.
   */
  overdue?: string[];
  /**
   * The applicant's line in the advisor's cohort view, stored on the plan item and indexed by
   * advisor (GSI2), so the cohort page reads rows, not partitions. Absent on plans stored before.
   */
  cohort?: CohortRow;
}

/** A plan with the summary stored beside it. */
export interface StoredPlan {
  plan: Plan;
  summary: StoredPlanSummary;
  /**
   * The domain events published with this plan: their copies (the applicant's recent events, which
   * the console lists) are written in the same request as the plan, never in one of their own.
   */
  events?: readonly DomainEvent[];
}

/** How a plan write is made; nothing here changes what is stored. */
export interface SavePlanOptions {
  /**
   * The caller read a stored plan for this applicant (ApplicantState.storedPlan), so this write
   * replaces it. When no events are published with it, the store may then write the plan on its
   * own, conditioned on the stored one, which costs less than creating it (DynamoDB: a single write
   * is billed once, a transaction twice).
   * Default false: a first plan.
   */
  replacesStoredPlan?: boolean;
}

/** Each applicant's latest plan. */
export interface PlanRepository {
  /**
   * Stores what the next run needs of the plan (its summary, and the reminders it has scheduled,
   * for ApplicantRepository.storedReminders; not the plan itself, which every reader re-makes from
   * the applicant's state) with its hash and the armed wake-up instant, replacing the previous one, and
   * the copies of `events` published with it (StoredPlan.events), in the same request. Writes
   * nothing once the applicant is erased.
   */
  savePlan(
    applicantId: string,
    plan: Plan,
    summary: StoredPlanSummary,
    events?: readonly DomainEvent[],
    options?: SavePlanOptions,
  ): Promise<void>;
}
