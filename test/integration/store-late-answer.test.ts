import { gzipSync } from "node:zlib";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoAdvisorDigests } from "#adapters/dynamodb/advisor-digests.ts";
import { DynamoApplicantSettings } from "#adapters/dynamodb/applicant-settings.ts";
import { keys } from "#adapters/dynamodb/keys.ts";
import { DynamoReminderLedger } from "#adapters/dynamodb/reminder-ledger.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "#local/dynamodb-local.ts";
import { startTestTable, type TestTable } from "./support/dynamodb.ts";

// A conditional write that DynamoDB applied but whose answer never reached the caller (the SDK's
// request timeout, a reset connection): the SDK sends it again, and its condition now fails on the
// write itself. Here DynamoDB Local applies each write; the first conditional write's answer is
// then dropped as a timeout would drop it, so the SDK's own retry meets the landed write.

let table: TestTable;
let dropped: string[] = [];

/** A document client on the test table whose first answer to a conditional write is lost. */
function clientLosingFirstAnswer(): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    endpoint: table.local.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const target = request.headers?.["x-amz-target"] ?? "";
      const body =
        request.body instanceof Uint8Array
          ? new TextDecoder().decode(request.body)
          : String(request.body ?? "");
      if (dropped.length === 0 && body.includes("ConditionExpression")) {
        dropped.push(target);
        throw Object.assign(new Error("the answer was lost"), { name: "TimeoutError" });
      }
      return result;
    },
    { step: "deserialize", name: "loseFirstConditionalAnswer" },
  );
  return DynamoDBDocumentClient.from(client);
}

beforeAll(async () => {
  table = await startTestTable("late-answer");
});

afterAll(async () => {
  await table?.stop();
});

describe("a conditional write DynamoDB applied whose answer was lost", () => {
  it("claims the advisor's digest day for the run that wrote the claim", async () => {
    dropped = [];
    const digests = new DynamoAdvisorDigests(
      new DynamoTable({ client: clientLosingFirstAnswer(), tableName: table.tableName }),
    );

    const claimed = await digests.claimDay(
      "helen@example.org",
      "2027-02-25",
      new Date("2027-02-25T13:00:00Z"),
      600_000,
    );

    expect(dropped).toEqual(["DynamoDB_20120810.PutItem"]);
    expect(claimed).toBe(true);
  });

  it("takes a gzipped row for its own: written as a Buffer, read back as a Uint8Array", async () => {
    dropped = [];
    const store = new DynamoTable({ client: clientLosingFirstAnswer(), tableName: table.tableName });

    const written = await store.putUnlessConditionFails("PutItem(row)", {
      Item: { pk: "COHORT#late", sk: "ROW", row: gzipSync(JSON.stringify({ stage: "Interviews" })) },
      ConditionExpression: "attribute_not_exists(pk)",
    });

    expect(dropped).toEqual(["DynamoDB_20120810.PutItem"]);
    expect(written).toBe(true);
  });

  it("gives the new calendar address to the tap that rotated it", async () => {
    dropped = [];
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.profile("a_late"), entity: "profile", email: "a@example.org", feedGeneration: 2 },
      }),
    );
    const settings = new DynamoApplicantSettings(
      new DynamoTable({ client: clientLosingFirstAnswer(), tableName: table.tableName }),
    );

    const generation = await settings.revokeFeed("a_late", new Date("2027-02-25T13:00:00Z"), "tap-1");

    expect(dropped).toEqual(["DynamoDB_20120810.UpdateItem"]);
    const stored = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.profile("a_late"), ConsistentRead: true }),
    );
    expect(stored.Item?.feedGeneration).toBe(3);
    expect(generation).toBe(3);
  });

  it("claims a reminder in a transaction whose answer was lost: the SDK's request token repeats it", async () => {
    dropped = [];
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.profile("a_claim"), entity: "profile", email: "c@example.org" },
      }),
    );
    const ledger = new DynamoReminderLedger(
      new DynamoTable({ client: clientLosingFirstAnswer(), tableName: table.tableName }),
    );

    const claimed = await ledger.claimReminders(
      "a_claim",
      ["step1.r1"],
      new Date("2027-02-25T13:00:00Z"),
      600_000,
    );

    expect(dropped).toEqual(["DynamoDB_20120810.TransactWriteItems"]);
    expect(claimed).toEqual(["step1.r1"]);
  });
});
