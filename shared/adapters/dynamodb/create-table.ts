import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { GSI1, GSI2, STREAM_VIEW_TYPE, TABLE_KEYS, TTL_ATTRIBUTE } from "./table-design.ts";

export interface CreateTableResult {
  created: boolean;
  /** The table's stream ARN (what the stream poller reads). */
  streamArn: string;
  /** False where the endpoint rejected UpdateTimeToLive (then expired items stay until deleted). */
  ttlEnabled: boolean;
}

/**
 * Creates the table from the shared table design, for the local stack and the tests (the cloud
 * declares it in CDK from the same data). Idempotent: an existing table is left as it is.
 */
export async function createTable(
  client: DynamoDBClient,
  tableName: string,
  options: { streamViewType?: "KEYS_ONLY" | "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES" } = {},
): Promise<CreateTableResult> {
  let created = false;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [
          { AttributeName: TABLE_KEYS.partitionKey, AttributeType: "S" },
          { AttributeName: TABLE_KEYS.sortKey, AttributeType: "S" },
          { AttributeName: GSI1.partitionKey, AttributeType: "S" },
          { AttributeName: GSI1.sortKey, AttributeType: "S" },
          { AttributeName: GSI2.partitionKey, AttributeType: "S" },
          { AttributeName: GSI2.sortKey, AttributeType: "S" },
        ],
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: "HASH" },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: GSI1.indexName,
            KeySchema: [
              { AttributeName: GSI1.partitionKey, KeyType: "HASH" },
              { AttributeName: GSI1.sortKey, KeyType: "RANGE" },
            ],
            // The due-wake-up queries read only the keys (the sort key carries instant and id).
            Projection: { ProjectionType: "KEYS_ONLY" },
          },
          {
            IndexName: GSI2.indexName,
            KeySchema: [
              { AttributeName: GSI2.partitionKey, KeyType: "HASH" },
              { AttributeName: GSI2.sortKey, KeyType: "RANGE" },
            ],
            // The cohort page reads only the rows.
            Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: [...GSI2.projectedAttributes] },
          },
        ],
        StreamSpecification: {
          StreamEnabled: true,
          StreamViewType: options.streamViewType ?? STREAM_VIEW_TYPE,
        },
      }),
    );
    created = true;
  } catch (error) {
    if ((error as { name?: string }).name !== "ResourceInUseException") throw error;
  }

  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = described.Table?.LatestStreamArn;
  if (streamArn === undefined)
    throw new Error(`Table ${tableName} exists without a stream; delete it and retry`);

  let ttlEnabled = false;
  try {
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    ttlEnabled = ttl.TimeToLiveDescription?.TimeToLiveStatus === "ENABLED";
    if (!ttlEnabled) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        }),
      );
      ttlEnabled = true;
    }
  } catch (error) {
    // Older DynamoDB Local builds lack the TTL API; the table works without it (expired
    // idempotency records then simply stay, which only keeps duplicates detectable longer).
    const name = (error as { name?: string }).name;
    if (name !== "ValidationException" && name !== "UnknownOperationException") throw error;
  }
  return { created, streamArn, ttlEnabled };
}
