import { randomUUID } from "node:crypto";
import { type DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { CohortRow, LastEmail } from "#domain/console/cohort-row.ts";
import { ApplicantNotFoundError } from "#errors";
import type { AuditEntry, ConsoleStore, ErasureReport } from "#ports/console-store.ts";
import { DynamoApplicantErasure, queryApplicantPrefix } from "./applicant-erasure.ts";
import { recordLastEmail } from "./cohort-last-email.ts";
import { cancellationCodes, dynamoRequest, isConditionalCheckFailed } from "./errors.ts";
import { DynamoEventLog } from "./event-log.ts";
import { COHORT_SHARDS, cohortAdvisorPrefix, cohortGsiPk, keys, SK } from "./keys.ts";
import { storedCohortRow } from "./plan-repository.ts";
import { DynamoTable, queryAll } from "./table.ts";
import { GSI2 } from "./table-design.ts";

type Item = Record<string, unknown>;

export interface DynamoConsoleStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * The console's reads and writes on the one table (DATA-MODEL.md):
 * - listCohort: 16 Queries on GSI2 in parallel (a sort-key prefix for one advisor).
 * - setRemindersPaused: 1 conditional UpdateItem of the profile. recordAudit: 1 PutItem.
 * - listAudit / listSubmissions: 1 Query each on the applicant's partition (a sort-key prefix).
 * - recordLastEmail: cohort-last-email.ts (2 GetItems, 1 TransactWriteItems of the PLAN item and a ledger check).
 * - eraseApplicant: applicant-erasure.ts.
 */
export class DynamoConsoleStore implements ConsoleStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly erasure: DynamoApplicantErasure;
  private readonly table: DynamoTable;

  constructor(options: DynamoConsoleStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.erasure = new DynamoApplicantErasure(options.client, options.tableName);
    this.table = new DynamoTable(options);
  }

  async listCohort(advisorEmail: string | undefined): Promise<CohortRow[]> {
    const prefix = advisorEmail === undefined ? undefined : cohortAdvisorPrefix(advisorEmail);
    const shards = await Promise.all(
      Array.from({ length: COHORT_SHARDS }, async (_, shard) => {
        const rows: CohortRow[] = [];
        const items = await queryAll(this.client, "Query(gsi2)", {
          TableName: this.tableName,
          IndexName: GSI2.indexName,
          KeyConditionExpression:
            prefix === undefined ? "#pk = :pk" : "#pk = :pk AND begins_with(#sk, :prefix)",
          ExpressionAttributeNames:
            prefix === undefined
              ? { "#pk": GSI2.partitionKey }
              : { "#pk": GSI2.partitionKey, "#sk": GSI2.sortKey },
          ExpressionAttributeValues:
            prefix === undefined
              ? { ":pk": cohortGsiPk(shard) }
              : { ":pk": cohortGsiPk(shard), ":prefix": prefix },
        });
        for (const item of items) {
          const row = storedCohortRow(item.cohort);
          if (row !== undefined) rows.push(row);
        }
        return rows;
      }),
    );
    return shards.flat();
  }

  async recordLastEmail(applicantId: string, lastEmail: LastEmail, sentAs: string): Promise<void> {
    await recordLastEmail(this.table, applicantId, lastEmail, sentAs);
  }

  async setRemindersPaused(applicantId: string, pausedAt: string | undefined): Promise<void> {
    try {
      await dynamoRequest("UpdateItem(profile)", () =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.profile(applicantId),
            ConditionExpression: "attribute_exists(pk)",
            ...(pausedAt === undefined
              ? { UpdateExpression: "REMOVE remindersPausedAt" }
              : {
                  UpdateExpression: "SET remindersPausedAt = :at",
                  ExpressionAttributeValues: { ":at": pausedAt },
                }),
          }),
        ),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error))
        throw new ApplicantNotFoundError(`No applicant ${applicantId}`, { cause: error });
      throw error;
    }
  }

  /**
   * The audit entry goes into the applicant's partition only while the applicant exists: a
   * ConditionCheck on the profile in the same transaction, so an action that raced an erase leaves
   * no audit item behind (ApplicantNotFoundError instead).
   */
  async recordAudit(entry: AuditEntry): Promise<void> {
    try {
      await dynamoRequest("TransactWriteItems(audit)", () =>
        this.client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                ConditionCheck: {
                  TableName: this.tableName,
                  Key: keys.profile(entry.applicantId),
                  ConditionExpression: "attribute_exists(pk)",
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: {
                    ...keys.audit(entry.applicantId, entry.at, randomUUID()),
                    entity: "audit",
                    ...plainAudit(entry),
                  },
                },
              },
            ],
          }),
        ),
      );
    } catch (error) {
      if (cancellationCodes(error)?.[0] === "ConditionalCheckFailed")
        throw new ApplicantNotFoundError(`No applicant ${entry.applicantId}`, { cause: error });
      throw error;
    }
  }

  async listAudit(applicantId: string): Promise<AuditEntry[]> {
    const items = await this.queryPrefix(applicantId, SK.auditPrefix, false);
    return items.map((item) => {
      const entry: AuditEntry = {
        at: String(item.at),
        actor: String(item.actor),
        role: item.role === "admin" ? "admin" : "advisor",
        action: String(item.action),
        applicantId,
      };
      if (item.before !== undefined) entry.before = item.before;
      if (item.after !== undefined) entry.after = item.after;
      return entry;
    });
  }

  async listSubmissions(applicantId: string) {
    const items = await this.queryPrefix(applicantId, SK.intakePrefix, false);
    return items.map((item) => ({
      provider: String(item.provider),
      submissionId: String(item.submissionId),
      type: String(item.type),
      receivedAt: String(item.receivedAt),
    }));
  }

  listEvents(applicantId: string) {
    return new DynamoEventLog({ client: this.client, tableName: this.tableName }).listRecent(applicantId);
  }

  eraseApplicant(applicantId: string, audit: AuditEntry): Promise<ErasureReport> {
    return this.erasure.erase(applicantId, audit);
  }

  private queryPrefix(applicantId: string, prefix: string, ascending: boolean): Promise<Item[]> {
    return queryApplicantPrefix(this.client, this.tableName, applicantId, prefix, ascending);
  }
}

function plainAudit(entry: AuditEntry): Item {
  return JSON.parse(JSON.stringify(entry)) as Item;
}
