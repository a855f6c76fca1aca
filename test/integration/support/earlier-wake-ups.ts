import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { inject } from "vitest";
import { WAKE_UP_SHARDS, type WakeUpKind, wakeUpGsiPk } from "#adapters/dynamodb/keys.ts";
import { queryAll } from "#adapters/dynamodb/table.ts";
import { GSI1, TABLE_KEYS } from "#adapters/dynamodb/table-design.ts";

/**
 * Takes every wake-up armed so far on the shared stack out of the due index, so the clock moves of
 * the file about to run fire its own applicants' wake-ups only.
 *
 * Files share one table and one clock, and a file's clock move fires every wake-up due on the way,
 * whoever armed it: a file that walked the clock three months forward also walked the whole season
 * of every applicant the files before it left (33 wake-ups of 7 applicants instead of its own few),
 * so its time depended on the order the files ran in. No file asserts anything about another
 * file's applicants, and each file's own wake-ups are armed after this runs, so every test still
 * fires exactly what it armed.
 *
 * Both indexes of a wake-up go: the local scheduler's WAKEUP item (what the clock fires) and the
 * plan's PLANWAKE entry (what the daily sweep repairs as a lost wake-up; left alone, the sweep would
 * re-plan and re-arm every earlier applicant at the next midnight). Only the index keys are removed:
 * the applicants, their plans and their data stay, for the log-hygiene scan at the end and for the
 * cohorts. Neither item kind is in the planner's stream filter, so nothing is re-planned; a later
 * write of that applicant (none is made) would index its wake-up again.
 */
export async function parkEarlierWakeUps(): Promise<number> {
  // Files outside the stack's projects (test/deploy borrows the test applicants) have no stack.
  const endpoint = inject("dynamodbEndpoint");
  if (endpoint === undefined) return 0;
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  );
  const tableName = inject("tableName");
  try {
    const kinds: WakeUpKind[] = ["local", "plan"];
    const indexed = await Promise.all(
      kinds.flatMap((kind) =>
        Array.from({ length: WAKE_UP_SHARDS }, (_, shard) =>
          queryAll(client, "Query(gsi1)", {
            TableName: tableName,
            IndexName: GSI1.indexName,
            KeyConditionExpression: "#pk = :pk",
            ExpressionAttributeNames: { "#pk": GSI1.partitionKey },
            ExpressionAttributeValues: { ":pk": wakeUpGsiPk(kind, shard) },
          }),
        ),
      ),
    );
    const items = indexed.flat();
    for (const item of items) {
      await client
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key: {
              [TABLE_KEYS.partitionKey]: item[TABLE_KEYS.partitionKey],
              [TABLE_KEYS.sortKey]: item[TABLE_KEYS.sortKey],
            },
            UpdateExpression: "REMOVE #pk, #sk",
            // Only the entry read above: a wake-up re-armed meanwhile stays indexed.
            ConditionExpression: "#sk = :sk",
            ExpressionAttributeNames: { "#pk": GSI1.partitionKey, "#sk": GSI1.sortKey },
            ExpressionAttributeValues: { ":sk": item[GSI1.sortKey] },
          }),
        )
        .catch((error: unknown) => {
          if ((error as { name?: string }).name !== "ConditionalCheckFailedException") throw error;
        });
    }
    return items.length;
  } finally {
    client.destroy();
  }
}
