import type { InitializeMiddleware, MiddlewareStack } from "@smithy/types";
import type { AwsClientFactory } from "#adapters/aws-clients.ts";
import { awsClients } from "#adapters/aws-clients-all.ts";

/**
 * Counts AWS SDK requests and DynamoDB consumed capacity per service and operation, as a real
 * middleware on each client's stack, so the counts come from the calls the adapters actually make.
 * Used by the benchmarks and the fault suite, which inject counting clients (`countingClients`);
 * production code never carries it.
 */

/** One service/operation's tally. `kind` separates what the cloud would bill from local-only calls. */
export interface OperationTally {
  service: string;
  operation: string;
  /** Requests sent (each SDK attempt the middleware saw, including ones that failed). */
  requests: number;
  errors: number;
  /** DynamoDB write and read capacity units, from ConsumedCapacity (ReturnConsumedCapacity: TOTAL). */
  wcu: number;
  rcu: number;
}

/** A classification hook: return a label to file the call under instead of its service. */
export type CallClassifier = (service: string, operation: string, input: unknown) => string | undefined;

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

// biome-ignore lint/suspicious/noExplicitAny: any SDK client's stack; the middleware only reads shapes it checks.
type AnyClient = { middlewareStack: MiddlewareStack<any, any> };

/** `DynamoDBClient` → `dynamodb`, `SESv2Client` → `ses`, `SchedulerClient` → `scheduler`. */
export function serviceOf(clientName: string | undefined): string {
  const name = (clientName ?? "unknown").replace(/Client$/, "").toLowerCase();
  if (name.startsWith("sesv2")) return "ses";
  return name;
}

export class CallCounter {
  private readonly tallies = new Map<string, OperationTally>();

  constructor(private readonly classify: CallClassifier = () => undefined) {}

