import { marshall } from "@aws-sdk/util-dynamodb";

/**
 * The in-memory table's multi-item writes (TransactWriteItems, BatchWriteItem) and the error shape
 * it throws, as DynamoDB answers them:
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */

type Item = Record<string, unknown>;

/** The single-item writes of the table: each returns the units billed (`factor` per unit); `dryRun` only checks. */
export interface WriteTarget {
  put(input: Record<string, unknown>, factor: number, dryRun?: boolean): number;
  update(input: Record<string, unknown>, factor: number, dryRun?: boolean): number;
  delete(input: Record<string, unknown>, factor: number, dryRun?: boolean): number;
  /** Files `units` under the item kind one action wrote (the season's per-item breakdown). */
  billItem?(action: string, target: Record<string, unknown>, units: number): void;
}

/** An error shaped as the SDK throws a service's: `name` is the service's error code. */
export class AwsError extends Error {
  readonly $metadata = { httpStatusCode: 400 };
  constructor(name: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = name;
    Object.assign(this, extra);
  }
}

export function keyOf(item: Item): string {
  return `${String(item.pk)}\u0000${String(item.sk)}`;
}

/** What DynamoDB refuses outright, before any condition: one item twice in one request. */
function assertDistinctItems(targets: readonly (Record<string, unknown> | undefined)[], what: string): void {
  const touched = new Set<string>();
  for (const target of targets) {
    const key = keyOf((target?.Item ?? target?.Key ?? {}) as Item);
    if (touched.has(key))
      throw new AwsError("ValidationException", `${what} cannot include multiple operations on one item`);
    touched.add(key);
  }
}

/** All or nothing: every condition is checked first; a failure cancels the lot with reasons in request order. */
export function transactWrite(table: WriteTarget, input: Record<string, unknown>): number {
  const actions = input.TransactItems as Record<string, Record<string, unknown>>[];
  if (actions.length > 100)
    throw new AwsError("ValidationException", "Member must have length less than or equal to 100");
  assertDistinctItems(
    actions.map((action) => action.Put ?? action.Update ?? action.Delete ?? action.ConditionCheck),
    "Transaction request",
  );
  const reasons: { Code: string; Item?: unknown }[] = [];
  let units = 0;
  for (const action of actions) {
    try {
      const [name, target] = Object.entries(action)[0] ?? [];
      let billed: number;
      if (action.Put) billed = table.put(action.Put, 2, true);
      else if (action.Update) billed = table.update(action.Update, 2, true);
      else if (action.Delete) billed = table.delete(action.Delete, 2, true);
      // A ConditionCheck checks like a Delete that is never applied (and is billed like one).
      else if (action.ConditionCheck) billed = table.delete(action.ConditionCheck, 2, true);
      else throw new Error("MemoryTable: unsupported transaction action");
      units += billed;
      if (name !== undefined && target !== undefined) table.billItem?.(name, target, billed);
      reasons.push({ Code: "None" });
    } catch (error) {
      if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
      const old = (error as { oldItem?: Item }).oldItem;
      const wantsOld =
        (action.Put ?? action.Update ?? action.Delete)?.ReturnValuesOnConditionCheckFailure === "ALL_OLD";
      reasons.push({ Code: "ConditionalCheckFailed", ...(wantsOld && old ? { Item: marshall(old) } : {}) });
    }
  }
  if (reasons.some((reason) => reason.Code !== "None")) {
    throw new AwsError("TransactionCanceledException", "Transaction cancelled", {
      CancellationReasons: reasons,
      consumedWcu: units,
    });
  }
  for (const action of actions) {
    if (action.Put) table.put(action.Put, 2);
    else if (action.Update) table.update(action.Update, 2);
    else if (action.Delete) table.delete(action.Delete, 2);
  }
  return units;
}

/**
 * Unconditional puts and deletes, each billed as the single write (never twice, unlike a
 * transaction); nothing is handed back unprocessed, as an unthrottled table answers.
 */
export function batchWrite(table: WriteTarget, input: Record<string, unknown>): number {
  const requests = Object.values(input.RequestItems as Record<string, Record<string, Item>[]>).flat();
  if (requests.length > 25)
    throw new AwsError("ValidationException", "Too many items requested for the BatchWriteItem call");
  assertDistinctItems(
    requests.map((request) => request.PutRequest ?? request.DeleteRequest),
    "Provided list of item keys",
  );
  let units = 0;
  for (const request of requests) {
    let billed: number;
    if (request.PutRequest) billed = table.put(request.PutRequest, 1);
    else if (request.DeleteRequest) billed = table.delete(request.DeleteRequest, 1);
    else throw new Error("MemoryTable: unsupported batch write request");
    units += billed;
    const [name, target] = Object.entries(request)[0] ?? [];
    if (name !== undefined && target !== undefined)
      table.billItem?.(name.replace(/Request$/, ""), target, billed);
  }
  return units;
}
