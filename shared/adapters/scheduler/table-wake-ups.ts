import { DeleteCommand, type DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { dynamo, isConditionalCheckFailed } from "#adapters/dynamodb/errors.ts";
import { keys, wakeUpGsiKeys } from "#adapters/dynamodb/keys.ts";
import { type DueWakeUp, queryDueWakeUps } from "#adapters/dynamodb/wake-up-index.ts";
import type { WakeUpScheduler } from "#ports/wake-up-scheduler.ts";

export interface TableWakeUpSchedulerOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * The local wake-up scheduler: one WAKEUP item per applicant in the table (so wake-ups survive a
 * restart of `npm start` with its data under .data/), indexed by time on GSI1 and fired by the
 * local clock through listDue. The cloud uses EventBridge Scheduler instead.
 *
 * Requests: arm 1 PutItem, disarm 1 DeleteItem, listDue 16 Queries (one per GSI1 shard, in parallel).
 */
export class TableWakeUpScheduler implements WakeUpScheduler {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: TableWakeUpSchedulerOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
  }

  /** Replaces the applicant's wake-up: one item per applicant, as with one Scheduler schedule each. */
  async arm(applicantId: string, at: Date): Promise<void> {
    await dynamo("PutItem(wake-up)", () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.wakeUp(applicantId),
            entity: "wakeup",
            applicantId,
            at: at.toISOString(),
            ...wakeUpGsiKeys("local", applicantId, at),
          },
        }),
      ),
    );
  }

  async disarm(applicantId: string): Promise<void> {
    await dynamo("DeleteItem(wake-up)", () =>
      this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keys.wakeUp(applicantId) })),
    );
  }

  /**
   * Removes the wake-up only if it is still armed at `at`: the local runner calls this after firing,
   * so a re-arm made by the reminder function while it ran is kept. Returns whether it was removed.
   */
  async disarmIfAt(applicantId: string, at: Date): Promise<boolean> {
    try {
      await dynamo("DeleteItem(wake-up)", () =>
        this.client.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: keys.wakeUp(applicantId),
            ConditionExpression: "#at = :at",
            ExpressionAttributeNames: { "#at": "at" },
            ExpressionAttributeValues: { ":at": at.toISOString() },
          }),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  /** Every wake-up armed at or before `now`, oldest first. */
  async listDue(now: Date): Promise<DueWakeUp[]> {
    return queryDueWakeUps(this.client, this.tableName, "local", now);
  }
}
