import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
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
import { storedRemindersOf } from "#adapters/dynamodb/plan-repository.ts";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { TransientError } from "#errors";
import { dynamoRepositories } from "#test/support/dynamo-repositories.ts";

// DynamoDB Local never throttles and never reports transaction conflicts
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html),
// so only these paths use a mocked client.
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const mock = mockClient(doc);
const store = dynamoRepositories({ client: doc, tableName: "t" });

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

function cancelled(...codes: string[]): TransactionCanceledException {
  return new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

function awsError(name: string, status: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, $fault: "client" });
}

describe("DynamoRepositories on AWS error paths", () => {
  it.each([
    ["ProvisionedThroughputExceededException", 400],
    ["ThrottlingException", 400],
    ["RequestLimitExceeded", 400],
    ["InternalServerError", 500],
    ["SomethingNew", 503],
  ])("maps %s (%i) to TransientError with the SDK error as cause", async (name, status) => {
    const error = awsError(name, status);
    mock.on(QueryCommand).rejects(error);

    const result = store.applicants.loadApplicant("a_1");

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
      store.intake.applySubmission(snapshot, { provider: "webhook", submissionId: "s1" }, new Date()),
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

    const result = await store.intake.applySubmission(
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

    await expect(store.suppression.isSuppressed("a@example.org")).rejects.toBe(error);
  });

  it("gives back the claims it made when another claim fails transiently", async () => {
    // The one-request claim was cancelled by a concurrent claim of r3: claimed one by one instead
    // (each claim its own transaction with the profile check).
    mock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled("None", "None", "ConditionalCheckFailed", "None"))
      .resolvesOnce({})
      .rejectsOnce(awsError("ThrottlingException", 400))
      .rejects(cancelled("ConditionalCheckFailed", "None"));
    mock.on(DeleteCommand).resolves({});

    await expect(
      store.ledger.claimReminders("a_1", ["r1", "r2", "r3"], new Date(), 60_000),
    ).rejects.toBeInstanceOf(TransientError);

    const released = mock.commandCalls(DeleteCommand).map((call) => call.args[0].input.Key?.sk);
    expect(released).toEqual(["REMINDER#r1"]);
  });

  it("claims several reminders in one transaction, conditional on each", async () => {
    mock.on(TransactWriteCommand).resolves({});

    await expect(store.ledger.claimReminders("a_1", ["r1", "r2", "r1"], new Date(), 60_000)).resolves.toEqual(
      ["r1", "r2"],
    );

    const [call] = mock.commandCalls(TransactWriteCommand);
    const items = call?.args[0].input.TransactItems ?? [];
    const puts = items.flatMap((item) => (item.Put ? [item.Put] : []));
    expect(puts.map((put) => [put?.Item?.sk, put?.ConditionExpression])).toEqual([
      ["REMINDER#r1", expect.stringContaining("attribute_not_exists(pk)")],
      ["REMINDER#r2", expect.stringContaining("attribute_not_exists(pk)")],
    ]);
    // And only while the applicant exists (an erase meanwhile cancels the claims).
    expect(items.at(-1)?.ConditionCheck).toMatchObject({
      Key: { pk: "APPLICANT#a_1", sk: "PROFILE" },
      ConditionExpression: "attribute_exists(pk)",
    });
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(mock.commandCalls(PutCommand)).toHaveLength(0);
  });

  it("claims one by one after a transaction conflict; keeps only what each claim won", async () => {
    mock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled("TransactionConflict", "None", "None"))
      .resolvesOnce({})
      .rejects(cancelled("ConditionalCheckFailed", "None"));

    await expect(store.ledger.claimReminders("a_1", ["r1", "r2"], new Date(), 60_000)).resolves.toEqual([
      "r1",
    ]);
    // The joint claim, then one claim (with the profile check) per reminder.
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it("rethrows a claim transaction throttled as transient, having claimed nothing", async () => {
    mock.on(TransactWriteCommand).rejects(cancelled("ThrottlingError", "None"));

    await expect(store.ledger.claimReminders("a_1", ["r1", "r2"], new Date(), 60_000)).rejects.toBeInstanceOf(
      TransientError,
    );
    expect(mock.commandCalls(PutCommand)).toHaveLength(0);
    expect(mock.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  const storedPlan = {
    plan: { now: "2030-01-01T00:00:00.000Z", reminders: [] } as unknown as Plan,
    summary: { planHash: "h1", computedAt: "2030-01-01T00:00:00.000Z", wakeUpAt: "2030-01-02T03:30:00.000Z" },
  };

  it("records the send and stores the plan in one transaction", async () => {
    mock.on(TransactWriteCommand).resolves({});

    await store.ledger.markRemindersSent("a_1", ["r1", "r2"], "m1", new Date(), storedPlan);

    const calls = mock.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(1);
    const items = calls[0]?.args[0].input.TransactItems ?? [];
    expect(
      items.map((item) => item.Update?.Key?.sk ?? item.Put?.Item?.sk ?? item.ConditionCheck?.Key?.sk),
    ).toEqual(["REMINDER#r1", "REMINDER#r2", "PLAN", "PROFILE"]);
    expect(items[2]?.Put?.Item).toMatchObject({ planHash: "h1", wakeUpAt: "2030-01-02T03:30:00.000Z" });
    expect(mock.commandCalls(PutCommand)).toHaveLength(0);
  });

  it("records the send alone, then the plan, when the joint transaction fails transiently", async () => {
    mock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled("None", "ThrottlingError", "None"))
      .resolvesOnce({})
      .rejects(awsError("ThrottlingException", 400));

    await expect(
      store.ledger.markRemindersSent("a_1", ["r1"], "m1", new Date(), storedPlan),
    ).rejects.toBeInstanceOf(TransientError);

    const written = (call: number) =>
      (mock.commandCalls(TransactWriteCommand)[call]?.args[0].input.TransactItems ?? []).map(
        (item) => item.Update?.Key?.sk ?? item.Put?.Item?.sk ?? item.ConditionCheck?.Key?.sk,
      );
    expect(written(1)).toEqual(["REMINDER#r1", "PROFILE"]);
    expect(written(2)).toEqual(["PLAN", "PROFILE"]);
  });

  it("stores the plan's scheduled reminders brotli-compressed, not the plan, and reads the reminders of plans stored whole before", async () => {
    const reminder = (id: string, sendAt: string) =>
      ({
        id,
        milestone: "usmle_step1",
        rung: "due-in-7d",
        sendAt,
        sendAtLocal: `${sendAt.slice(0, 16)}`,
        title: "Step 1",
        deadlineDetail: { status: "catalog" },
      }) as unknown as Plan["reminders"][number];
    const past = reminder("r-past", "2029-12-31T09:00:00.000Z");
    const ahead = reminder("r-ahead", "2030-01-02T03:30:00.000Z");
    const plan = { ...storedPlan.plan, reminders: [past, ahead] } as Plan;
    mock.on(TransactWriteCommand).resolves({});
    await store.plans.savePlan("a_1", plan, storedPlan.summary);
    const item = mock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item;
    // Only what a re-plan compares, of the reminders still to go after the plan was computed.
    const { deadlineDetail: _, ...scheduled } = ahead as unknown as Record<string, unknown>;
    expect(item?.remindersBr).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(brotliDecompressSync(item?.remindersBr).toString("utf8"))).toEqual([scheduled]);
    expect(item?.planBr).toBeUndefined();
    expect(item?.planGz).toBeUndefined();
    expect(item?.planJson).toBeUndefined();
    expect(storedRemindersOf(item ?? {})).toEqual([scheduled]);
    // Plans stored whole before: their reminders, until the next write replaces the item.
    const json = JSON.stringify(plan);
    expect(storedRemindersOf({ planBr: brotliCompressSync(json) })).toEqual(plan.reminders);
    expect(storedRemindersOf({ planGz: gzipSync(json) })).toEqual(plan.reminders);
    expect(storedRemindersOf({ planJson: json })).toEqual(plan.reminders);
    expect(storedRemindersOf({})).toEqual([]);
  });
});
