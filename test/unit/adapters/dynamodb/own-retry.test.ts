import { gzipSync } from "node:zlib";
import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { DynamoAdvisorDigests } from "#adapters/dynamodb/advisor-digests.ts";
import { DynamoApplicantSettings } from "#adapters/dynamodb/applicant-settings.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";

// DynamoDB Local answers at once: a write that landed but whose answer came too late (the SDK's
// timeout, a reset connection), retried by the SDK and refused by its own condition, happens only
// in the cloud. The SDK counts the attempts on the error it throws, as these do.
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const mock = mockClient(doc);
const table = new DynamoTable({ client: doc, tableName: "t" });

afterEach(() => {
  mock.reset();
});

function conditionFailed(attempts: number): ConditionalCheckFailedException {
  return new ConditionalCheckFailedException({
    message: "The conditional request failed",
    $metadata: { httpStatusCode: 400, attempts },
  });
}

/** The item the first Put of the test wrote (its landed attempt). */
function writtenItem(): Record<string, unknown> | undefined {
  return mock.commandCalls(PutCommand)[0]?.args[0].input.Item;
}

describe("a conditional write whose first attempt landed and answered too late", () => {
  const digests = new DynamoAdvisorDigests(table);
  const now = new Date("2027-02-25T13:00:00Z");

  it("takes the digest's day claim as its own, so the advisor's digest still goes", async () => {
    mock.on(PutCommand).rejects(conditionFailed(2));
    mock.on(GetCommand).callsFake(() => ({ Item: writtenItem() }));

    expect(await digests.claimDay("helen@example.org", "2027-02-25", now, 600_000)).toBe(true);
    expect(mock.commandCalls(GetCommand)[0]?.args[0].input.ConsistentRead).toBe(true);
  });

  it("still refuses a claim another run holds, retried or not", async () => {
    mock.on(PutCommand).rejects(conditionFailed(2));
    mock.on(GetCommand).callsFake(() => ({
      Item: { ...writtenItem(), claimedAt: "2027-02-25T12:59:59.000Z" },
    }));

    expect(await digests.claimDay("helen@example.org", "2027-02-25", now, 600_000)).toBe(false);
  });

  it("answers a first-attempt refusal without reading the item", async () => {
    mock.on(PutCommand).rejects(conditionFailed(1));

    expect(await digests.claimDay("helen@example.org", "2027-02-25", now, 600_000)).toBe(false);
    expect(mock.commandCalls(GetCommand)).toHaveLength(0);
  });

  it("knows its own put by the stored item, binary values and dropped undefined members included", async () => {
    const row = new Uint8Array([31, 139, 8, 0]);
    mock.on(PutCommand).rejects(conditionFailed(2));
    mock
      .on(GetCommand)
      .resolves({ Item: { pk: "P#1", sk: "ROW", row: new Uint8Array(row), note: { kept: 1 } } });

    expect(
      await table.putUnlessConditionFails("PutItem(test)", {
        Item: { pk: "P#1", sk: "ROW", row, note: { kept: 1, dropped: undefined }, gone: undefined },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    ).toBe(true);
  });

  it("knows its own gzipped row: the store writes a Buffer, the DocumentClient reads back a Uint8Array", async () => {
    const row = gzipSync(JSON.stringify({ stage: "Interviews" }));
    const rows = [gzipSync("a"), gzipSync("b")];
    mock.on(PutCommand).rejects(conditionFailed(2));
    mock.on(GetCommand).resolves({
      Item: {
        pk: "P#1",
        sk: "ROW",
        row: Uint8Array.from(row),
        rows: rows.map((each) => Uint8Array.from(each)),
      },
    });

    expect(
      await table.putUnlessConditionFails("PutItem(test)", {
        Item: { pk: "P#1", sk: "ROW", row, rows },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    ).toBe(true);
  });

  it("still refuses a stored row whose bytes differ from the one it wrote", async () => {
    const row = gzipSync(JSON.stringify({ stage: "Interviews" }));
    const other = gzipSync(JSON.stringify({ stage: "Exams and ECFMG" }));
    mock.on(PutCommand).rejects(conditionFailed(2));
    mock.on(GetCommand).resolves({ Item: { pk: "P#1", sk: "ROW", row: Uint8Array.from(other) } });

    expect(
      await table.putUnlessConditionFails("PutItem(test)", {
        Item: { pk: "P#1", sk: "ROW", row },
        ConditionExpression: "attribute_not_exists(pk)",
      }),
    ).toBe(false);
  });

  it("counts a conditional delete whose item is gone as done", async () => {
    mock.on(DeleteCommand).rejects(conditionFailed(3));
    mock.on(GetCommand).resolves({});

    expect(
      await table.deleteUnlessConditionFails("DeleteItem(test)", {
        Key: { pk: "WAKE#a_1", sk: "WAKE" },
        ConditionExpression: "#at = :at",
        ExpressionAttributeNames: { "#at": "at" },
        ExpressionAttributeValues: { ":at": "2027-02-25T13:00:00.000Z" },
      }),
    ).toBe(true);
  });

  it("gives the applicant the new calendar address their own tap made, not 'unchanged'", async () => {
    const settings = new DynamoApplicantSettings(table);
    mock.on(UpdateCommand).rejects(conditionFailed(2));
    mock.on(GetCommand).resolves({
      Item: { pk: "APPLICANT#a_1", sk: "PROFILE", feedGeneration: 4, feedRotatedBy: "key-1" },
    });

    expect(await settings.revokeFeed("a_1", now, "key-1")).toBe(4);
  });

  it("keeps a repeated tap's answer: the request already rotated", async () => {
    const settings = new DynamoApplicantSettings(table);
    mock.on(UpdateCommand).rejects(conditionFailed(1));

    expect(await settings.revokeFeed("a_1", now, "key-1")).toBeUndefined();
  });
});
