import { randomUUID } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { DynamoDBRecord } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTable } from "#adapters/dynamodb/create-table.ts";
import { StreamPoller } from "#local/stream-poller.ts";
import { startTestTable, type TestTable } from "./support/dynamodb.ts";

/**
 * The poller while nothing is written: an idle poll is a DescribeStream and a GetRecords that cost
 * DynamoDB Local's JVM CPU for nothing (at a fixed 50 ms, about a quarter of a core for the whole
 * test run), so it sleeps longer each idle pass, and wake() or drain() bring it back at once.
 * DynamoDB Local is reached through a proxy that timestamps each poll pass (its DescribeStream).
 */
let db: TestTable;
let proxy: Server;
let proxyUrl = "";
/** Each DescribeStream (one per poll pass) as the time it arrived. */
const passes: number[] = [];

beforeAll(async () => {
  db = await startTestTable("idle");
  const target = new URL(db.local.endpoint);
  proxy = createServer((incoming, outgoing) => {
    if (String(incoming.headers["x-amz-target"] ?? "").endsWith(".DescribeStream")) passes.push(Date.now());
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await db?.stop();
});

describe("the local stream poller when idle", () => {
  it("polls less and less while nothing is written, and polls at once when woken or drained", async () => {
    const tableName = `idle-${randomUUID().slice(0, 8)}`;
    await createTable(db.client, tableName);
    const delivered: DynamoDBRecord[] = [];
    const sortKeys = () => delivered.map((record) => record.dynamodb?.Keys?.sk?.S);
    const poller = await StreamPoller.start({
      dynamodbEndpoint: proxyUrl,
      tableName,
      pollIntervalMs: 50,
      // Long enough that only wake() or drain() can explain a prompt delivery below.
      maxIdleIntervalMs: 30_000,
      onBatch: async (event) => {
        delivered.push(...event.Records);
        return { batchItemFailures: [] };
      },
      onDeadLetter: () => undefined,
    });
    try {
      await poller.drain({ timeoutMs: 10_000 });
      const idleFrom = Date.now();
      const idle = () => passes.filter((at) => at >= idleFrom);
      // Seven idle passes: after sleeps of 50, 100, 200, 400, 800 and 1600 ms with the back-off
      // (3.2 s at least), within about 0.4 s with a fixed 50 ms interval on a quiet machine.
      while (idle().length < 7 && Date.now() - idleFrom < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const seven = idle().slice(0, 7);
      expect(seven).toHaveLength(7);
      expect((seven[6] as number) - idleFrom).toBeGreaterThanOrEqual(3000);
      // On a machine so loaded that each pass takes 0.4 s the elapsed time alone cannot tell (under
      // load 40 the fixed interval made only 10 passes in 4 s), but the gaps can: its widest was
      // 0.9 s there, while the back-off's 1.6 s sleep alone makes a gap of at least 1.6 s.
      const gaps = seven.slice(1).map((at, index) => at - (seven[index] as number));
      expect(Math.max(...gaps)).toBeGreaterThanOrEqual(1500);

      // The poller now sleeps 3.2 s: wake() (the stack handled a request) polls at once.
      await db.doc.send(
        new PutCommand({ TableName: tableName, Item: { pk: "APPLICANT#a1", sk: "PROFILE" } }),
      );
      const woken = Date.now();
      poller.wake();
      while (delivered.length === 0 && Date.now() - woken < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(sortKeys()).toEqual(["PROFILE"]);
      expect(Date.now() - woken).toBeLessThan(1500);

      // Idle again for a while, then a write nobody announced: drain() still finds it at once.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await db.doc.send(
        new PutCommand({ TableName: tableName, Item: { pk: "APPLICANT#a1", sk: "MILESTONE#usmle_step1" } }),
      );
      const drained = Date.now();
      await poller.drain({ timeoutMs: 10_000 });
      expect(sortKeys()).toEqual(["PROFILE", "MILESTONE#usmle_step1"]);
      expect(Date.now() - drained).toBeLessThan(1500);
    } finally {
      await poller.stop();
    }
  }, 60_000);
});
