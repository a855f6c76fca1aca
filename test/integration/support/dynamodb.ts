import { randomUUID } from "node:crypto";
import { DeleteTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { inject } from "vitest";
import { createTable } from "#adapters/dynamodb/create-table.ts";
import {
  type DynamoDbLocal,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startDynamoDbLocal,
} from "#local/dynamodb-local.ts";

export interface TestTable {
  local: Pick<DynamoDbLocal, "endpoint">;
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  streamArn: string;
  stop(): Promise<void>;
}

/**
 * A freshly created table of its own, in the DynamoDB Local the integration global setup started
 * (deleted again by stop()), or, where no global setup provides one, in a private DynamoDB Local
 * (free port, in memory), so a test file still runs on its own. A JVM per file cost about 9 s of
 * CPU each on the 2-core CI machine for a database the shared one serves as well: the table is
 * the test's alone either way.
 */
export async function startTestTable(prefix: string): Promise<TestTable> {
  const shared = inject("dynamodbEndpoint");
  if (shared === undefined) return onLocal(prefix, await startPrivateDynamoDbLocal());
  return onLocal(prefix, { endpoint: shared, stop: async () => undefined }, { deleteTable: true });
}

async function startPrivateDynamoDbLocal(): Promise<DynamoDbLocal> {
  process.env.DDB_LOCAL_TELEMETRY ??= "0";
  return startDynamoDbLocal({ port: 0 });
}

async function onLocal(
  prefix: string,
  local: Pick<DynamoDbLocal, "endpoint" | "stop">,
  { deleteTable = false } = {},
): Promise<TestTable> {
  const client = new DynamoDBClient({
    endpoint: local.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const doc = DynamoDBDocumentClient.from(client);
  const tableName = `${prefix}-${randomUUID().slice(0, 8)}`;
  try {
    const { streamArn } = await createTable(client, tableName);
    return {
      local,
      client,
      doc,
      tableName,
      streamArn,
      async stop() {
        try {
          if (deleteTable) await client.send(new DeleteTableCommand({ TableName: tableName }));
        } finally {
          client.destroy();
          await local.stop();
        }
      },
    };
  } catch (error) {
    client.destroy();
    await local.stop();
    throw error;
  }
}

/** Every record in the table's stream so far, as sort keys with event names, in stream order. */
export async function readStream(table: TestTable): Promise<{ eventName: string; pk: string; sk: string }[]> {
  const { DynamoDBStreamsClient, DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand } =
    await import("@aws-sdk/client-dynamodb-streams");
  const streams = new DynamoDBStreamsClient({
    endpoint: table.local.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    const out: { eventName: string; pk: string; sk: string; seq: bigint }[] = [];
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: table.streamArn }));
    for (const shard of description.StreamDescription?.Shards ?? []) {
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: table.streamArn,
            ShardId: shard.ShardId,
            ShardIteratorType: "TRIM_HORIZON",
          }),
        )
      ).ShardIterator;
      while (iterator !== undefined) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        for (const record of page.Records ?? []) {
          out.push({
            eventName: record.eventName ?? "",
            pk: record.dynamodb?.Keys?.pk?.S ?? "",
            sk: record.dynamodb?.Keys?.sk?.S ?? "",
            seq: BigInt(record.dynamodb?.SequenceNumber ?? "0"),
          });
        }
        if ((page.Records ?? []).length === 0) break;
        iterator = page.NextShardIterator;
      }
    }
    return out.sort((a, b) => (a.seq < b.seq ? -1 : 1)).map(({ seq: _seq, ...rest }) => rest);
  } finally {
    streams.destroy();
  }
}