  record(
    service: string,
    operation: string,
    input: unknown,
    outcome: { error: boolean; consumed?: ConsumedCapacity | ConsumedCapacity[] },
    scope?: string,
  ): void {
    const label = this.classify(service, operation, input) ?? service;
    const key = `${scope ?? ""}|${label}|${operation}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = {
        service: scope ? `${scope}:${label}` : label,
        operation,
        requests: 0,
        errors: 0,
        wcu: 0,
        rcu: 0,
      };
      this.tallies.set(key, tally);
    }
    tally.requests += 1;
    if (outcome.error) tally.errors += 1;
    const consumed = outcome.consumed;
    for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
      const write = entry.WriteCapacityUnits ?? 0;
      const read = entry.ReadCapacityUnits ?? 0;
      // Operations that report only CapacityUnits: a write for writes, a read otherwise.
      const total = entry.CapacityUnits ?? 0;
      const isWrite = /Put|Update|Delete|TransactWrite|BatchWrite/.test(operation);
      tally.wcu += write || (read === 0 && isWrite ? total : 0);
      tally.rcu += read || (write === 0 && !isWrite ? total : 0);
    }
  }

  /** Every tally so far, sorted by service then operation. */
  snapshot(): OperationTally[] {
    return [...this.tallies.values()]
      .map((tally) => ({ ...tally }))
      .sort((a, b) => a.service.localeCompare(b.service) || a.operation.localeCompare(b.operation));
  }

  /** Totals per service label (or per `scope:label`), summing operations. */
  byService(): Record<string, { requests: number; errors: number; wcu: number; rcu: number }> {
    const out: Record<string, { requests: number; errors: number; wcu: number; rcu: number }> = {};
    for (const tally of this.tallies.values()) {
      const total = out[tally.service] ?? { requests: 0, errors: 0, wcu: 0, rcu: 0 };
      out[tally.service] = total;
      total.requests += tally.requests;
      total.errors += tally.errors;
      total.wcu += tally.wcu;
      total.rcu += tally.rcu;
    }
    return out;
  }

  reset(): void {
    this.tallies.clear();
  }
}

export interface InstrumentOptions {
  /**
   * Ask DynamoDB for ReturnConsumedCapacity TOTAL on every operation that accepts it, so the
   * capacity units are the service's own figures. Bench mode only: production never asks.
   */
  returnConsumedCapacity?: boolean;
  /** A fixed scope for every call on this client (e.g. the function that built it). */
  scope?: string;
}

const CAPACITY_OPERATIONS = new Set([
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "Scan",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactWriteItems",
  "TransactGetItems",
]);

const MIDDLEWARE_NAME = "matchpathCallCounter";

/**
 * Adds the counting middleware to a client (a DynamoDBDocumentClient shares its base client's
 * stack, so instrumenting either counts both). Idempotent per client.
 */
export function instrumentClient<C extends AnyClient>(
  client: C,
  counter: CallCounter,
  options: InstrumentOptions = {},
): C {
  const stack = client.middlewareStack;
  stack.remove(MIDDLEWARE_NAME);
  const middleware: InitializeMiddleware<object, object> = (next, context) => async (args) => {
    const ctx = context as { clientName?: string; commandName?: string };
    const service = serviceOf(ctx.clientName);
    const operation = (ctx.commandName ?? "Unknown").replace(/Command$/, "");
    const withInput = args as { input: Record<string, unknown> };
    if (options.returnConsumedCapacity && service === "dynamodb" && CAPACITY_OPERATIONS.has(operation)) {
      withInput.input = { ...withInput.input, ReturnConsumedCapacity: "TOTAL" };
    }
    try {
      const result = await next(args);
      const output = (result as { output?: { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] } })
        .output;
      counter.record(
        service,
        operation,
        withInput.input,
        { error: false, ...(output?.ConsumedCapacity ? { consumed: output.ConsumedCapacity } : {}) },
        options.scope,
      );
      return result;
    } catch (error) {
      counter.record(service, operation, withInput.input, { error: true }, options.scope);
      throw error;
    }
  };
  stack.add(middleware, { step: "initialize", name: MIDDLEWARE_NAME, priority: "high", override: true });
  return client;
}

/**
 * A client factory whose every client carries the counting middleware, for the composition roots
 * the benchmarks run in-process (functions/<name>/setup.ts): `scope` names the function, so the
 * counts are per function with no change to the handlers.
 */
export function countingClients(
  counter: CallCounter,
  options: InstrumentOptions & { scope: string },
): AwsClientFactory {
  return {
    documents: (settings, fn) => {
      const documents = awsClients.documents(settings, fn);
      instrumentClient(documents, counter, options);
      return documents;
    },
    ses: (settings, fn) => instrumentClient(awsClients.ses(settings, fn), counter, options),
    eventBridge: (settings, fn) => instrumentClient(awsClients.eventBridge(settings, fn), counter, options),
    scheduler: (settings, fn) => instrumentClient(awsClients.scheduler(settings, fn), counter, options),
  };
}

/**
 * The local stack keeps wake-ups as WAKEUP items in the table (the cloud uses EventBridge
 * Scheduler): file those calls under `scheduler-local`, so DynamoDB counts stay what the cloud
 * would bill and wake-up calls are visible as the Scheduler calls they stand for.
 */
export const localWakeUpClassifier: CallClassifier = (service, _operation, input) => {
  if (service !== "dynamodb" || typeof input !== "object" || input === null) return undefined;
  const request = input as {
    Item?: Record<string, unknown>;
    Key?: Record<string, unknown>;
    IndexName?: string;
    ExpressionAttributeValues?: Record<string, unknown>;
    TransactItems?: { Put?: { Item?: Record<string, unknown> } }[];
  };
  const sk = text(request.Item?.sk) ?? text(request.Key?.sk);
  if (sk === "WAKEUP") return "scheduler-local";
  // A wake-up is armed in a transaction with the check that its applicant exists (table-wake-ups.ts).
  if (request.TransactItems?.some((item) => text(item.Put?.Item?.sk) === "WAKEUP")) return "scheduler-local";
  const values = Object.values(request.ExpressionAttributeValues ?? {}).map(text);
  if (request.IndexName !== undefined && values.some((value) => value?.startsWith("WAKEUP#")))
    return "scheduler-local";
  return undefined;
};

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && typeof (value as { S?: unknown }).S === "string")
    return (value as { S: string }).S;
  return undefined;
}
