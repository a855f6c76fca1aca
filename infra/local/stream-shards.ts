import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
} from "@aws-sdk/client-dynamodb-streams";
import type { ShardCheckpoints, StreamCheckpoints } from "./stream-checkpoints.ts";
import { sequence } from "./stream-dead-letter.ts";
import type { PollerLog } from "./stream-poller-options.ts";

export /** What the poller knows about one shard of the stream. */
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

/**
 * The shards of one stream as the poller reads them: discovered with DescribeStream, read with
 * GetRecords from a checkpoint (or the starting position), parents before children, and each
 * shard's place saved to the checkpoint file as it advances.
 */
export class StreamShards {
  private readonly byId = new Map<string, ShardState>();

  constructor(
    private readonly streams: DynamoDBStreamsClient,
    private readonly streamArn: string,
    private readonly checkpoints: StreamCheckpoints,
    private readonly saved: ShardCheckpoints | undefined,
    private readonly settings: { batchSize: number; startingPosition: "TRIM_HORIZON" | "LATEST" },
    private readonly log: PollerLog,
  ) {}

  private get startingPosition(): "TRIM_HORIZON" | "LATEST" {
    return this.settings.startingPosition;
  }

  /** True when every shard is finished or read to its current end with nothing pending. */
  allCaughtUp(): boolean {
    return [...this.byId.values()].every((s) => s.finished || (s.caughtUp && s.pending.length === 0));
  }

  /** Shards whose parent (if any) was read to its end: Lambda keeps this order too. */
  ready(): ShardState[] {
    return [...this.byId.values()].filter((shard) => {
      if (shard.finished) return false;
      const parent = shard.parentShardId === undefined ? undefined : this.byId.get(shard.parentShardId);
      return parent === undefined || parent.finished;
    });
  }

  async refresh(): Promise<void> {
    let exclusiveStart: string | undefined;
    do {
      const page = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: exclusiveStart }),
      );
      for (const shard of page.StreamDescription?.Shards ?? []) {
        if (shard.ShardId === undefined || this.byId.has(shard.ShardId)) continue;
        const saved = this.saved?.[shard.ShardId];
        const state: ShardState = {
          shardId: shard.ShardId,
          finished: saved?.finished ?? false,
          pending: [],
          attempts: 0,
          caughtUp: false,
        };
        if (shard.ParentShardId !== undefined) state.parentShardId = shard.ParentShardId;
        if (saved?.sequenceNumber !== undefined) state.checkpoint = saved.sequenceNumber;
        this.byId.set(shard.ShardId, state);
        this.log.info("stream shard found", {
          shardId: shard.ShardId,
          parent: shard.ParentShardId,
          checkpoint: saved?.sequenceNumber,
        });
      }
      exclusiveStart = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStart !== undefined);
  }

  private async saveCheckpoints(): Promise<void> {
    const shards: ShardCheckpoints = {};
    for (const shard of this.byId.values()) {
      shards[shard.shardId] = {
        finished: shard.finished,
        ...(shard.checkpoint ? { sequenceNumber: shard.checkpoint } : {}),
      };
    }
    await this.checkpoints.save(shards);
  }

  private async iteratorFor(shard: ShardState): Promise<string | undefined> {
    const input =
      shard.checkpoint !== undefined
        ? { ShardIteratorType: "AFTER_SEQUENCE_NUMBER" as const, SequenceNumber: shard.checkpoint }
        : { ShardIteratorType: this.startingPosition ?? ("TRIM_HORIZON" as const) };
    const result = await this.streams.send(
      new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shard.shardId, ...input }),
    );
    return result.ShardIterator;
  }

  async advance(shard: ShardState, sequenceNumber: string | undefined): Promise<void> {
    if (sequenceNumber !== undefined && sequence(sequenceNumber) > sequence(shard.checkpoint)) {
      shard.checkpoint = sequenceNumber;
      await this.saveCheckpoints();
    }
  }

  /** Reads one batch if nothing is pending. Returns true if the shard had records. */
  async read(shard: ShardState): Promise<boolean> {
    if (shard.pending.length > 0) return true;
    if (shard.iterator === undefined) {
      shard.iterator = await this.iteratorFor(shard);
      if (shard.iterator === undefined) {
        shard.finished = true;
        await this.saveCheckpoints();
        return false;
      }
    }
    try {
      const result = await this.streams.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: this.settings.batchSize }),
      );
      shard.pending = result.Records ?? [];
      if (result.NextShardIterator === undefined || result.NextShardIterator === null) {
        // A closed shard read to its end: its children may start (Lambda keeps this order too).
        delete shard.iterator;
        if (shard.pending.length === 0) {
          shard.finished = true;
          this.log.info("stream shard finished", { shardId: shard.shardId });
          await this.saveCheckpoints();
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
        this.log.error("stream records trimmed before they were read", {
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
}
