import type { ApplicantRepository } from "./applicants.ts";
import type { IntakeStore } from "./intake-store.ts";
import type { PlanRepository } from "./plans.ts";
import type { ReminderLedger } from "./reminder-ledger.ts";
import type { SuppressionList } from "./suppression-list.ts";

export type { ApplicantProfile, ApplicantRepository, ApplicantState } from "./applicants.ts";
export type { IntakeResult, IntakeSource, IntakeStore } from "./intake-store.ts";
export type { PlanRepository, StoredPlan, StoredPlanSummary } from "./plans.ts";
export type { LedgerEntry, LedgerSubject, ReminderLedger } from "./reminder-ledger.ts";
export type { ResubscribeOutcome, SuppressionList, SuppressionReason } from "./suppression-list.ts";

/**
 * Every per-applicant port at once, as a function's composition root hands them over (one DynamoDB
 * table in the cloud and locally). A use case names only the ports it calls.
 */
export interface ApplicantStore
  extends IntakeStore,
    ApplicantRepository,
    PlanRepository,
    ReminderLedger,
    SuppressionList {}
