import { randomUUID } from "node:crypto";
import { DynamoDBClient, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { keys } from "#adapters/dynamodb/keys.ts";
import { lambdaContext } from "#local/lambda-context.ts";
import { step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { clockTo, deadLetters, drainStream, postWebhook, storedPlan } from "./support/local-stack.ts";

/**
 * A poisoned stream record must not take its batch down: the planner reports it in
 * batchItemFailures and plans the rest. The planner handler runs here, in the test process, on a
 * real-shaped DynamoDB Streams event against the same DynamoDB Local; the stack's own poller sees
 * the same poisoned write and, after Lambda's retries, dead-letters it.
 */

type PlannerHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

let planner: PlannerHandler;
let dynamo: DynamoDBClient;

beforeAll(async () => {
  // The handler reads its configuration at cold start: the stack's, provided by the global setup.
  Object.assign(process.env, inject("handlerEnv"));
  planner = (await import("../../functions/planner/handler.ts")).handler as PlannerHandler;
  dynamo = new DynamoDBClient({
    endpoint: inject("dynamodbEndpoint"),
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
});

afterAll(() => {
  dynamo.destroy();
});

let sequence = 10n ** 20n;

/** One stream record as Lambda delivers it (shape: test/fixtures of the DynamoDB Streams event). */
function streamRecord(applicantId: string, newImage: Record<string, unknown>): DynamoDBRecord {
  sequence += 1n;
  const key = keys.profile(applicantId);
  return {
    eventID: randomUUID().replaceAll("-", ""),
    eventName: "MODIFY",
    eventVersion: "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: "us-east-1",
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: marshall(key) as NonNullable<DynamoDBRecord["dynamodb"]>["Keys"],
      NewImage: marshall({ ...key, ...newImage }, { removeUndefinedValues: true }) as NonNullable<
        DynamoDBRecord["dynamodb"]
      >["NewImage"],
      SequenceNumber: String(sequence),
      SizeBytes: 512,
      StreamViewType: "NEW_AND_OLD_IMAGES",
    },
    eventSourceARN: `arn:aws:dynamodb:us-east-1:000000000000:table/${inject("tableName")}/stream/2026-06-01T00:00:00.000`,
  };
}

async function setTimezone(applicant: TestApplicant, timezone: string): Promise<void> {
  await dynamo.send(
    new UpdateItemCommand({
      TableName: inject("tableName"),
      Key: marshall(keys.profile(applicant.applicantId)),
      UpdateExpression: "SET #applicant.#timezone = :timezone",
      ExpressionAttributeNames: { "#applicant": "applicant", "#timezone": "timezone" },
      ExpressionAttributeValues: marshall({ ":timezone": timezone }),
    }),
  );
}

describe("a poisoned stream record", () => {
  it("is reported in batchItemFailures while the rest of the batch is planned, and dead-lettered by the poller", async () => {
    await clockTo("2026-06-01T00:00:00Z");
    const poisoned = step2Applicant();
    const good = step2Applicant();
    expect((await postWebhook(poisoned.snapshot)).status).toBe(202);
    expect((await postWebhook(good.snapshot)).status).toBe(202);
    await drainStream();
    const deadBefore = (await deadLetters()).length;
    const plannedBefore = (await storedPlan(good.applicantId))?.summary?.computedAt;
    expect(plannedBefore?.startsWith("2026-06-01")).toBe(true);

    // Written behind the intake's back, as a bad migration or a manual edit would: planning it throws.
    await setTimezone(poisoned, "Mars/Olympus_Mons");
    try {
      const bad = streamRecord(poisoned.applicantId, {
        entity: "profile",
        applicantId: poisoned.applicantId,
      });
      const fine = streamRecord(good.applicantId, { entity: "profile", applicantId: good.applicantId });

      const response = await planner({ Records: [bad, fine] }, lambdaContext("matchpath-planner"));

      expect(response.batchItemFailures).toEqual([{ itemIdentifier: bad.dynamodb?.SequenceNumber }]);
      // This process's clock is the real one (the stack's is in June 2026): a new plan proves it ran here.
      const replanned = await storedPlan(good.applicantId);
      expect(replanned?.summary?.computedAt).not.toBe(plannedBefore);
      expect(Date.parse(replanned?.summary?.computedAt ?? "")).toBeGreaterThan(
        Date.parse("2026-06-02T00:00:00Z"),
      );

      // The same write reached the stack's planner through the stream: retried, then dead-lettered.
      await drainStream();
      const dead = (await deadLetters()).slice(deadBefore);
      const deadKeys = dead.flatMap((letter) => letter.records.map((record) => record.dynamodb?.Keys?.pk?.S));
      expect(deadKeys).toContain(keys.applicantPk(poisoned.applicantId));
      expect(deadKeys).not.toContain(keys.applicantPk(good.applicantId));
    } finally {
      // Heal it so later clock moves do not keep failing on this applicant.
      await setTimezone(poisoned, "Asia/Kolkata");
      await drainStream();
    }
  });
});
