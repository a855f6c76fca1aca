import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import type { CallCounter } from "#test/bench/support/call-counter.ts";
import { itemSize, readUnits, SizedPlaceholder, writeUnits } from "./item-size.ts";
import { AwsError, batchWrite, keyOf, transactWrite, type WriteTarget } from "./memory-batches.ts";
import { applySet, contextOf, evaluate } from "./memory-expressions.ts";

/**
 * One DynamoDB table in memory, served through the DocumentClient interface the real
 * Dynamo repositories use, so the 50,000-applicant season runs the very store code (same requests
 * per operation, by construction) without DynamoDB Local. Every request is counted in a CallCounter
 * with the capacity units DynamoDB would bill, computed from item sizes by DynamoDB's rules:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 * (writes: 1 WCU per 1 KB, transactional 2; reads: 1 RCU per 4 KB strongly consistent, half
 * eventually consistent, a Query summing the sizes it returns; a failed condition still consumes).
 *
 * It understands exactly the expressions the store and the table wake-ups write (conditions with
 * attribute_(not_)exists, =, <, AND, OR and parentheses; SET with if_not_exists) and throws on
 * anything else, so a new expression cannot be silently misread. Large attributes listed in
 * `dropAttributes` (the stored plan, gzipped) are kept only as their size, to bound memory.
 */

type Item = Record<string, unknown>;

export interface MemoryTableOptions {
  counter: CallCounter;
  /** Attributes replaced by a placeholder of the same size (e.g. a large Binary attribute). */
  dropAttributes?: readonly string[];
  /**
   * Where to file the write units of each item written, by function, operation, action and item
   * kind (`entity`, else the sort key's prefix): the breakdown behind a WCU figure.
   */
  itemUnits?: CallCounter;
  /** Throw this error (once) on the next request of the named operation, for fault tests. */
  failNext?: Partial<Record<string, Error>>;
}

export class MemoryTable implements WriteTarget {
  private readonly items = new Map<string, Item>();
  private readonly sizes = new Map<string, number>();
  private readonly partitions = new Map<string, Set<string>>();
  readonly failNext: Partial<Record<string, Error>>;
  /** A fault chosen by request: return an error to throw it for that request. */
  failWhen: ((operation: string, input: Record<string, unknown>) => Error | undefined) | undefined;
  /** The request being served, for billItem. */
  private serving: { operation: string; scope: string | undefined } = { operation: "", scope: undefined };

  constructor(private readonly options: MemoryTableOptions) {
    this.failNext = options.failNext ?? {};
  }

  /** The DocumentClient the store is built with. */
  client(scope?: string): DynamoDBDocumentClient {
    return { send: (command: unknown) => this.send(command, scope) } as unknown as DynamoDBDocumentClient;
  }

  get itemCount(): number {
    return this.items.size;
  }

  /** The items of one partition, read without counting (for the simulation's scoring). */
  partitionItems(pk: string): Item[] {
    return [...(this.partitions.get(pk) ?? [])].flatMap((key) => {
      const item = this.items.get(key);
      return item ? [item] : [];
    });
  }

  /** Drops one partition (an applicant finished with in the simulation), to bound memory. */
  dropPartition(pk: string): void {
    for (const key of this.partitions.get(pk) ?? []) {
      this.items.delete(key);
      this.sizes.delete(key);
    }
    this.partitions.delete(pk);
  }

  private async send(command: unknown, scope?: string): Promise<unknown> {
    const operation = operationOf(command);
    const input = (command as { input: Record<string, unknown> }).input;
    const chosen = this.failWhen?.(operation, input);
    const failure = chosen ?? this.failNext[operation];
    if (failure) {
      if (!chosen) delete this.failNext[operation];
      this.options.counter.record("dynamodb", operation, input, { error: true }, scope);
      throw failure;
    }
    try {
      this.serving = { operation, scope };
      const { output, wcu, rcu } = this.execute(operation, input);
      this.options.counter.record(
        "dynamodb",
        operation,
        input,
        {
          error: false,
          consumed: { WriteCapacityUnits: wcu, ReadCapacityUnits: rcu },
        },
        scope,
      );
      return output;
    } catch (error) {
      const consumed = (error as { consumedWcu?: number }).consumedWcu ?? 0;
      this.options.counter.record(
        "dynamodb",
        operation,
        input,
        {
          error: true,
          consumed: { WriteCapacityUnits: consumed, ReadCapacityUnits: 0 },
        },
        scope,
      );
      throw error;
    }
  }

