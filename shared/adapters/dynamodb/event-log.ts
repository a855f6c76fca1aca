import { randomUUID } from "node:crypto";
import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { RecentEvent } from "#ports/console-store.ts";
import type { DomainEvent, EventPublisher } from "#ports/event-publisher.ts";
import { dynamoRequest } from "./errors.ts";
import { keys, SK } from "./keys.ts";
import { DynamoTable, type Item } from "./table.ts";
import { TTL_ATTRIBUTE } from "./table-design.ts";
import { transactWhileApplicantExists } from "./while-applicant-exists.ts";

/** How long an applicant's copy of a domain event is kept (DynamoDB TTL deletes it after). */
export const EVENT_LOG_DAYS = 90;

/** How many of an applicant's events the console shows, newest first. */
export const RECENT_EVENTS = 25;

export interface DynamoEventLogOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * Each applicant's recent domain events, readable by the console. The bus delivers events to
 * subscribers and its archive keeps them for replay, but neither can be read per applicant, so
 * each published event is also kept as one item in the applicant's partition
 * (`EVENT#<at>#<uuid>`), expiring after EVENT_LOG_DAYS: record 1 TransactWriteItems per applicant
 * (their copies and the check that they still exist, while-applicant-exists.ts), in parallel;
 * listRecent 1 Query (the newest RECENT_EVENTS). The stream filter ignores these items. The events
 * published with a plan (PlanChanged, MilestoneOverdue, ReminderSent, RemindersHeldBack,
 * RemindersCancelled) are not recorded here: their
 * copies ride in the write that stores the plan (`eventItems`, see plan-repository.ts and
 * reminder-ledger.ts), which costs no request of its own.
 */
export class DynamoEventLog {
  constructor(private readonly options: DynamoEventLogOptions) {}

  async record(events: readonly DomainEvent[]): Promise<void> {
    const table = new DynamoTable(this.options);
    const byApplicant = new Map<string, Item[]>();
    for (const event of events) {
      if (event.applicantId === undefined) continue;
      byApplicant.set(event.applicantId, [
        ...(byApplicant.get(event.applicantId) ?? []),
        ...eventItems([event]),
      ]);
    }
    // An event about an applicant erased meanwhile (a bounce arriving after the erase) is not kept.
    await Promise.all(
      [...byApplicant].map(([applicantId, items]) =>
        transactWhileApplicantExists(
          table,
          applicantId,
          items.map((Item) => ({ Put: { TableName: table.name, Item } })),
        ),
      ),
    );
  }

  async listRecent(applicantId: string, limit = RECENT_EVENTS): Promise<RecentEvent[]> {
    const page = await dynamoRequest("Query(events)", () =>
      this.options.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": keys.applicantPk(applicantId), ":prefix": SK.eventPrefix },
          ScanIndexForward: false,
          Limit: limit,
        }),
      ),
    );
    return (page.Items ?? []).map((item) => ({
      type: String(item.type),
      at: String(item.at),
      detail: String(item.detail ?? "{}"),
    }));
  }
}

/**
 * The copies of `events` as EVENT# items of their applicants' partitions; events of no applicant
 * (an address suppressed before anyone used it) have no copy.
 */
export function eventItems(events: readonly DomainEvent[]): Item[] {
  return events.flatMap((event) =>
    event.applicantId === undefined
      ? []
      : [
          {
            ...keys.event(event.applicantId, event.at, randomUUID()),
            entity: "event",
            type: event.type,
            at: event.at,
            // Ids, codes and times only: nothing personal.
            detail: JSON.stringify(event.detail),
            [TTL_ATTRIBUTE]: Math.floor(Date.parse(event.at) / 1000) + EVENT_LOG_DAYS * 86_400,
          },
        ],
  );
}

/**
 * A publisher that also keeps each event in the applicant's recent list, after the bus took it. A
 * failure to keep it is thrown (the caller's retry publishes again: the bus is at-least-once anyway).
 */
export function recordingPublisher(
  bus: EventPublisher,
  table: DynamoEventLogOptions | Pick<DynamoEventLog, "record">,
): EventPublisher {
  const log = "record" in table ? table : new DynamoEventLog(table);
  return {
    async publish(events) {
      await bus.publish(events);
      await log.record(events);
    },
  };
}
