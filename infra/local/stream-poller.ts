import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBStreamsClient } from "@aws-sdk/client-dynamodb-streams";
import { toLambdaRecord } from "#adapters/dynamodb/stream-event.ts";
import { compileFilter } from "#adapters/dynamodb/stream-filter.ts";
import { planningStreamFilterPattern } from "#adapters/dynamodb/table-design.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "./dynamodb-local.ts";
import { StreamCheckpoints } from "./stream-checkpoints.ts";
import { lowestFailure, sequence, streamDeadLetter } from "./stream-dead-letter.ts";
import { type PollerLog, type StreamPollerOptions, toPollerLog } from "./stream-poller-options.ts";
import { type ShardState, StreamShards } from "./stream-shards.ts";

export type { StreamDeadLetter } from "./stream-dead-letter.ts";

/** A drain() call waiting for a pass that started after `notBefore` to find every shard caught up. */
interface DrainWaiter {
  notBefore: number;
  resolve: () => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** A write's stream record is readable within ~20 ms on DynamoDB Local (DESIGN.md); wait a little more. */
const DRAIN_SETTLE_MS = 40;

/**
 * Reads the table's DynamoDB stream like a Lambda event-source mapping with ReportBatchItemFailures,
 * MaximumRetryAttempts and an on-failure destination: real Lambda events, the cloud's filter, parent
 * shards before children, checkpoints per shard. Start it with `StreamPoller.start`.
 */
export class StreamPoller {
  private readonly shards: StreamShards;
  private drainWaiters: DrainWaiter[] = [];
  private stopped = false;
  /** Ends the idle sleep early, so drain() and stop() never wait out a poll interval. */
  private wakeFromIdle: (() => void) | undefined;
  private readonly loop: Promise<void>;
  private readonly log: PollerLog;
  private readonly matches: ReturnType<typeof compileFilter>;
  private readonly pollIntervalMs: number;
  private readonly maxIdleIntervalMs: number;
  /** The current sleep between idle passes: doubles while nothing moves (see maxIdleIntervalMs). */
  private idleIntervalMs: number;
  private readonly maxRetries: number;

  /** Finds the table's stream and starts polling it. */
  static async start(options: StreamPollerOptions): Promise<StreamPoller> {
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
    const log = toPollerLog(options.log);
    const checkpoints = new StreamCheckpoints(options.checkpointFile, streamArn);
    const saved = await checkpoints.load((file) =>
      log.warn("checkpoint belongs to another stream (table recreated?); starting fresh", { file }),
    );
    const streams = new DynamoDBStreamsClient(clientConfig);
    const shards = new StreamShards(
      streams,
      streamArn,
      checkpoints,
      saved,
      { batchSize: options.batchSize ?? 100, startingPosition: options.startingPosition ?? "TRIM_HORIZON" },
      log,
    );
    return new StreamPoller(options, streamArn, streams, shards, log);
  }

  private constructor(
    private readonly options: StreamPollerOptions,
    /** The stream being read. */
    readonly streamArn: string,
    private readonly streams: DynamoDBStreamsClient,
    shards: StreamShards,
    log: PollerLog,
  ) {
    this.shards = shards;
    this.log = log;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.maxIdleIntervalMs = Math.max(this.pollIntervalMs, options.maxIdleIntervalMs ?? 1000);
    this.idleIntervalMs = this.pollIntervalMs;
    this.maxRetries = options.maxRetries ?? 3;
    this.matches = compileFilter(...(options.filters ?? [planningStreamFilterPattern]));
    this.loop = this.run();
  }

