import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { DynamoApplicantStore } from "#adapters/dynamodb/applicant-store.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { TransientError } from "#errors";

// DynamoDB Local never throttles and never reports transaction conflicts
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html),
// so only these paths use a mocked client.
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const mock = mockClient(doc);
const store = new DynamoApplicantStore({ client: doc, tableName: "t" });

afterEach(() => {
  mock.reset();
});

const snapshot: ApplicantSnapshot = {
  type: "applicant.snapshot",
  submissionId: "s1",
  applicant: {
    externalId: "crm-1",
    email: "a@example.org",
    fullName: "A",
    timezone: "Asia/Kolkata",
    matchYear: 2027,
    specialties: ["Pediatrics"],
    visa: "J-1",
    graduation: "2024-01-01",
    medicalSchool: { name: "AIIMS", country: "IN", wdomsSponsorNote: true },
    programsPlanned: 50,
  },
  milestones: [],
  interviews: [],
};

function awsError(name: string, status: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, $fault: "client" });
}

describe("DynamoApplicantStore on AWS error paths", () => {
  it.each([
    ["ProvisionedThroughputExceededException", 400],
    ["ThrottlingException", 400],
    ["RequestLimitExceeded", 400],
    ["InternalServerError", 500],
    ["SomethingNew", 503],
  ])("maps %s (%i) to TransientError with the SDK error as cause", async (name, status) => {
    const error = awsError(name, status);
    mock.on(QueryCommand).rejects(error);

    const result = store.loadApplicant("a_1");

    await expect(result).rejects.toBeInstanceOf(TransientError);
    await expect(result).rejects.toMatchObject({ retriable: true, cause: error });
  });

  it("maps a transaction cancelled by throttling or a conflict to TransientError", async () => {
    mock.on(QueryCommand).resolves({ Items: [] });
    mock.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: "Transaction cancelled",
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: [{ Code: "None" }, { Code: "TransactionConflict" }],
      }),
    );

    await expect(
      store.applySubmission(snapshot, { provider: "webhook", submissionId: "s1" }, new Date()),
    ).rejects.toBeInstanceOf(TransientError);
  });

  it("reads the duplicate's applicant id from the cancellation reason's old item", async () => {
    mock.on(QueryCommand).resolves({ Items: [] });
    mock.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: "Transaction cancelled",
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: [
          { Code: "ConditionalCheckFailed", Item: { applicantId: { S: "a_first" } } },
          { Code: "None" },
        ],
      }),
    );

    const result = await store.applySubmission(
      snapshot,
      { provider: "webhook", submissionId: "s1" },
      new Date(),
    );

    expect(result).toEqual({ applicantId: "a_first", outcome: "duplicate" });
    expect(mock.commandCalls(GetCommand)).toHaveLength(0);
  });

  it("keeps permanent errors as they are (a validation error is not retried)", async () => {
    const error = awsError("ValidationException", 400);
    mock.on(GetCommand).rejects(error);

    await expect(store.isSuppressed("a@example.org")).rejects.toBe(error);
  });

  it("gives back the claims it made when another claim fails transiently", async () => {
    mock
      .on(PutCommand)
      .resolvesOnce({})
      .rejectsOnce(awsError("ThrottlingException", 400))
      .rejects(new ConditionalCheckFailedException({ message: "no", $metadata: {} }));
    mock.on(DeleteCommand).resolves({});

    await expect(store.claimReminders("a_1", ["r1", "r2", "r3"], new Date(), 60_000)).rejects.toBeInstanceOf(
      TransientError,
    );

    const released = mock.commandCalls(DeleteCommand).map((call) => call.args[0].input.Key?.sk);
    expect(released).toEqual(["REMINDER#r1"]);
  });
});
