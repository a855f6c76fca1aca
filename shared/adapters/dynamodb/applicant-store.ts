import type { ApplicantStore } from "#ports/applicant-store.ts";
import type { ApplicantSettings } from "#ports/applicants.ts";
import { DynamoApplicantRepository } from "./applicant-repository.ts";
import { DynamoApplicantSettings } from "./applicant-settings.ts";
import { DynamoIntakeStore } from "./intake-store.ts";
import { DynamoPlanRepository } from "./plan-repository.ts";
import { DynamoReminderLedger } from "./reminder-ledger.ts";
import { DynamoSuppressionList } from "./suppression-list.ts";
import { DynamoTable, type DynamoTableOptions } from "./table.ts";

export interface DynamoApplicantStoreOptions extends DynamoTableOptions {
  /** Defaults to IDEMPOTENCY_TTL_DAYS. */
  idempotencyTtlDays?: number;
}

/**
 * Every per-applicant repository over one table, as a function's composition root hands them to
 * the use cases (`ApplicantStore`). Each concern lives in its own repository beside this file, with
 * its requests per operation; this class only routes each port method to its owner.
 */
export class DynamoApplicantStore implements ApplicantStore, ApplicantSettings {
  readonly intake: DynamoIntakeStore;
  readonly applicants: DynamoApplicantRepository;
  readonly plans: DynamoPlanRepository;
  readonly ledger: DynamoReminderLedger;
  readonly suppressions: DynamoSuppressionList;
  readonly settings: DynamoApplicantSettings;

  constructor(options: DynamoApplicantStoreOptions) {
    const table = new DynamoTable(options);
    this.intake = new DynamoIntakeStore(table, options.idempotencyTtlDays);
    this.applicants = new DynamoApplicantRepository(table);
    this.plans = new DynamoPlanRepository(table);
    this.ledger = new DynamoReminderLedger(table);
    this.suppressions = new DynamoSuppressionList(table);
    this.settings = new DynamoApplicantSettings(table);
  }

  applySubmission: ApplicantStore["applySubmission"] = (...args) => this.intake.applySubmission(...args);
  loadApplicant: ApplicantStore["loadApplicant"] = (...args) => this.applicants.loadApplicant(...args);
  savePlan: ApplicantStore["savePlan"] = (...args) => this.plans.savePlan(...args);
  loadPlan: ApplicantStore["loadPlan"] = (...args) => this.plans.loadPlan(...args);
  listWakeUpsDueBefore: DynamoPlanRepository["listWakeUpsDueBefore"] = (...args) =>
    this.plans.listWakeUpsDueBefore(...args);
  claimReminders: ApplicantStore["claimReminders"] = (...args) => this.ledger.claimReminders(...args);
  markRemindersSent: ApplicantStore["markRemindersSent"] = (...args) =>
    this.ledger.markRemindersSent(...args);
  releaseClaims: ApplicantStore["releaseClaims"] = (...args) => this.ledger.releaseClaims(...args);
  isSuppressed: ApplicantStore["isSuppressed"] = (...args) => this.suppressions.isSuppressed(...args);
  suppress: ApplicantStore["suppress"] = (...args) => this.suppressions.suppress(...args);
  suppressionReason: ApplicantStore["suppressionReason"] = (email) =>
    this.suppressions.suppressionReason(email);
  unsubscribe: ApplicantStore["unsubscribe"] = (...args) => this.suppressions.unsubscribe(...args);
  resubscribe: ApplicantStore["resubscribe"] = (...args) => this.suppressions.resubscribe(...args);
  savePreferences: ApplicantSettings["savePreferences"] = (...args) => this.settings.savePreferences(...args);
  revokeFeed: ApplicantSettings["revokeFeed"] = (...args) => this.settings.revokeFeed(...args);
}
