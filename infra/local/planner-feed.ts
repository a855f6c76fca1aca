import { appendFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PLANNER_STREAM_BATCH_SIZE } from "#adapters/dynamodb/table-design.ts";
import type { LocalHandlers } from "./handlers.ts";
import { type StreamDeadLetter, StreamPoller } from "./stream-poller.ts";

/**
 * The cloud mapping's batch size (the planner's time budget is sized for it; the poller's default
 * is Lambda's 100). Lambda polls a shard about 4 times a second; locally a shorter sleep makes
 * every clock move's drain (one per due instant) quicker, at a few cheap GetRecords calls more.
 */
export const PLANNER_FEED_SETTINGS = { batchSize: PLANNER_STREAM_BATCH_SIZE, pollIntervalMs: 50 } as const;

/**
 * The table's stream feeding the planner handler, as the cloud's event-source mapping does: the
 * poller with the same filter, and the batches it dead-letters kept in memory (GET /local/dlq) and,
 * with a data folder, appended to `dlq.jsonl`.
 */
export async function startPlannerFeed(options: {
  dynamodbEndpoint: string;
  tableName: string;
  /** Where checkpoints and dead letters are kept; undefined keeps none on disk. */
  dataDir: string | undefined;
  /** Whether the database persists, so a checkpoint means something on the next start. */
  persistent: boolean;
  planner: LocalHandlers["planner"];
  apiUrl: string;
  log: (line: string) => void;
}) {
  const { dataDir, log } = options;
  const deadLetters: StreamDeadLetter[] = [];
  const dlqFile = dataDir ? join(dataDir, "dlq.jsonl") : undefined;
  const poller = await StreamPoller.start({
    dynamodbEndpoint: options.dynamodbEndpoint,
    tableName: options.tableName,
    checkpointFile: options.persistent ? join(dataDir ?? ".", "stream-checkpoint.json") : undefined,
    ...PLANNER_FEED_SETTINGS,
    onBatch: (event) => options.planner(event),
    onDeadLetter: async (failure) => {
      deadLetters.push(failure);
      log(
        `planner: a stream batch was dead-lettered (${failure.lastError ?? "records reported as failures"}); see GET ${options.apiUrl}/local/dlq`,
      );
      if (dlqFile) await appendJsonLine(dlqFile, failure);
    },
    log: {
      info: () => undefined,
      warn: (message, details) =>
        log(`stream poller: ${message}${details ? ` ${JSON.stringify(details)}` : ""}`),
      error: (message, details) =>
        log(`stream poller: ${message}${details ? ` ${JSON.stringify(details)}` : ""}`),
    },
  });
  return { poller, deadLetters: (): readonly StreamDeadLetter[] => deadLetters };
}

async function appendJsonLine(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(value)}\n`);
}
