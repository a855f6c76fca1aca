import { randomUUID } from "node:crypto";
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { CohortRow } from "#domain/console/cohort-row.ts";
import type { Plan } from "#domain/plan.ts";
import { ApplicantNotFoundError } from "#errors";
import type { AuditEntry, ConsoleStore, ErasureReport } from "#ports/console-store.ts";
import type { DynamoApplicantStore } from "./applicant-store.ts";
import { cancellationCodes, dynamoRequest, isConditionalCheckFailed } from "./errors.ts";
import { DynamoEventLog } from "./event-log.ts";
import { COHORT_SHARDS, cohortAdvisorPrefix, cohortGsiPk, keys, SK, type TableKey } from "./keys.ts";
import { storedCohortRow } from "./plan-repository.ts";
import { GSI2 } from "./table-design.ts";

type Item = Record<string, unknown>;

/** https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html */
const MAX_BATCH_WRITE = 25;

export interface DynamoConsoleStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Reads the stored plan (the applicant store owns the PLAN item's format). */
  applicants: Pick<DynamoApplicantStore, "loadPlan">;
}

/**
 * The console's reads and writes on the one table (DATA-MODEL.md):
 * - listCohort: 16 Queries on GSI2 in parallel (a sort-key prefix for one advisor).
 * - setRemindersPaused: 1 conditional UpdateItem of the profile. recordAudit: 1 PutItem.
 * - listAudit / listSubmissions: 1 Query each on the applicant's partition (a sort-key prefix).
 * - eraseApplicant: 1 Query of the partition + 1 GetItem per lookup item + BatchWriteItem per 25
 *   deletes, then 1 Query again to catch a plan written by a planner run that raced the erase.
 */
export class DynamoConsoleStore implements ConsoleStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly applicants: Pick<DynamoApplicantStore, "loadPlan">;

  constructor(options: DynamoConsoleStoreOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.applicants = options.applicants;
  }

  async listCohort(advisorEmail: string | undefined): Promise<CohortRow[]> {
    const prefix = advisorEmail === undefined ? undefined : cohortAdvisorPrefix(advisorEmail);
    const shards = await Promise.all(
      Array.from({ length: COHORT_SHARDS }, async (_, shard) => {
        const rows: CohortRow[] = [];
        let startKey: Record<string, unknown> | undefined;
        do {
          const page = await dynamoRequest("Query(gsi2)", () =>
            this.client.send(
              new QueryCommand({
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
                ExclusiveStartKey: startKey,
              }),
            ),
          );
          for (const item of page.Items ?? []) {
            const row = storedCohortRow(item.cohort);
            if (row !== undefined) rows.push(row);
          }
          startKey = page.LastEvaluatedKey;
        } while (startKey !== undefined);
        return rows;
      }),
    );
    return shards.flat();
  }

  loadPlan(applicantId: string): Promise<Plan | undefined> {
    return this.applicants.loadPlan(applicantId);
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

  async eraseApplicant(applicantId: string, audit: AuditEntry): Promise<ErasureReport> {
    const profile = await this.get(keys.profile(applicantId));
    const first = await this.queryPrefix(applicantId, "", true);
    if (profile === undefined && first.length === 0)
      throw new ApplicantNotFoundError(`No applicant ${applicantId}`);
    const email = typeof profile?.email === "string" ? profile.email : undefined;

    const outside: TableKey[] = [];
    if (email !== undefined) {
      const lookup = await this.get(keys.emailLookup(email));
      if (lookup?.applicantId === applicantId) outside.push(keys.emailLookup(email));
      outside.push(keys.suppression(email));
    }
    outside.push(...submissionKeysOf(first));
    // The profile goes first: a planner run that starts meanwhile finds no applicant and writes nothing.
    let deleted = 0;
    deleted += await this.deleteAll([keys.profile(applicantId)]);
    deleted += await this.deleteAll([
      ...first.filter((item) => item.sk !== SK.profile).map(keyOf),
      ...outside,
    ]);
    // A planner or reminder run that read the applicant before the profile went may still have
    // stored a plan or a ledger mark after the first pass: sweep the partition once more.
    // Their intake copies name SUBMISSION# records outside the partition: those go too.
    const late = await this.queryPrefix(applicantId, "", true);
    deleted += await this.deleteAll([...late.map(keyOf), ...submissionKeysOf(late)]);

    await dynamoRequest("PutItem(erasure)", () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.erasureAudit(audit.at, applicantId),
            entity: "erasure",
            at: audit.at,
            actor: audit.actor,
            role: audit.role,
            action: audit.action,
            applicantId,
            itemsDeleted: deleted,
          },
        }),
      ),
    );
    return { applicantId, itemsDeleted: deleted };
  }

  private async deleteAll(toDelete: TableKey[]): Promise<number> {
    for (let index = 0; index < toDelete.length; index += MAX_BATCH_WRITE) {
      let requests: Record<string, unknown>[] | undefined = toDelete
        .slice(index, index + MAX_BATCH_WRITE)
        .map((key) => ({ DeleteRequest: { Key: key } }));
      // Unprocessed items are retried until none is left (throttling hands some back).
      for (let attempt = 0; requests !== undefined && requests.length > 0; attempt++) {
        if (attempt > 0)
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
        const batch = requests;
        const result = await dynamoRequest("BatchWriteItem(erase)", () =>
          this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: batch as never } })),
        );
        requests = result.UnprocessedItems?.[this.tableName] as Record<string, unknown>[] | undefined;
        if (attempt > 8 && requests !== undefined && requests.length > 0)
          throw new Error("erase: DynamoDB kept items unprocessed; retry the erase");
      }
    }
    return toDelete.length;
  }

  private async get(key: TableKey): Promise<Item | undefined> {
    const result = await dynamoRequest("GetItem", () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true })),
    );
    return result.Item;
  }

  private async queryPrefix(applicantId: string, prefix: string, ascending: boolean): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamoRequest("Query(applicant)", () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: prefix === "" ? "pk = :pk" : "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues:
              prefix === ""
                ? { ":pk": keys.applicantPk(applicantId) }
                : { ":pk": keys.applicantPk(applicantId), ":prefix": prefix },
            ConsistentRead: true,
            ScanIndexForward: ascending,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }
}

/** The SUBMISSION# idempotency records the applicant's intake copies point to. */
function submissionKeysOf(items: readonly Item[]): TableKey[] {
  return items
    .filter((item) => String(item.sk).startsWith(SK.intakePrefix))
    .map((item) => keys.submission(String(item.provider), String(item.submissionId)));
}

function keyOf(item: Item): TableKey {
  return { pk: String(item.pk), sk: String(item.sk) };
}

function plainAudit(entry: AuditEntry): Item {
  return JSON.parse(JSON.stringify(entry)) as Item;
}
