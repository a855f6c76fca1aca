import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoConsoleStore } from "#adapters/dynamodb/console-store.ts";
import { DynamoEmailLedger } from "#adapters/dynamodb/email-ledger.ts";
import { keys } from "#adapters/dynamodb/keys.ts";
import { storedCohortRow } from "#adapters/dynamodb/plan-repository.ts";
import type { CohortRow, LastEmail } from "#domain/console/cohort-row.ts";
import type { Plan } from "#domain/plan.ts";
import { type DynamoRepositories, dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { RESEND_ID_PREFIX } from "#usecases/resend-id.ts";
import { startTestTable, type TestTable } from "./support/dynamodb.ts";

/**
 * A console resend reads the ledger, then writes the cohort row's last email. SES's
 * report on the resent message (ses-events) can land in between: it marks the ledger, finds the
 * row still naming the email before (nothing to update), and the resend then wrote "sent" over
 * the row, which kept it until the next plan. Here the two writers are interleaved in that order,
 * one step at a time, against DynamoDB Local.
 */

let table: TestTable;
let store: DynamoRepositories;
let consoleStore: DynamoConsoleStore;
let feedback: DynamoEmailLedger;

beforeAll(async () => {
  table = await startTestTable("resendrace");
  store = dynamoRepositories({ client: table.doc, tableName: table.tableName });
  consoleStore = new DynamoConsoleStore({ client: table.doc, tableName: table.tableName });
  feedback = new DynamoEmailLedger({ client: table.doc, tableName: table.tableName });
});

afterAll(async () => {
  await table?.stop();
});

const plan: Plan = {
  now: "2026-08-01T00:00:00.000Z",
  matchYear: 2027,
  seasonStatus: "projected",
  nextSteps: [],
  blocked: [],
  overdue: [],
  risks: [],
  reminders: [],
  budget: { currency: "USD", items: [], spentUsd: 0, upcomingUsd: 0, totalUsd: 0 },
};

function row(applicantId: string, lastEmail: LastEmail): CohortRow {
  return {
    applicantId,
    fullName: "Ada Ng",
    email: "ada@example.org",
    matchYear: 2027,
    visa: "J-1",
    stage: "application",
    risks: { critical: 0, warning: 0, codes: [] },
    overdue: 0,
    lastEmail,
  };
}

async function storedRow(applicantId: string): Promise<CohortRow | undefined> {
  const item = (
    await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.plan(applicantId) }))
  ).Item;
  return storedCohortRow(item?.cohort);
}

/** An applicant whose row names the first email, delivered, and whose resend of it went out. */
async function resentApplicant(applicantId: string): Promise<{ resendId: string; resent: LastEmail }> {
  await table.doc.send(
    new PutCommand({ TableName: table.tableName, Item: { ...keys.profile(applicantId), entity: "profile" } }),
  );
  const first: LastEmail = { sentAt: "2026-08-01T08:00:00.000Z", messageId: "m-first", outcome: "delivered" };
  await store.plans.savePlan(applicantId, plan, {
    planHash: "h1",
    computedAt: plan.now,
    cohort: row(applicantId, first),
  });
  const resendId = `${RESEND_ID_PREFIX}m-first`;
  const at = new Date("2026-08-06T10:00:00.000Z");
  await store.ledger.claimReminders(applicantId, [resendId], at, 60_000);
  await store.ledger.markRemindersSent(applicantId, [resendId], "m-resent", at);
  return { resendId, resent: { sentAt: at.toISOString(), messageId: "m-resent", outcome: "sent" } };
}

describe("the cohort row after a resend whose report arrives while the resend writes it", () => {
  it("keeps SES's report that landed between the resend's ledger read and its row write", async () => {
    const applicantId = "a_resendrace00000000000000001";
    const { resendId, resent } = await resentApplicant(applicantId);
    // The resend has read the ledger: no report on m-resent yet, so its last email says "sent".
    // ses-events now marks the ledger and finds the row still naming m-first.
    expect(await feedback.recordDeliveryOutcome(applicantId, "m-resent", "bounced", new Date())).toBe(1);
    expect((await storedRow(applicantId))?.lastEmail?.messageId).toBe("m-first");
    // The resend writes the row with what it read.
    await consoleStore.recordLastEmail(applicantId, resent, resendId);
    expect((await storedRow(applicantId))?.lastEmail).toEqual({ ...resent, outcome: "bounced" });
  });

  it("a report after the resend's row write reaches the row as before", async () => {
    const applicantId = "a_resendrace00000000000000002";
    const { resendId, resent } = await resentApplicant(applicantId);
    await consoleStore.recordLastEmail(applicantId, resent, resendId);
    expect((await storedRow(applicantId))?.lastEmail).toEqual(resent);
    expect(await feedback.recordDeliveryOutcome(applicantId, "m-resent", "delivered", new Date())).toBe(1);
    expect((await storedRow(applicantId))?.lastEmail).toEqual({ ...resent, outcome: "delivered" });
  });
});
