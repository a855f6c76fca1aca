import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTable } from "#adapters/dynamodb/create-table.ts";
import { type StreamDeadLetter, StreamPoller } from "#local/stream-poller.ts";
import { startTestTable, type TestTable } from "./support/dynamodb.ts";

/**
 * Member names of the INSERT, MODIFY and REMOVE records in AWS's published sample event
 * (aws/aws-lambda-java-libs, aws-lambda-java-tests/src/test/resources/ddb/dynamo_event.json at
 * c4dcbab4ffeda26ec9dff997d6ef02a9ee2ab013), without userIdentity, which only TTL deletions carry.
 */
const SAMPLE_RECORD_MEMBERS = [
  "awsRegion",
  "dynamodb",
  "eventID",
  "eventName",
  "eventSource",
  "eventSourceARN",
  "eventVersion",
];
const SAMPLE_STREAM_MEMBERS = {
  INSERT: [
    "ApproximateCreationDateTime",
    "Keys",
    "NewImage",
    "SequenceNumber",
    "SizeBytes",
    "StreamViewType",
  ],
  MODIFY: [
    "ApproximateCreationDateTime",
    "Keys",
    "NewImage",
    "OldImage",
    "SequenceNumber",
    "SizeBytes",
    "StreamViewType",
  ],
  REMOVE: [
    "ApproximateCreationDateTime",
    "Keys",
    "OldImage",
    "SequenceNumber",
    "SizeBytes",
    "StreamViewType",
  ],
} as const;

let db: TestTable;
let checkpointDir: string;
const pollers: StreamPoller[] = [];

beforeAll(async () => {
  db = await startTestTable("poller");
  checkpointDir = await mkdtemp(join(tmpdir(), "matchpath-poller-"));
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
});

afterAll(async () => {
  await db?.stop();
  if (checkpointDir) await rm(checkpointDir, { recursive: true, force: true });
});

/** A fresh table per test, so each test reads only its own stream. */
async function freshTable(): Promise<string> {
  const tableName = `poller-${randomUUID().slice(0, 8)}`;
  // With images, so the test also sees the poller carry them (Matchpath's own table streams keys only).
  await createTable(db.client, tableName, { streamViewType: "NEW_AND_OLD_IMAGES" });
  return tableName;
}

async function put(
  tableName: string,
  pk: string,
  sk: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: tableName, Item: { pk, sk, ...extra } }));
}

interface Recorder {
  events: DynamoDBStreamEvent[];
  deadLetters: StreamDeadLetter[];
  delivered(): DynamoDBRecord[];
  sortKeys(): string[];
}

function recorder(): Recorder {
  const events: DynamoDBStreamEvent[] = [];
  const deadLetters: StreamDeadLetter[] = [];
  return {
    events,
    deadLetters,
    delivered: () => events.flatMap((event) => event.Records),
    sortKeys: () => events.flatMap((event) => event.Records.map((r) => r.dynamodb?.Keys?.sk?.S ?? "")),
  };
}

async function poll(
  tableName: string,
  rec: Recorder,
  overrides: {
    onBatch?: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
    checkpointFile?: string;
    maxRetries?: number;
    batchSize?: number;
  } = {},
): Promise<StreamPoller> {
  const poller = await StreamPoller.start({
    dynamodbEndpoint: db.local.endpoint,
    tableName,
    pollIntervalMs: 50,
    onBatch:
      overrides.onBatch ??
      (async (event) => {
        rec.events.push(event);
        return { batchItemFailures: [] };
      }),
    onDeadLetter: (failure) => {
      rec.deadLetters.push(failure);
    },
    ...(overrides.checkpointFile ? { checkpointFile: overrides.checkpointFile } : {}),
    ...(overrides.maxRetries !== undefined ? { maxRetries: overrides.maxRetries } : {}),
    ...(overrides.batchSize !== undefined ? { batchSize: overrides.batchSize } : {}),
  });
  pollers.push(poller);
  return poller;
}

