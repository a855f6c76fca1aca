import { isDeepStrictEqual } from "node:util";
import {
  BatchWriteCommand,
  DeleteCommand,
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { TransientError } from "#errors";
import { dynamoRequest, isConditionalCheckFailed, isConditionFailedOnRetry } from "./errors.ts";
import type { TableKey } from "./keys.ts";

/** One item as the DocumentClient reads and writes it. */
export type Item = Record<string, unknown>;
export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];
/** One put or delete of a BatchWriteItem. */
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: TableKey } };

/** https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html */
export const MAX_TRANSACTION_ACTIONS = 100;
/** https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html */
export const MAX_BATCH_WRITE = 25;
/** Rounds of handing back unprocessed items before a batch write gives up (transiently). */
const BATCH_WRITE_ROUNDS = 10;

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

  /**
   * A conditional write whose failed condition is an answer, not an error: resolves false then.
   * A refusal of the SDK's retry, when the stored item is the one this put wrote, is this put's own
   * write answered late (a claim taken, a first suppression stored): resolves true.
   */
  async putUnlessConditionFails(
    operation: string,
    input: Omit<PutCommandInput, "TableName">,
  ): Promise<boolean> {
    try {
      await this.put(operation, input);
      return true;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      return this.landedOnRetry(error, keyOf(input.Item), (stored) =>
        isDeepStrictEqual(asStored(stored), asStored(input.Item)),
      );
    }
  }

  /** Like putUnlessConditionFails, for a conditional DeleteItem (its late-answered write: the item is gone). */
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
      if (!isConditionalCheckFailed(error)) throw error;
      return this.landedOnRetry(error, input.Key as TableKey, (stored) => stored === undefined);
    }
  }

  /**
   * Whether a refused conditional write is the caller's own, landed on an earlier attempt whose
   * answer was lost (isConditionFailedOnRetry): the item read strongly consistent shows the write
   * (`shows`). A first-attempt refusal is answered without a read. Conservative: a write overwritten
   * between the refusal and the read counts as refused, as it would have without the retry.
   */
  async landedOnRetry(
    error: unknown,
    key: TableKey,
    shows: (stored: Item | undefined) => boolean,
  ): Promise<boolean> {
    if (!isConditionFailedOnRetry(error)) return false;
    return shows(await this.get(key, { consistent: true, operation: "GetItem(own write?)" }));
  }

  async transact(items: TransactItem[]): Promise<void> {
    await dynamoRequest("TransactWriteItems", () =>
      this.client.send(new TransactWriteCommand({ TransactItems: items })),
    );
  }

  /**
   * Unconditional puts and deletes, 25 per BatchWriteItem: billed as the single writes would be
   * (a transaction bills each item twice), with no condition and no all-or-nothing. Items DynamoDB
   * hands back unprocessed (throttling) are sent again after a backoff; still unprocessed after
   * BATCH_WRITE_ROUNDS, a TransientError, so the caller's retry writes them.
   */
  async batchWrite(operation: string, requests: readonly WriteRequest[]): Promise<void> {
    await batchWriteAll(this.client, this.name, operation, requests);
  }

  /**
   * The items of one partition, strongly consistent: one Query (more pages only past 1 MB). With
   * `sortKeys`, only those whose sort key is between `from` and `to` (inclusive): DynamoDB bills a
   * Query by the bytes it reads, so a range read leaves the rest of the partition unbilled.
   */
  queryPartition(operation: string, pk: string, sortKeys?: { from: string; to: string }): Promise<Item[]> {
    return queryAll(this.client, operation, {
      TableName: this.name,
      ...(sortKeys === undefined
        ? { KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": pk } }
        : {
            KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
            ExpressionAttributeValues: { ":pk": pk, ":from": sortKeys.from, ":to": sortKeys.to },
          }),
      ConsistentRead: true,
    });
  }
}

/**
 * Every item a Query returns, page after page (DynamoDB stops a page at 1 MB and hands back
 * LastEvaluatedKey), each page one request named `operation` for errors and metrics.
 */
export async function queryAll(
  client: DynamoDBDocumentClient,
  operation: string,
  input: Omit<QueryCommandInput, "ExclusiveStartKey">,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoRequest(operation, () =>
      client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey })),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

/**
 * A JSON round trip: drops undefined members, so that any DocumentClient (with or without
 * removeUndefinedValues) accepts the value, and gives content comparisons one canonical input.
 */
export function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * An item as DynamoDB stores it from a put through this module's clients (removeUndefinedValues):
 * undefined members dropped at any depth; a binary value as its bytes, whatever its class (the
 * stores write a gzipped or brotli `Buffer`, the DocumentClient reads back a `Uint8Array`, and a
 * deep comparison tells the two apart by prototype); other class instances kept as they are, which
 * a JSON round trip would not.
 */
function asStored(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((each) => each !== undefined).map(asStored);
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([name, member]) =>
      member === undefined ? [] : [[name, asStored(member)]],
    ),
  );
}

function keyOf(item: Item | undefined): TableKey {
  return { pk: String(item?.pk), sk: String(item?.sk) };
}

export function chunk<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** DynamoTable.batchWrite for code that holds a client and a table name. */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  operation: string,
  requests: readonly WriteRequest[],
): Promise<void> {
  for (const part of chunk(requests, MAX_BATCH_WRITE)) {
    let pending: readonly WriteRequest[] = part;
    for (let round = 0; pending.length > 0; round++) {
      if (round === BATCH_WRITE_ROUNDS)
        throw new TransientError(`${operation}: ${pending.length} items still unprocessed`);
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** round)));
      const batch = pending;
      const result = await dynamoRequest(operation, () =>
        client.send(new BatchWriteCommand({ RequestItems: { [tableName]: [...batch] } })),
      );
      pending = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
}