  /** Stops after the current step; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeFromIdle?.();
    await this.loop;
    this.streams.destroy();
    for (const waiter of this.drainWaiters) {
      if (waiter.timer) clearTimeout(waiter.timer);
      waiter.reject(new Error("stream poller stopped before draining"));
    }
    this.drainWaiters = [];
  }

  /**
   * Resolves once every record written before the call has been delivered to onBatch (or
   * dead-lettered): what tests and the local clock wait on before looking at the planner's output.
   */
  drain(options?: { timeoutMs?: number }): Promise<void> {
    if (this.stopped) return Promise.reject(new Error("stream poller is stopped"));
    return new Promise<void>((resolve, reject) => {
      const waiter: DrainWaiter = { notBefore: Date.now() + DRAIN_SETTLE_MS, resolve, reject };
      const timeoutMs = options?.timeoutMs;
      if (timeoutMs !== undefined) {
        waiter.timer = setTimeout(() => {
          this.drainWaiters = this.drainWaiters.filter((w) => w !== waiter);
          reject(new Error(`stream poller did not drain within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.drainWaiters.push(waiter);
      // Poll again once the settle time has passed rather than at the end of a full interval.
      setTimeout(() => this.wake(), DRAIN_SETTLE_MS);
    });
  }

  /**
   * Says records may have been written (e.g. a request was handled): polls again now and at the
   * short interval, instead of waiting out an idle sleep that grew while nothing happened.
   */
  wake(): void {
    this.idleIntervalMs = this.pollIntervalMs;
    this.wakeFromIdle?.();
  }

  private async run(): Promise<void> {
    let lastErrorLog = 0;
    while (!this.stopped) {
      const started = Date.now();
      let result = { busy: false, caughtUp: false };
      try {
        result = await this.cycle();
      } catch (error) {
        if (this.stopped) break;
        if (Date.now() - lastErrorLog > 5000) {
          lastErrorLog = Date.now();
          this.log.error("stream poll failed; retrying", {
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      if (result.caughtUp) this.releaseDrainWaiters(started);
      if (!result.busy && !this.stopped) {
        if (this.drainWaiters.length > 0) await this.idle(Math.min(this.pollIntervalMs, 20));
        else if (!result.caughtUp) await this.idle(this.pollIntervalMs);
        else {
          // Nothing to read: sleep longer each time, up to maxIdleIntervalMs, until wake() or drain().
          const sleep = this.idleIntervalMs;
          this.idleIntervalMs = Math.min(this.maxIdleIntervalMs, this.idleIntervalMs * 2);
          await this.idle(sleep);
        }
      } else {
        this.idleIntervalMs = this.pollIntervalMs;
      }
    }
  }

  private releaseDrainWaiters(passStarted: number): void {
    const done = this.drainWaiters.filter((w) => w.notBefore <= passStarted);
    this.drainWaiters = this.drainWaiters.filter((w) => w.notBefore > passStarted);
    for (const waiter of done) {
      if (waiter.timer) clearTimeout(waiter.timer);
      waiter.resolve();
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeFromIdle = undefined;
        resolve();
      }, ms);
      this.wakeFromIdle = () => {
        clearTimeout(timer);
        this.wakeFromIdle = undefined;
        resolve();
      };
    });
  }

  /** One pass over every readable shard. `busy`: records moved; `caughtUp`: nothing left to read. */
  private async cycle(): Promise<{ busy: boolean; caughtUp: boolean }> {
    await this.shards.refresh();
    let busy = false;
    for (const shard of this.shards.ready()) {
      if (this.stopped) break;
      const had = await this.shards.read(shard);
      shard.caughtUp = !had && shard.iterator !== undefined;
      if (had) {
        const before = shard.pending.length;
        await this.deliver(shard);
        // Poll again at once while records move; a failed batch waits one interval before its retry.
        if (shard.pending.length < before) busy = true;
      }
    }
    return { busy, caughtUp: this.shards.allCaughtUp() };
  }

  /** Offers the pending records to onBatch once; applies the outcome like Lambda does. */
  private async deliver(shard: ShardState): Promise<void> {
    const records = shard.pending.map((record) => toLambdaRecord(record, this.streamArn));
    const matching = records.filter((record) => this.matches(record));
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (matching.length === 0) {
      // Filtered-out records are consumed without an invocation, as with Lambda's FilterCriteria.
      shard.pending = [];
      shard.attempts = 0;
      await this.shards.advance(shard, last);
      return;
    }

    if (shard.attempts > this.maxRetries) {
      // Retries were exhausted but the destination failed last time: offer it the batch again.
      await this.deadLetter(shard);
      return;
    }
    shard.attempts += 1;
    let failedFrom: string | undefined;
    try {
      const response = await this.options.onBatch({ Records: matching });
      failedFrom = lowestFailure(response, matching);
      delete shard.lastError;
    } catch (error) {
      failedFrom = matching[0]?.dynamodb?.SequenceNumber;
      shard.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.log.warn("onBatch threw; the whole batch will be retried", {
        shardId: shard.shardId,
        error: shard.lastError,
      });
    }

    if (failedFrom === undefined) {
      shard.pending = [];
      shard.attempts = 0;
      await this.shards.advance(shard, last);
      return;
    }

    // Everything before the lowest failure succeeded: checkpoint there and retry from it.
    const before = shard.pending.filter((r) => sequence(r.dynamodb?.SequenceNumber) < sequence(failedFrom));
    if (before.length > 0) {
      shard.pending = shard.pending.filter(
        (r) => sequence(r.dynamodb?.SequenceNumber) >= sequence(failedFrom),
      );
      shard.attempts = 1;
      await this.shards.advance(shard, before.at(-1)?.dynamodb?.SequenceNumber);
    }
    if (shard.attempts <= this.maxRetries) {
      this.log.warn("stream batch failed; retrying", {
        shardId: shard.shardId,
        from: failedFrom,
        attempt: shard.attempts,
      });
      return;
    }
    await this.deadLetter(shard);
  }

  private async deadLetter(shard: ShardState): Promise<void> {
    const failed = shard.pending.map((record) => toLambdaRecord(record, this.streamArn));
    const deadLetter = streamDeadLetter(failed, {
      shardId: shard.shardId,
      streamArn: this.streamArn,
      invocations: shard.attempts,
      lastError: shard.lastError,
    });
    // If the destination itself fails, keep the batch: it is offered again rather than dropped.
    await this.options.onDeadLetter(deadLetter);
    this.log.error("stream batch dead-lettered after retries", { ...deadLetter.DDBStreamBatchInfo });
    shard.pending = [];
    shard.attempts = 0;
    delete shard.lastError;
    await this.shards.advance(shard, failed.at(-1)?.dynamodb?.SequenceNumber);
  }
}
