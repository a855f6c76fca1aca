import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
} from "@aws-sdk/client-dynamodb-streams";
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { toLambdaRecord } from "#adapters/dynamodb/stream-event.ts";
import { compileFilter, type FilterPattern } from "#adapters/dynamodb/stream-filter.ts";
import { planningStreamFilterPattern } from "#adapters/dynamodb/table-design.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "./dynamodb-local.ts";

/**
 * What Lambda sends to an on-failure destination when a stream batch exhausts its retries
 * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-async-destinations,
 * "DDBStreamBatchInfo"): where the records are, not the records. Locally the records are added too.
 */
export interface StreamDeadLetter {
  version: "1.0";
  timestamp: string;
  requestContext: { requestId: string; condition: "RetryAttemptsExhausted"; approximateInvokeCount: number };
  responseContext: { statusCode: number; functionError?: string };
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: number;
    streamArn: string;
  };
  /** Local addition: the failed records themselves (the cloud re-reads them from the stream). */
  records: DynamoDBRecord[];
  /** Local addition: the last error thrown by onBatch, if it threw. */
  lastError?: string;
}

export interface PollerLog {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface StreamPollerOptions {
  dynamodbEndpoint: string;
  tableName: string;
  /** The function under test: the planner handler, with the real Lambda event. */
  onBatch: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;
  /** Records per GetRecords and per onBatch call (Lambda's BatchSize; default 100). */
  batchSize?: number;
  /** Sleep between polls once caught up (default 200 ms; Lambda polls each shard 4 times a second). */
  pollIntervalMs?: number;
  /** Where to keep the last sequence number per shard, so a restart resumes there. */
  checkpointFile?: string;
  /** Retries after the first failed invocation (Lambda's MaximumRetryAttempts; default 3). */
  maxRetries?: number;
  /** The on-failure destination. If it throws, the batch is kept and offered again. */
  onDeadLetter: (failure: StreamDeadLetter) => Promise<void> | void;
  /** Filter patterns (ORed); default: the cloud mapping's planningStreamFilterPattern. */
  filters?: FilterPattern[];
  /** Where to start reading a shard without a checkpoint (default TRIM_HORIZON: nothing is missed). */
  startingPosition?: "TRIM_HORIZON" | "LATEST";
  /** A structured logger, or a function taking one formatted line (e.g. the local stack's console). */
  log?: PollerLog | ((line: string) => void);
}

export interface StreamPoller {
  /** The stream being read. */
  readonly streamArn: string;
  /** Stops after the current step; resolves when the loop has ended. */
  stop(): Promise<void>;
  /**
   * Resolves once every record written before the call has been delivered to onBatch (or
   * dead-lettered): what tests and the local clock wait on before looking at the planner's output.
   */
  drain(options?: { timeoutMs?: number }): Promise<void>;
}

interface ShardState {
  shardId: string;
  parentShardId?: string;
  iterator?: string;
  /** Last sequence number processed (delivered, filtered out or dead-lettered). */
  checkpoint?: string;
  /** Closed and read to its end. */
  finished: boolean;
  /** Records read but not yet processed: a failed batch waits here for its retry. */
  pending: StreamsRecord[];
  /** Invocations so far for the batch starting at pending[0]. */
  attempts: number;
  lastError?: string;
  /** The last GetRecords returned nothing and nothing is pending. */
  caughtUp: boolean;
}

interface CheckpointFile {
  streamArn: string;
  shards: Record<string, { sequenceNumber?: string; finished: boolean }>;
}

interface DrainWaiter {
  notBefore: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** A write's stream record is readable within ~20 ms on DynamoDB Local (DESIGN.md); wait a little more. */
const DRAIN_SETTLE_MS = 40;

const silentLog: PollerLog = { info: () => {}, warn: () => {}, error: () => {} };

function toPollerLog(log: StreamPollerOptions["log"]): PollerLog {
  if (log === undefined) return silentLog;
  if (typeof log !== "function") return log;
  const line =
    (level: string) =>
    (message: string, details?: Record<string, unknown>): void =>
      log(`stream poller ${level}: ${message}${details ? ` ${JSON.stringify(details)}` : ""}`);
  // Shard discovery is routine; a one-line logger only hears about problems.
  return { info: () => {}, warn: line("warn"), error: line("error") };
}

function seq(value: string | undefined): bigint {
  return BigInt(value ?? "0");
}

/**
 * Reads the table's DynamoDB stream like a Lambda event-source mapping with ReportBatchItemFailures,
 * MaximumRetryAttempts and an on-failure destination: real Lambda events, the cloud's filter, parent
 * shards before children, checkpoints per shard.
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const maxRetries = options.maxRetries ?? 3;
  const log = toPollerLog(options.log);
  const matches = compileFilter(...(options.filters ?? [planningStreamFilterPattern]));
  const clientConfig = {
    endpoint: options.dynamodbEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  };

  const ddb = new DynamoDBClient(clientConfig);
  const described = await ddb
    .send(new DescribeTableCommand({ TableName: options.tableName }))
    .finally(() => ddb.destroy());
  const streamArn = described.Table?.LatestStreamArn;
  if (streamArn === undefined) throw new Error(`Table ${options.tableName} has no stream`);

  const streams = new DynamoDBStreamsClient(clientConfig);
  const shards = new Map<string, ShardState>();
  const saved = await loadCheckpoints(options.checkpointFile, streamArn, log);

  let stopped = false;
  let waiters: DrainWaiter[] = [];
  // The idle sleep ends early when drain() or stop() is called, so neither waits out a poll interval.
  let wake: (() => void) | undefined;
  const idle = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });

  async function saveCheckpoints(): Promise<void> {
    if (options.checkpointFile === undefined) return;
    const file: CheckpointFile = { streamArn: streamArn as string, shards: {} };
    for (const shard of shards.values()) {
      file.shards[shard.shardId] = {
        finished: shard.finished,
        ...(shard.checkpoint ? { sequenceNumber: shard.checkpoint } : {}),
      };
    }
    // Write-then-rename, so a crash mid-write never leaves a torn checkpoint.
    const tmp = `${options.checkpointFile}.${process.pid}.tmp`;
    await mkdir(dirname(options.checkpointFile), { recursive: true });
    await writeFile(tmp, JSON.stringify(file, null, 2));
    await rename(tmp, options.checkpointFile);
  }

  async function refreshShards(): Promise<void> {
    let exclusiveStart: string | undefined;
    do {
      const page = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStart }),
      );
      for (const shard of page.StreamDescription?.Shards ?? []) {
        if (shard.ShardId === undefined || shards.has(shard.ShardId)) continue;
        const state: ShardState = {
          shardId: shard.ShardId,
          finished: saved?.shards[shard.ShardId]?.finished ?? false,
          pending: [],
          attempts: 0,
          caughtUp: false,
        };
        if (shard.ParentShardId !== undefined) state.parentShardId = shard.ParentShardId;
        const checkpoint = saved?.shards[shard.ShardId]?.sequenceNumber;
        if (checkpoint !== undefined) state.checkpoint = checkpoint;
        shards.set(shard.ShardId, state);
        log.info("stream shard found", { shardId: shard.ShardId, parent: shard.ParentShardId, checkpoint });
      }
      exclusiveStart = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStart !== undefined);
  }

  async function iteratorFor(shard: ShardState): Promise<string | undefined> {
    const input =
      shard.checkpoint !== undefined
        ? { ShardIteratorType: "AFTER_SEQUENCE_NUMBER" as const, SequenceNumber: shard.checkpoint }
        : { ShardIteratorType: options.startingPosition ?? ("TRIM_HORIZON" as const) };
    const result = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.shardId, ...input }),
    );
    return result.ShardIterator;
  }

  async function advance(shard: ShardState, sequenceNumber: string | undefined): Promise<void> {
    if (sequenceNumber !== undefined && seq(sequenceNumber) > seq(shard.checkpoint)) {
      shard.checkpoint = sequenceNumber;
      await saveCheckpoints();
    }
  }

  /** Reads one batch if nothing is pending. Returns true if the shard had records. */
  async function read(shard: ShardState): Promise<boolean> {
    if (shard.pending.length > 0) return true;
    if (shard.iterator === undefined) {
      shard.iterator = await iteratorFor(shard);
      if (shard.iterator === undefined) {
        shard.finished = true;
        await saveCheckpoints();
        return false;
      }
    }
    try {
      const result = await streams.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: batchSize }),
      );
      shard.pending = result.Records ?? [];
      if (result.NextShardIterator === undefined || result.NextShardIterator === null) {
        // A closed shard read to its end: its children may start (Lambda keeps this order too).
        delete shard.iterator;
        if (shard.pending.length === 0) {
          shard.finished = true;
          log.info("stream shard finished", { shardId: shard.shardId });
          await saveCheckpoints();
        }
      } else {
        shard.iterator = result.NextShardIterator;
      }
      return shard.pending.length > 0;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === "ExpiredIteratorException") {
        delete shard.iterator;
        return false;
      }
      if (name === "TrimmedDataAccessException") {
        // Records past the 24 h retention are gone; say so loudly and continue from the oldest kept.
        log.error("stream records trimmed before they were read", {
          shardId: shard.shardId,
          checkpoint: shard.checkpoint,
        });
        delete shard.checkpoint;
        delete shard.iterator;
        return false;
      }
      if (name === "ResourceNotFoundException") {
        shard.finished = true;
        return false;
      }
      throw error;
    }
  }

  /** Offers the pending records to onBatch once; applies the outcome like Lambda does. */
  async function deliver(shard: ShardState): Promise<void> {
    const records = shard.pending.map((record) => toLambdaRecord(record, streamArn as string));
    const matching = records.filter((record) => matches(record));
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (matching.length === 0) {
      // Filtered-out records are consumed without an invocation, as with Lambda's FilterCriteria.
      shard.pending = [];
      shard.attempts = 0;
      await advance(shard, last);
      return;
    }

    if (shard.attempts > maxRetries) {
      // Retries were exhausted but the destination failed last time: offer it the batch again.
      await deadLetter(shard);
      return;
    }
    shard.attempts += 1;
    let failedFrom: string | undefined;
    try {
      const response = await options.onBatch({ Records: matching });
      failedFrom = lowestFailure(response, matching);
      delete shard.lastError;
    } catch (error) {
      failedFrom = matching[0]?.dynamodb?.SequenceNumber;
      shard.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      log.warn("onBatch threw; the whole batch will be retried", {
        shardId: shard.shardId,
        error: shard.lastError,
      });
    }

    if (failedFrom === undefined) {
      shard.pending = [];
      shard.attempts = 0;
      await advance(shard, last);
      return;
    }

    // Everything before the lowest failure succeeded: checkpoint there and retry from it.
    const before = shard.pending.filter((r) => seq(r.dynamodb?.SequenceNumber) < seq(failedFrom));
    if (before.length > 0) {
      shard.pending = shard.pending.filter((r) => seq(r.dynamodb?.SequenceNumber) >= seq(failedFrom));
      shard.attempts = 1;
      await advance(shard, before.at(-1)?.dynamodb?.SequenceNumber);
    }
    if (shard.attempts <= maxRetries) {
      log.warn("stream batch failed; retrying", {
        shardId: shard.shardId,
        from: failedFrom,
        attempt: shard.attempts,
      });
      return;
    }
    await deadLetter(shard);
  }

  async function deadLetter(shard: ShardState): Promise<void> {
    const failed = shard.pending.map((record) => toLambdaRecord(record, streamArn as string));
    const first = failed[0]?.dynamodb;
    const lastFailed = failed.at(-1)?.dynamodb;
    const arrival = (seconds: number | undefined): string => new Date((seconds ?? 0) * 1000).toISOString();
    const deadLetter: StreamDeadLetter = {
      version: "1.0",
      timestamp: new Date().toISOString(),
      requestContext: {
        requestId: randomUUID(),
        condition: "RetryAttemptsExhausted",
        approximateInvokeCount: shard.attempts,
      },
      responseContext: { statusCode: 200, ...(shard.lastError ? { functionError: "Unhandled" } : {}) },
      DDBStreamBatchInfo: {
        shardId: shard.shardId,
        startSequenceNumber: first?.SequenceNumber ?? "",
        endSequenceNumber: lastFailed?.SequenceNumber ?? "",
        approximateArrivalOfFirstRecord: arrival(first?.ApproximateCreationDateTime),
        approximateArrivalOfLastRecord: arrival(lastFailed?.ApproximateCreationDateTime),
        batchSize: failed.length,
        streamArn: streamArn as string,
      },
      records: failed,
      ...(shard.lastError ? { lastError: shard.lastError } : {}),
    };
    // If the destination itself fails, keep the batch: it is offered again rather than dropped.
    await options.onDeadLetter(deadLetter);
    log.error("stream batch dead-lettered after retries", { ...deadLetter.DDBStreamBatchInfo });
    shard.pending = [];
    shard.attempts = 0;
    delete shard.lastError;
    await advance(shard, lastFailed?.SequenceNumber);
  }

  function readyShards(): ShardState[] {
    return [...shards.values()].filter((shard) => {
      if (shard.finished) return false;
      const parent = shard.parentShardId === undefined ? undefined : shards.get(shard.parentShardId);
      return parent === undefined || parent.finished;
    });
  }

  /** One pass over every readable shard. Returns whether any records moved. */
  async function cycle(): Promise<{ busy: boolean; caughtUp: boolean }> {
    await refreshShards();
    let busy = false;
    for (const shard of readyShards()) {
      if (stopped) break;
      const had = await read(shard);
      shard.caughtUp = !had && shard.iterator !== undefined;
      if (had) {
        const before = shard.pending.length;
        await deliver(shard);
        // Poll again at once while records move; a failed batch waits one interval before its retry.
        if (shard.pending.length < before) busy = true;
      }
    }
    const caughtUp = [...shards.values()].every((s) => s.finished || (s.caughtUp && s.pending.length === 0));
    return { busy, caughtUp };
  }

  const loop = (async () => {
    let lastErrorLog = 0;
    while (!stopped) {
      const started = Date.now();
      let result = { busy: false, caughtUp: false };
      try {
        result = await cycle();
      } catch (error) {
        if (stopped) break;
        if (Date.now() - lastErrorLog > 5000) {
          lastErrorLog = Date.now();
          log.error("stream poll failed; retrying", {
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      if (result.caughtUp) {
        const done = waiters.filter((w) => w.notBefore <= started);
        waiters = waiters.filter((w) => w.notBefore > started);
        for (const waiter of done) {
          if (waiter.timer) clearTimeout(waiter.timer);
          waiter.resolve();
        }
      }
      if (!result.busy && !stopped)
        await idle(waiters.length > 0 ? Math.min(pollIntervalMs, 20) : pollIntervalMs);
    }
  })();

  return {
    streamArn,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      streams.destroy();
      for (const waiter of waiters) {
        if (waiter.timer) clearTimeout(waiter.timer);
        waiter.reject(new Error("stream poller stopped before draining"));
      }
      waiters = [];
    },
    drain(drainOptions) {
      if (stopped) return Promise.reject(new Error("stream poller is stopped"));
      return new Promise<void>((resolve, reject) => {
        const waiter: DrainWaiter = { notBefore: Date.now() + DRAIN_SETTLE_MS, resolve, reject };
        const timeoutMs = drainOptions?.timeoutMs;
        if (timeoutMs !== undefined) {
          waiter.timer = setTimeout(() => {
            waiters = waiters.filter((w) => w !== waiter);
            reject(new Error(`stream poller did not drain within ${timeoutMs} ms`));
          }, timeoutMs);
        }
        waiters.push(waiter);
        // Poll again once the settle time has passed rather than at the end of a full interval.
        setTimeout(() => wake?.(), DRAIN_SETTLE_MS);
      });
    },
  };
}

/**
 * The lowest failed sequence number, or undefined for full success. As documented for
 * ReportBatchItemFailures (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html):
 * an empty or missing list is success; an empty, null or unknown itemIdentifier fails the whole batch.
 */
function lowestFailure(
  response: DynamoDBBatchResponse | undefined,
  batch: DynamoDBRecord[],
): string | undefined {
  const failures = response?.batchItemFailures ?? [];
  if (failures.length === 0) return undefined;
  const inBatch = new Set(batch.map((r) => r.dynamodb?.SequenceNumber));
  const whole = batch[0]?.dynamodb?.SequenceNumber;
  let lowest: string | undefined;
  for (const failure of failures) {
    const id = failure?.itemIdentifier;
    if (typeof id !== "string" || id === "" || !inBatch.has(id)) return whole;
    if (lowest === undefined || seq(id) < seq(lowest)) lowest = id;
  }
  return lowest;
}

async function loadCheckpoints(
  file: string | undefined,
  streamArn: string,
  log: PollerLog,
): Promise<CheckpointFile | undefined> {
  if (file === undefined) return undefined;
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as CheckpointFile;
    if (parsed.streamArn !== streamArn) {
      log.warn("checkpoint belongs to another stream (table recreated?); starting fresh", { file });
      return undefined;
    }
    return parsed;
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw error;
  }
}