describe("the local stream poller", () => {
  it("delivers real Lambda DynamoDB Streams events, shaped like AWS's published samples", async () => {
    const tableName = await freshTable();
    const rec = recorder();
    const poller = await poll(tableName, rec);

    await put(tableName, "APPLICANT#a1", "PROFILE", {
      n: 1,
      tags: new Set(["x"]),
      bin: new Uint8Array([1, 2, 3]),
    });
    await put(tableName, "APPLICANT#a1", "PROFILE", { n: 2 });
    await db.doc.send(
      new DeleteCommand({ TableName: tableName, Key: { pk: "APPLICANT#a1", sk: "PROFILE" } }),
    );
    await poller.drain({ timeoutMs: 10_000 });

    const [insert, modify, remove] = rec.delivered();
    expect(rec.delivered().map((r) => r.eventName)).toEqual(["INSERT", "MODIFY", "REMOVE"]);
    for (const ours of [insert, modify, remove]) {
      const name = ours?.eventName ?? "INSERT";
      expect(Object.keys(ours ?? {}).sort()).toEqual(SAMPLE_RECORD_MEMBERS);
      expect(Object.keys(ours?.dynamodb ?? {}).sort()).toEqual([...SAMPLE_STREAM_MEMBERS[name]]);
      expect(ours).toMatchObject({
        eventVersion: "1.1",
        eventSource: "aws:dynamodb",
        eventSourceARN: poller.streamArn,
      });
      expect(typeof ours?.dynamodb?.ApproximateCreationDateTime).toBe("number");
      expect(ours?.dynamodb?.StreamViewType).toBe("NEW_AND_OLD_IMAGES");
    }
    expect(insert?.dynamodb?.NewImage).toMatchObject({
      n: { N: "1" },
      tags: { SS: ["x"] },
      bin: { B: Buffer.from([1, 2, 3]).toString("base64") },
    });
    expect(modify?.dynamodb?.OldImage?.n).toEqual({ N: "1" });
    expect(remove?.dynamodb?.NewImage).toBeUndefined();
    expect(remove?.dynamodb?.OldImage?.n).toEqual({ N: "2" });
  });

  it("applies the cloud's filter: plan, ledger, wake-up and intake records never reach onBatch", async () => {
    const tableName = await freshTable();
    const rec = recorder();
    const poller = await poll(tableName, rec);

    for (const sk of [
      "PROFILE",
      "PLAN",
      "REMINDER#r1",
      "WAKEUP",
      "MILESTONE#usmle_step1",
      "INTERVIEW#iv_1",
    ]) {
      await put(tableName, "APPLICANT#a1", sk);
    }
    await put(tableName, "SUBMISSION#webhook#s1", "SUBMISSION");
    await put(tableName, "EMAIL#x@example.org", "APPLICANT");
    await poller.drain({ timeoutMs: 10_000 });

    expect(rec.sortKeys()).toEqual(["PROFILE", "MILESTONE#usmle_step1", "INTERVIEW#iv_1"]);
  });

  it("retries from a poisoned record, dead-letters it after maxRetries, and moves on", async () => {
    const tableName = await freshTable();
    await put(tableName, "APPLICANT#a1", "MILESTONE#before");
    await put(tableName, "APPLICANT#a1", "PLAN");
    await put(tableName, "APPLICANT#a1", "MILESTONE#poison");
    await put(tableName, "APPLICANT#a1", "MILESTONE#after");
    const rec = recorder();
    const invocations: string[][] = [];
    const poller = await poll(tableName, rec, {
      maxRetries: 2,
      onBatch: async (event) => {
        invocations.push(event.Records.map((r) => r.dynamodb?.Keys?.sk?.S ?? ""));
        rec.events.push(event);
        const poisoned = event.Records.filter((r) => r.dynamodb?.Keys?.sk?.S === "MILESTONE#poison");
        return {
          batchItemFailures: poisoned.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? "" })),
        };
      },
    });

    await poller.drain({ timeoutMs: 10_000 });
    await put(tableName, "APPLICANT#a1", "MILESTONE#later");
    await poller.drain({ timeoutMs: 10_000 });

    expect(invocations).toEqual([
      ["MILESTONE#before", "MILESTONE#poison", "MILESTONE#after"],
      ["MILESTONE#poison", "MILESTONE#after"],
      ["MILESTONE#poison", "MILESTONE#after"],
      ["MILESTONE#later"],
    ]);
    expect(rec.deadLetters).toHaveLength(1);
    const [dead] = rec.deadLetters;
    const poisonSeq = rec.delivered().find((r) => r.dynamodb?.Keys?.sk?.S === "MILESTONE#poison")
      ?.dynamodb?.SequenceNumber;
    expect(dead?.requestContext).toMatchObject({
      condition: "RetryAttemptsExhausted",
      approximateInvokeCount: 3,
    });
    expect(dead?.DDBStreamBatchInfo).toMatchObject({
      startSequenceNumber: poisonSeq,
      batchSize: 2,
      streamArn: poller.streamArn,
    });
    expect(dead?.records.map((r) => r.dynamodb?.Keys?.sk?.S)).toEqual([
      "MILESTONE#poison",
      "MILESTONE#after",
    ]);
  });

  it("retries the whole batch when onBatch throws, then dead-letters it", async () => {
    const tableName = await freshTable();
    await put(tableName, "APPLICANT#a1", "PROFILE");
    const rec = recorder();
    let calls = 0;
    const poller = await poll(tableName, rec, {
      maxRetries: 1,
      onBatch: async () => {
        calls += 1;
        throw new Error("planner crashed");
      },
    });

    await poller.drain({ timeoutMs: 10_000 });

    expect(calls).toBe(2);
    expect(rec.deadLetters[0]?.lastError).toBe("Error: planner crashed");
    expect(rec.deadLetters[0]?.records).toHaveLength(1);
  });

  it("resumes from its checkpoint after a restart", async () => {
    const tableName = await freshTable();
    const checkpointFile = join(checkpointDir, `${tableName}.json`);
    const first = recorder();
    const before = await poll(tableName, first, { checkpointFile });
    await put(tableName, "APPLICANT#a1", "MILESTONE#one");
    await put(tableName, "APPLICANT#a1", "MILESTONE#two");
    await before.drain({ timeoutMs: 10_000 });
    await before.stop();

    await put(tableName, "APPLICANT#a1", "MILESTONE#three");
    const second = recorder();
    const after = await poll(tableName, second, { checkpointFile });
    await after.drain({ timeoutMs: 10_000 });

    expect(first.sortKeys()).toEqual(["MILESTONE#one", "MILESTONE#two"]);
    expect(second.sortKeys()).toEqual(["MILESTONE#three"]);
    const saved = JSON.parse(await readFile(checkpointFile, "utf8"));
    expect(saved.streamArn).toBe(after.streamArn);
  });

  it("splits large backlogs into batches of batchSize", async () => {
    const tableName = await freshTable();
    for (let i = 0; i < 7; i += 1) await put(tableName, "APPLICANT#a1", `MILESTONE#m${i}`);
    const rec = recorder();
    const poller = await poll(tableName, rec, { batchSize: 3 });

    await poller.drain({ timeoutMs: 10_000 });

    expect(rec.events.map((e) => e.Records.length)).toEqual([3, 3, 1]);
  });

  it("rejects drain after the timeout when a batch keeps failing", async () => {
    const tableName = await freshTable();
    await put(tableName, "APPLICANT#a1", "PROFILE");
    const rec = recorder();
    const poller = await poll(tableName, rec, {
      maxRetries: 1_000,
      onBatch: async (event) => ({
        batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? "" })),
      }),
    });

    await expect(poller.drain({ timeoutMs: 500 })).rejects.toThrow(/did not drain/);
  });
});
