import { DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import { dynamoRequest } from "#adapters/dynamodb/errors.ts";
import { keys, wakeUpGsiKeys } from "#adapters/dynamodb/keys.ts";
import { DynamoTable, type DynamoTableOptions } from "#adapters/dynamodb/table.ts";
import { type DueWakeUp, queryDueWakeUps } from "#adapters/dynamodb/wake-up-index.ts";
import { transactWhileApplicantExists } from "#adapters/dynamodb/while-applicant-exists.ts";
import type { ArmOptions, WakeUpScheduler } from "#ports/wake-up-scheduler.ts";

export type TableWakeUpSchedulerOptions = DynamoTableOptions;

/**
 * The local wake-up scheduler: one WAKEUP item per applicant in the table (so wake-ups survive a
 * restart of `npm start` with its data under .data/), indexed by time on GSI1 and fired by the
 * local clock through listDue. The cloud uses EventBridge Scheduler instead.
 *
 * Requests: arm 1 TransactWriteItems (the item and the check that the applicant exists), disarm 1 DeleteItem, listDue 16 Queries (one per GSI1 shard, in parallel).
 */
export class TableWakeUpScheduler implements WakeUpScheduler {
  private readonly table: DynamoTable;

  constructor(options: TableWakeUpSchedulerOptions) {
    this.table = new DynamoTable(options);
  }

  /**
   * Replaces the applicant's wake-up: one item per applicant (the local runner fires one wake-up at a
   * time, so the cloud's race between a fired schedule's self-delete and a re-arm cannot happen here,
   * and `replacing` needs no extra request). The local clock fires at the exact instant, so there is
   * no minute of lead to apply.
   */
  async arm(applicantId: string, at: Date, options: ArmOptions = {}): Promise<void> {
    const Item = {
      ...keys.wakeUp(applicantId),
      entity: "wakeup",
      applicantId,
      at: at.toISOString(),
      ...(options.plannedFor ? { plannedFor: options.plannedFor.toISOString() } : {}),
      ...(options.attempt ? { attempt: options.attempt } : {}),
      ...wakeUpGsiKeys("local", applicantId, at),
    };
    // A planner run that raced an erase arms nothing after it (while-applicant-exists.ts).
    await transactWhileApplicantExists(this.table, applicantId, [
      { Put: { TableName: this.table.name, Item } },
    ]);
  }

  async disarm(applicantId: string, armedAt?: Date): Promise<void> {
    if (armedAt) {
      await this.disarmIfAt(applicantId, armedAt);
      return;
    }
    await dynamoRequest("DeleteItem(wake-up)", () =>
      this.table.client.send(
        new DeleteCommand({ TableName: this.table.name, Key: keys.wakeUp(applicantId) }),
      ),
    );
  }

  /**
   * Removes the wake-up only if it is still armed at `at`: the local runner calls this after firing,
   * so a re-arm made by the reminder function while it ran is kept. Returns whether it was removed.
   */
  async disarmIfAt(applicantId: string, at: Date): Promise<boolean> {
    return this.table.deleteUnlessConditionFails("DeleteItem(wake-up)", {
      Key: keys.wakeUp(applicantId),
      ConditionExpression: "#at = :at",
      ExpressionAttributeNames: { "#at": "at" },
      ExpressionAttributeValues: { ":at": at.toISOString() },
    });
  }

  /**
   * The reminder event this wake-up delivers, as the cloud schedule's Input carries it (one GetItem:
   * the index holds only the keys). Undefined when it was disarmed meanwhile.
   */
  async eventFor(
    due: DueWakeUp,
  ): Promise<
    { applicantId: string; plannedFor: string; attempt?: number; scheduledTime: string } | undefined
  > {
    const { Item: item } = await dynamoRequest("GetItem(wake-up)", () =>
      this.table.client.send(
        new GetCommand({
          TableName: this.table.name,
          Key: keys.wakeUp(due.applicantId),
          ConsistentRead: true,
        }),
      ),
    );
    if (!item || item.at !== due.at.toISOString()) return undefined;
    const seconds = (iso: string) => iso.replace(/\.\d{3}Z$/, "Z");
    return {
      applicantId: due.applicantId,
      plannedFor: seconds(typeof item.plannedFor === "string" ? item.plannedFor : due.at.toISOString()),
      ...(typeof item.attempt === "number" ? { attempt: item.attempt } : {}),
      scheduledTime: seconds(due.at.toISOString()),
    };
  }

  /** Every wake-up armed at or before `now`, oldest first. */
  async listDue(now: Date): Promise<DueWakeUp[]> {
    return queryDueWakeUps(this.table.client, this.table.name, "local", now);
  }
}