  private execute(
    operation: string,
    input: Record<string, unknown>,
  ): { output: Record<string, unknown>; wcu: number; rcu: number } {
    switch (operation) {
      case "GetItem": {
        const key = input.Key as Item;
        const stored = this.items.get(keyOf(key));
        const size = stored ? (this.sizes.get(keyOf(key)) ?? 0) : 0;
        return {
          output: stored ? { Item: { ...stored } } : {},
          wcu: 0,
          rcu: readUnits(size, input.ConsistentRead === true),
        };
      }
      case "Query": {
        if (input.IndexName !== undefined) throw new Error("MemoryTable: index queries are not modelled");
        const values = input.ExpressionAttributeValues as Record<string, unknown>;
        // The whole partition, or a sort-key range of it (inclusive, compared as strings).
        const range = input.KeyConditionExpression === "pk = :pk AND sk BETWEEN :from AND :to";
        if (input.KeyConditionExpression !== "pk = :pk" && !range)
          throw new Error("MemoryTable: unsupported key condition");
        const pk = String(values[":pk"]);
        const inRange = (key: string): boolean => {
          if (!range) return true;
          const sk = String(this.items.get(key)?.sk);
          return sk >= String(values[":from"]) && sk <= String(values[":to"]);
        };
        const keys = [...(this.partitions.get(pk) ?? [])].filter(inRange).sort();
        let bytes = 0;
        const items = keys.map((key) => {
          bytes += this.sizes.get(key) ?? 0;
          // A shallow copy: the store only reads what a Query returns.
          return { ...(this.items.get(key) as Item) };
        });
        return {
          output: { Items: items, Count: items.length },
          wcu: 0,
          rcu: readUnits(bytes, input.ConsistentRead === true),
        };
      }
      case "PutItem":
        return { output: {}, wcu: this.billed("Put", input, this.put(input, 1)), rcu: 0 };
      case "UpdateItem":
        return { output: {}, wcu: this.billed("Update", input, this.update(input, 1)), rcu: 0 };
      case "DeleteItem":
        return { output: {}, wcu: this.billed("Delete", input, this.delete(input, 1)), rcu: 0 };
      case "TransactWriteItems":
        return { output: {}, wcu: transactWrite(this, input), rcu: 0 };
      case "BatchWriteItem":
        return { output: { UnprocessedItems: {} }, wcu: batchWrite(this, input), rcu: 0 };
      default:
        throw new Error(`MemoryTable: ${operation} is not modelled`);
    }
  }

  billItem(action: string, target: Record<string, unknown>, units: number): void {
    const item = (target.Item ?? target.Key ?? {}) as Item;
    const kind = typeof item.entity === "string" ? item.entity : String(item.sk ?? "").split("#")[0];
    this.options.itemUnits?.record(
      "dynamodb",
      `${this.serving.operation} ${action} ${kind}`,
      undefined,
      { error: false, consumed: { WriteCapacityUnits: units } },
      this.serving.scope,
    );
  }

  private billed(action: string, input: Record<string, unknown>, units: number): number {
    this.billItem(action, input, units);
    return units;
  }

  put(input: Record<string, unknown>, factor: number, dryRun = false): number {
    const item = this.shrink(input.Item as Item);
    const key = keyOf(item);
    const existing = this.items.get(key);
    const oldSize = existing ? (this.sizes.get(key) ?? 0) : 0;
    this.check(input, existing, oldSize, factor);
    const size = itemSize(item);
    if (size > 400 * 1024)
      throw new AwsError("ValidationException", "Item size has exceeded the maximum allowed size");
    if (!dryRun) this.store(key, item, size);
    return writeUnits(Math.max(oldSize, size)) * factor;
  }

  update(input: Record<string, unknown>, factor: number, dryRun = false): number {
    const key = input.Key as Item;
    const id = keyOf(key);
    const existing = this.items.get(id);
    const oldSize = existing ? (this.sizes.get(id) ?? 0) : 0;
    this.check(input, existing, oldSize, factor);
    const next: Item = { ...(existing ?? key) };
    applySet(String(input.UpdateExpression), next, contextOf(input));
    const item = this.shrink(next);
    const size = itemSize(item);
    if (!dryRun) this.store(id, item, size);
    return writeUnits(Math.max(oldSize, size)) * factor;
  }

  delete(input: Record<string, unknown>, factor: number, dryRun = false): number {
    const id = keyOf(input.Key as Item);
    const existing = this.items.get(id);
    const oldSize = existing ? (this.sizes.get(id) ?? 0) : 0;
    this.check(input, existing, oldSize, factor);
    if (!dryRun && existing) {
      this.items.delete(id);
      this.sizes.delete(id);
      this.partitions.get(String(existing.pk))?.delete(id);
    }
    return writeUnits(oldSize) * factor;
  }

  private check(
    input: Record<string, unknown>,
    existing: Item | undefined,
    oldSize: number,
    factor: number,
  ): void {
    const condition = input.ConditionExpression;
    if (typeof condition !== "string") return;
    if (evaluate(condition, existing, contextOf(input))) return;
    throw new AwsError("ConditionalCheckFailedException", "The conditional request failed", {
      oldItem: existing,
      consumedWcu: writeUnits(oldSize) * factor,
    });
  }

  private shrink(item: Item): Item {
    const dropped = this.options.dropAttributes;
    if (!dropped) return item;
    const out: Item = { ...item };
    for (const name of dropped) {
      const value = out[name];
      if (typeof value === "string") out[name] = new SizedPlaceholder(Buffer.byteLength(value));
      else if (value instanceof Uint8Array) out[name] = new SizedPlaceholder(value.byteLength);
    }
    return out;
  }

  private store(key: string, item: Item, size: number): void {
    this.items.set(key, item);
    this.sizes.set(key, size);
    const pk = String(item.pk);
    let partition = this.partitions.get(pk);
    if (!partition) {
      partition = new Set();
      this.partitions.set(pk, partition);
    }
    partition.add(key);
  }
}

function operationOf(command: unknown): string {
  if (command instanceof GetCommand) return "GetItem";
  if (command instanceof PutCommand) return "PutItem";
  if (command instanceof UpdateCommand) return "UpdateItem";
  if (command instanceof DeleteCommand) return "DeleteItem";
  if (command instanceof QueryCommand) return "Query";
  if (command instanceof TransactWriteCommand) return "TransactWriteItems";
  if (command instanceof BatchWriteCommand) return "BatchWriteItem";
  throw new Error(`MemoryTable: ${(command as object).constructor.name} is not modelled`);
}
