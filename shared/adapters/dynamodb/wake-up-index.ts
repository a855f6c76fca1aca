import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { WAKE_UP_SHARDS, type WakeUpKind, wakeUpDueBound, wakeUpGsiPk } from "./keys.ts";
import { queryAll } from "./table.ts";
import { GSI1 } from "./table-design.ts";

export interface DueWakeUp {
  applicantId: string;
  /** The armed instant. */
  at: Date;
}

/** gsi1sk is "<ISO instant>#<applicantId>"; parsing it works with any GSI projection. */
function parseGsiSortKey(gsi1sk: unknown): DueWakeUp | undefined {
  if (typeof gsi1sk !== "string") return undefined;
  const hash = gsi1sk.indexOf("#");
  if (hash < 0) return undefined;
  const at = new Date(gsi1sk.slice(0, hash));
  if (Number.isNaN(at.getTime())) return undefined;
  return { at, applicantId: gsi1sk.slice(hash + 1) };
}

/**
 * Every wake-up of one kind armed at or before `instant`, oldest first: one Query per GSI1 shard
 * (16, run in parallel; more pages only past 1 MB per shard). GSI reads are eventually consistent
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Reads), so a wake-up
 * armed a moment ago may show up on the next sweep rather than this one.
 */
export async function queryDueWakeUps(
  client: DynamoDBDocumentClient,
  tableName: string,
  kind: WakeUpKind,
  instant: Date,
): Promise<DueWakeUp[]> {
  const bound = wakeUpDueBound(instant);
  const perShard = await Promise.all(
    Array.from({ length: WAKE_UP_SHARDS }, async (_, shard) => {
      const due: DueWakeUp[] = [];
      const items = await queryAll(client, "Query(gsi1)", {
        TableName: tableName,
        IndexName: GSI1.indexName,
        KeyConditionExpression: "#pk = :pk AND #sk <= :bound",
        ExpressionAttributeNames: { "#pk": GSI1.partitionKey, "#sk": GSI1.sortKey },
        ExpressionAttributeValues: { ":pk": wakeUpGsiPk(kind, shard), ":bound": bound },
      });
      for (const item of items) {
        const parsed = parseGsiSortKey(item[GSI1.sortKey]);
        if (parsed !== undefined) due.push(parsed);
      }
      return due;
    }),
  );
  return perShard.flat().sort((a, b) => a.at.getTime() - b.at.getTime());
}
