import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import type { FilterPattern } from "#adapters/dynamodb/stream-filter.ts";
import type { StreamDeadLetter } from "./stream-dead-letter.ts";

/** What the stream poller is told: its table, its function, Lambda's mapping settings, and its log. */

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
  /**
   * The longest sleep once the stream has stayed idle (default 1000 ms): each idle pass doubles the
   * sleep from pollIntervalMs up to this, and records, drain() or wake() bring it back down. An idle
   * poll is a DescribeStream and a GetRecords per shard, CPU in DynamoDB Local's JVM for nothing.
   */
  maxIdleIntervalMs?: number;
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

const silentLog: PollerLog = { info: () => {}, warn: () => {}, error: () => {} };

export function toPollerLog(log: StreamPollerOptions["log"]): PollerLog {
  if (log === undefined) return silentLog;
  if (typeof log !== "function") return log;
  const line =
    (level: string) =>
    (message: string, details?: Record<string, unknown>): void =>
      log(`stream poller ${level}: ${message}${details ? ` ${JSON.stringify(details)}` : ""}`);
  // Shard discovery is routine; a one-line logger only hears about problems.
  return { info: () => {}, warn: line("warn"), error: line("error") };
}
