import { GetCommand, PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import type { ArmedWakeUp, CalendarSweepState, StalePlansPage, SweepIndex } from "#ports/sweep-index.ts";
import { dynamoRequest } from "./errors.ts";
import { keys } from "./keys.ts";
import { DynamoTable, type DynamoTableOptions } from "./table.ts";
import { queryDueWakeUps } from "./wake-up-index.ts";

export type DynamoSweepIndexOptions = DynamoTableOptions;

/** A FilterExpression IN list holds at most 100 operands. */
const MAX_IN_OPERANDS = 100;

/**
 * The sweeper's reads on the one table.
 *
 * Requests: listWakeUpsDueBefore 16 Queries on GSI1 (PLANWAKE# shards, keys only); loadCalendarSweep
 * 1 GetItem; saveCalendarSweep 1 PutItem; listPlansNotOnCalendars 1 Scan page. The Scan reads every
 * item of the page it examines (the filter only trims what comes back), so it runs only while a
 * calendar walk is under way: after a deploy that changed a season's dates, not daily.
 */
export class DynamoSweepIndex implements SweepIndex {
  private readonly table: DynamoTable;

  constructor(options: DynamoSweepIndexOptions) {
    this.table = new DynamoTable(options);
  }

  async listWakeUpsDueBefore(instant: Date): Promise<ArmedWakeUp[]> {
    return queryDueWakeUps(this.table.client, this.table.name, "plan", instant);
  }

  async listPlansNotOnCalendars(
    current: readonly string[],
    page: { cursor?: string; limit: number },
  ): Promise<StalePlansPage> {
    if (current.length === 0 || current.length > MAX_IN_OPERANDS) {
      throw new RangeError(`between 1 and ${MAX_IN_OPERANDS} calendar versions, not ${current.length}`);
    }
    const names = current.map((_, index) => `:v${index}`);
    const result = await dynamoRequest("Scan(plans)", () =>
      this.table.client.send(
        new ScanCommand({
          TableName: this.table.name,
          FilterExpression: `entity = :plan AND (attribute_not_exists(calendarVersion) OR NOT (calendarVersion IN (${names.join(", ")})))`,
          ExpressionAttributeValues: {
            ":plan": "plan",
            ...Object.fromEntries(current.map((version, index) => [`:v${index}`, version])),
          },
          ProjectionExpression: "applicantId",
          Limit: page.limit,
          ExclusiveStartKey: page.cursor ? decodeCursor(page.cursor) : undefined,
        }),
      ),
    );
    const applicantIds = (result.Items ?? [])
      .map((item) => item.applicantId)
      .filter((id): id is string => typeof id === "string");
    return result.LastEvaluatedKey
      ? { applicantIds, cursor: encodeCursor(result.LastEvaluatedKey) }
      : { applicantIds };
  }

  async loadCalendarSweep(): Promise<CalendarSweepState | undefined> {
    const result = await dynamoRequest("GetItem(sweep)", () =>
      this.table.client.send(
        new GetCommand({ TableName: this.table.name, Key: keys.calendarSweep(), ConsistentRead: true }),
      ),
    );
    const item = result.Item;
    if (item === undefined || typeof item.target !== "string") return undefined;
    return {
      target: item.target,
      complete: item.complete === true,
      ...(typeof item.cursor === "string" ? { cursor: item.cursor } : {}),
      updatedAt: String(item.updatedAt),
    };
  }

  async saveCalendarSweep(state: CalendarSweepState): Promise<void> {
    await dynamoRequest("PutItem(sweep)", () =>
      this.table.client.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...keys.calendarSweep(), entity: "sweep", ...state },
        }),
      ),
    );
  }
}

/** A Scan's LastEvaluatedKey (the table's string keys) as an opaque string the state item can hold. */
function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** A cursor this store did not write (or cannot read) restarts the walk: repeating it is harmless. */
function decodeCursor(cursor: string): Record<string, unknown> | undefined {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    return typeof key === "object" && key !== null && !Array.isArray(key)
      ? (key as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
