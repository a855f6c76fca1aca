import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** Per shard: the last sequence number processed, and whether the closed shard was read to its end. */
export type ShardCheckpoints = Record<string, { sequenceNumber?: string; finished: boolean }>;

interface CheckpointFile {
  streamArn: string;
  shards: ShardCheckpoints;
}

/**
 * Where the stream poller keeps its place between runs of `npm start`: one JSON file, written
 * whole then renamed, so a crash mid-write never leaves a torn checkpoint. Without a file it keeps
 * nothing (tests, `--in-memory`).
 */
export class StreamCheckpoints {
  constructor(
    private readonly file: string | undefined,
    private readonly streamArn: string,
  ) {}

  /** The saved checkpoints, or undefined when there are none for this stream. */
  async load(onForeign: (file: string) => void): Promise<ShardCheckpoints | undefined> {
    if (this.file === undefined) return undefined;
    try {
      const parsed = JSON.parse(await readFile(this.file, "utf8")) as CheckpointFile;
      if (parsed.streamArn !== this.streamArn) {
        onForeign(this.file);
        return undefined;
      }
      return parsed.shards;
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async save(shards: ShardCheckpoints): Promise<void> {
    if (this.file === undefined) return;
    const contents: CheckpointFile = { streamArn: this.streamArn, shards };
    const tmp = `${this.file}.${process.pid}.tmp`;
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(tmp, JSON.stringify(contents, null, 2));
    await rename(tmp, this.file);
  }
}
