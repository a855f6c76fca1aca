import { DeleteItemCommand, DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { keys } from "#adapters/dynamodb/keys.ts";
import { DynamoSweepIndex } from "#adapters/dynamodb/sweep-index.ts";
import { currentCalendarVersions } from "#domain/seasons/version.ts";
import { dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { STEP2_FIRST_REMINDER_AT, step2Applicant } from "./support/applicants.ts";
import { clockTo, drainStream, emailsTo, onlyOne, postWebhook, storedPlan } from "./support/local-stack.ts";

/**
 * The daily sweeper on the local clock: a clock move across midnight UTC runs it with the
 * Scheduled Event the rule would send. A wake-up lost outright (its WAKEUP item deleted, as a
 * schedule deleted by hand would be) is re-armed by the next sweep and the reminder goes out.
 */

const client = new DynamoDBClient({
  endpoint: inject("dynamodbEndpoint"),
  region: "us-east-1",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const documents = DynamoDBDocumentClient.from(client);
afterAll(() => client.destroy());

async function wakeUpItem(applicantId: string): Promise<Record<string, unknown> | undefined> {
  const result = await client.send(
    new GetItemCommand({
      TableName: inject("tableName"),
      Key: marshall(keys.wakeUp(applicantId)),
      ConsistentRead: true,
    }),
  );
  return result.Item;
}

describe("the daily sweeper on the local stack", () => {
  beforeEach(async () => {
    await clockTo("2026-06-01T00:00:00Z");
  });

  it("a missed wake-up (its WAKEUP item deleted) is re-armed by the next midnight's sweep, and the reminder goes out", async () => {
    const applicant = step2Applicant();
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
    expect((await storedPlan(applicant.applicantId))?.summary?.wakeUpAt).toBe(STEP2_FIRST_REMINDER_AT);
    expect(await wakeUpItem(applicant.applicantId)).toBeDefined();

    await client.send(
      new DeleteItemCommand({
        TableName: inject("tableName"),
        Key: marshall(keys.wakeUp(applicant.applicantId)),
      }),
    );

    // 6 Aug 03:30 passes with nothing armed; the sweep at midnight on 7 Aug finds the plan's instant late.
    const move = (await clockTo("2026-08-07T00:00:00Z")) as Awaited<ReturnType<typeof clockTo>> & {
      sweeps: { at: string; result?: { late: { found: number; rearmed: number } }; error?: string }[];
    };

    expect(move.woken.filter((wake) => wake.applicantId === applicant.applicantId)).toEqual([]);
    expect(await emailsTo(applicant.email)).toHaveLength(0);
    const sweepAt7 = move.sweeps.find((run) => run.at === "2026-08-07T00:00:00.000Z");
    expect(sweepAt7?.error).toBeUndefined();
    expect(sweepAt7?.result?.late.rearmed).toBeGreaterThanOrEqual(1);
    expect(await wakeUpItem(applicant.applicantId)).toBeDefined();

    const next = await clockTo("2026-08-08T00:00:00Z");

    expect(next.woken.filter((wake) => wake.applicantId === applicant.applicantId)).toEqual([
      expect.objectContaining({ outcome: "sent" }),
    ]);
    expect(onlyOne(await emailsTo(applicant.email)).subject).toMatch(/Step 2/);
  });

  it("the calendar walk's Scan finds plans without the current calendar version, page by page", async () => {
    const store = dynamoRepositories({ client: documents, tableName: inject("tableName") });
    const index = new DynamoSweepIndex({ client: documents, tableName: inject("tableName") });
    const current = currentCalendarVersions();
    const stale = step2Applicant();
    const fresh = step2Applicant();
    const summary = { planHash: "h", computedAt: "2026-06-01T00:00:00.000Z" };
    // No reminders scheduled: the PLAN item keeps those of a plan, not the plan (plan-repository.ts).
    const emptyPlan = JSON.parse('{"reminders": []}');
    // Plans are stored only while their applicant exists (while-applicant-exists.ts).
    for (const { snapshot } of [stale, fresh]) expect((await postWebhook(snapshot)).status).toBe(202);
    await drainStream();
    await store.plans.savePlan(stale.applicantId, emptyPlan, {
      ...summary,
      calendarVersion: "2027:0000000000000000",
    });
    await store.plans.savePlan(fresh.applicantId, emptyPlan, {
      ...summary,
      calendarVersion: current[1] as string,
    });

    const found: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await index.listPlansNotOnCalendars(current, { ...(cursor ? { cursor } : {}), limit: 25 });
      found.push(...page.applicantIds);
      cursor = page.cursor;
      pages++;
    } while (cursor !== undefined);

    expect(pages).toBeGreaterThan(1);
    expect(found).toContain(stale.applicantId);
    expect(found).not.toContain(fresh.applicantId);
  });
});
