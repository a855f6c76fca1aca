import {
  DeleteCommand,
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { dynamoRequest, isConditionalCheckFailed } from "./errors.ts";
import type { TableKey } from "./keys.ts";

/** One item as the DocumentClient reads and writes it. */
export type Item = Record<string, unknown>;
export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html */
export const MAX_TRANSACTION_ACTIONS = 100;

export interface DynamoTableOptions {
  /** A DocumentClient built once per cold start (by the composition root). */
  client: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * The one table (DATA-MODEL.md beside this file) as every repository here uses it: each request
 * goes through `dynamoRequest()`, so a transient failure surfaces as TransientError and anything else as
 * the SDK's own error. Repositories build keys with ./keys.ts and hold one concern each.
 */
export class DynamoTable {
  readonly client: DynamoDBDocumentClient;
  readonly name: string;

  constructor(options: DynamoTableOptions) {
    this.client = options.client;
    this.name = options.tableName;
  }

  async get(
    key: TableKey,
    options: { consistent?: boolean; operation?: string } = {},
  ): Promise<Item | undefined> {
    const result = await dynamoRequest(options.operation ?? "GetItem", () =>
      this.client.send(
        new GetCommand({ TableName: this.name, Key: key, ConsistentRead: options.consistent ?? false }),
      ),
    );
    return result.Item;
  }

  async put(operation: string, input: Omit<PutCommandInput, "TableName">): Promise<void> {
    await dynamoRequest(operation, () =>
      this.client.send(new PutCommand({ TableName: this.name, ...input })),
    );
  }

  /** A conditional write whose failed condition is an answer, not an error: resolves false then. */
  async putUnlessConditionFails(
    operation: string,
    input: Omit<PutCommandInput, "TableName">,
  ): Promise<boolean> {
    try {
      await this.put(operation, input);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  /** Like putUnlessConditionFails, for a conditional DeleteItem. */
  async deleteUnlessConditionFails(
    operation: string,
    input: Omit<DeleteCommandInput, "TableName">,
  ): Promise<boolean> {
    try {
      await dynamoRequest(operation, () =>
        this.client.send(new DeleteCommand({ TableName: this.name, ...input })),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  async transact(items: TransactItem[]): Promise<void> {
    await dynamoRequest("TransactWriteItems", () =>
      this.client.send(new TransactWriteCommand({ TransactItems: items })),
    );
  }

  /** Every item of one partition, strongly consistent: one Query (more pages only past 1 MB). */
  async queryPartition(operation: string, pk: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamoRequest(operation, () =>
        this.client.send(
          new QueryCommand({
            TableName: this.name,
            KeyConditionExpression: "pk = :pk",
            ExpressionAttributeValues: { ":pk": pk },
            ConsistentRead: true,
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

/**
 * A JSON round trip: drops undefined members, so that any DocumentClient (with or without
 * removeUndefinedValues) accepts the value, and gives content comparisons one canonical input.
 */
export function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function chunk<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
