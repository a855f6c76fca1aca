import { DynamoApplicantRepository } from "#adapters/dynamodb/applicant-repository.ts";
import { DynamoApplicantSettings } from "#adapters/dynamodb/applicant-settings.ts";
import { DynamoIntakeStore } from "#adapters/dynamodb/intake-store.ts";
import { DynamoPlanRepository } from "#adapters/dynamodb/plan-repository.ts";
import { DynamoReminderLedger } from "#adapters/dynamodb/reminder-ledger.ts";
import { DynamoSuppressionList } from "#adapters/dynamodb/suppression-list.ts";
import { DynamoTable, type DynamoTableOptions } from "#adapters/dynamodb/table.ts";

/**
 * Every per-applicant repository over one table, named as the use cases take them (one dependency
 * per port), for tests and benchmarks that exercise them all. The functions' composition roots
 * (each function's setup.ts) build only the ones they use.
 */
export function dynamoRepositories(options: DynamoTableOptions & { idempotencyTtlDays?: number }) {
  const table = new DynamoTable(options);
  return {
    intake: new DynamoIntakeStore(table, options.idempotencyTtlDays),
    applicants: new DynamoApplicantRepository(table),
    plans: new DynamoPlanRepository(table),
    ledger: new DynamoReminderLedger(table),
    suppression: new DynamoSuppressionList(table),
    settings: new DynamoApplicantSettings(table),
  };
}

export type DynamoRepositories = ReturnType<typeof dynamoRepositories>;
