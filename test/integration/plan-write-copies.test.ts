import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoEventLog } from "#adapters/dynamodb/event-log.ts";
import { keys } from "#adapters/dynamodb/keys.ts";
import { storedCohortRow } from "#adapters/dynamodb/plan-repository.ts";
import type { CohortRow } from "#domain/console/cohort-row.ts";
import type { Plan } from "#domain/plan.ts";
import type { DomainEvent } from "#ports/event-publisher.ts";
import { CallCounter, instrumentClient } from "#test/bench/support/call-counter.ts";
import { type DynamoRepositories, dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { startTestTable, type TestTable } from "./support/dynamodb.ts";

/**
 * The copies of the events published with a plan (the console's "domain events" list) ride in the
 * request that stores the plan, and the cohort row is stored compressed: both measured by the
 * pipeline bench (calls.per_planned_applicant, calls.per_reminder_email). Here: one request each,
 * and what the console reads back is what was written. Each write holds only while the applicant
 * exists (a ConditionCheck of the profile in the same transaction), so each applicant here has one.
 */

let table: TestTable;
let store: DynamoRepositories;
let log: DynamoEventLog;
const counter = new CallCounter();

beforeAll(async () => {
  table = await startTestTable("copies");
  instrumentClient(table.doc, counter);
  store = dynamoRepositories({ client: table.doc, tableName: table.tableName });
  log = new DynamoEventLog({ client: table.doc, tableName: table.tableName });
});

afterAll(async () => {
  await table?.stop();
});

const plan: Plan = {
  now: "2026-09-01T00:00:00.000Z",
  matchYear: 2027,
  seasonStatus: "projected",
  nextSteps: [],
  blocked: [],
  overdue: [],
  risks: [],
  reminders: [],
  budget: { currency: "USD", items: [], spentUsd: 0, upcomingUsd: 0, totalUsd: 0 },
};

/** The applicant's PLAN item as stored (its summary: the plan itself is not stored), or undefined. */
async function storedPlanItem(applicantId: string): Promise<Record<string, unknown> | undefined> {
  return (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.plan(applicantId) })))
    .Item;
}

function row(applicantId: string): CohortRow {
  return {
    applicantId,
    fullName: "Ada Ng",
    email: "ada@example.org",
    matchYear: 2027,
    visa: "J-1",
    stage: "application",
    risks: { critical: 0, warning: 1, codes: ["ERAS_LATE_SUBMISSION"] },
    overdue: 0,
    nextDeadline: {
      title: "Submit your ERAS application",
      at: "2026-09-23T13:00:00.000Z",
      status: "projected",
    },
  };
}

function requestsSince(before: number): string[] {
  return counter
    .snapshot()
    .flatMap((tally) => Array.from({ length: tally.requests }, () => tally.operation))
    .slice(before);
}

/** A profile item: the writes below hold only while it exists. */
async function profileOf(applicantId: string): Promise<void> {
  await table.doc.send(
    new PutCommand({ TableName: table.tableName, Item: { ...keys.profile(applicantId), entity: "profile" } }),
  );
}

const total = () => counter.snapshot().reduce((sum, tally) => sum + tally.requests, 0);

describe("copies of the events published with a plan", () => {
  it("savePlan writes the plan and the events' copies in one request, and the console lists them", async () => {
    const applicantId = "a_copiessaveplan000000000001";
    const events: DomainEvent[] = [
      {
        type: "PlanChanged",
        applicantId,
        at: "2026-09-01T00:00:00.000Z",
        detail: { planHash: "h1", nextDueAt: null, riskCodes: ["ERAS_LATE_SUBMISSION"] },
      },
      {
        type: "MilestoneOverdue",
        applicantId,
        at: "2026-09-01T00:00:00.000Z",
        detail: { milestones: ["cv"] },
      },
    ];
    await profileOf(applicantId);
    counter.reset();
    await store.plans.savePlan(
      applicantId,
      plan,
      { planHash: "h1", computedAt: plan.now, cohort: row(applicantId) },
      events,
    );
    expect(counter.snapshot().map((tally) => [tally.operation, tally.requests])).toEqual([
      ["TransactWriteItems", 1],
    ]);

    const recent = await log.listRecent(applicantId);
    expect(recent.map((event) => event.type).sort()).toEqual(["MilestoneOverdue", "PlanChanged"]);
    expect(JSON.parse(recent.find((event) => event.type === "PlanChanged")?.detail ?? "{}")).toEqual(
      events[0]?.detail,
    );
    expect(await storedPlanItem(applicantId)).toMatchObject({ planHash: "h1", computedAt: plan.now });
  });

  it("savePlan without events is one request too", async () => {
    await profileOf("a_copiessaveplan000000000002");
    counter.reset();
    await store.plans.savePlan("a_copiessaveplan000000000002", plan, {
      planHash: "h2",
      computedAt: plan.now,
    });
    expect(counter.snapshot().map((tally) => [tally.operation, tally.requests])).toEqual([
      ["TransactWriteItems", 1],
    ]);
    expect(await storedPlanItem("a_copiessaveplan000000000002")).toMatchObject({
      planHash: "h2",
      computedAt: plan.now,
    });
  });

  it("writes nothing for an applicant who is gone (erased meanwhile)", async () => {
    const applicantId = "a_copiesgone0000000000000005";
    counter.reset();
    await store.plans.savePlan(applicantId, plan, { planHash: "h5", computedAt: plan.now });
    expect(counter.snapshot().map((tally) => [tally.operation, tally.requests])).toEqual([
      ["TransactWriteItems", 1],
    ]);
    expect(await store.ledger.claimReminders(applicantId, ["r-1"], new Date(plan.now), 60_000)).toEqual([]);
    await store.ledger.markRemindersSent(applicantId, ["r-1"], "m-1", new Date(plan.now), {
      plan,
      summary: { planHash: "h5", computedAt: plan.now },
    });
    expect(
      await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.plan(applicantId) })),
    ).not.toHaveProperty("Item");
    expect(await storedPlanItem(applicantId)).toBeUndefined();
  });

  it("markRemindersSent puts the ReminderSent copy in the transaction with the marks and the plan", async () => {
    const applicantId = "a_copiesmarksent00000000003";
    await profileOf(applicantId);
    await store.ledger.claimReminders(applicantId, ["r-1"], new Date("2026-09-02T08:00:00.000Z"), 60_000);
    const sent: DomainEvent = {
      type: "ReminderSent",
      applicantId,
      at: "2026-09-02T08:00:01.000Z",
      detail: { messageId: "m-1", reminderIds: ["r-1"], milestones: ["cv"] },
    };
    const before = total();
    await store.ledger.markRemindersSent(applicantId, ["r-1"], "m-1", new Date(sent.at), {
      plan,
      summary: { planHash: "h3", computedAt: plan.now, cohort: row(applicantId) },
      events: [sent],
    });
    expect(requestsSince(before)).toEqual(["TransactWriteItems"]);
    expect((await log.listRecent(applicantId)).map((event) => event.type)).toEqual(["ReminderSent"]);
    const mark = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.reminder(applicantId, "r-1") }),
    );
    expect(mark.Item).toMatchObject({ status: "sent", messageId: "m-1" });
  });

  it("stores the cohort row gzipped and reads it back whole", async () => {
    const applicantId = "a_copiescohortrow00000000004";
    await profileOf(applicantId);
    await store.plans.savePlan(applicantId, plan, {
      planHash: "h4",
      computedAt: plan.now,
      cohort: row(applicantId),
    });
    const item = (
      await table.doc.send(new GetCommand({ TableName: table.tableName, Key: keys.plan(applicantId) }))
    ).Item;
    expect(item?.cohort).toBeInstanceOf(Uint8Array);
    expect((item?.cohort as Uint8Array | undefined)?.byteLength ?? Number.POSITIVE_INFINITY).toBeLessThan(
      JSON.stringify(row(applicantId)).length,
    );
    expect(storedCohortRow(item?.cohort)).toEqual(row(applicantId));
  });

  it("a plan replacing a stored one: one transaction with its copies and the profile check, or without events the plan alone billed once; nothing once erased", async () => {
    const applicantId = "a_copiesreplacing0000000006";
    await profileOf(applicantId);
    await store.plans.savePlan(applicantId, plan, { planHash: "h6", computedAt: plan.now });
    const changed: DomainEvent = {
      type: "PlanChanged",
      applicantId,
      at: "2026-09-02T00:00:00.000Z",
      detail: { planHash: "h7", nextDueAt: null, riskCodes: [] },
    };
    const next: Plan = { ...plan, now: "2026-09-02T00:00:00.000Z" };
    counter.reset();
    await store.plans.savePlan(applicantId, next, { planHash: "h7", computedAt: next.now }, [changed], {
      replacesStoredPlan: true,
    });
    // The PLAN item is small (about 2 KB), so one request, not the copies' transaction then a PutItem.
    expect(counter.snapshot().map((tally) => [tally.operation, tally.requests])).toEqual([
      ["TransactWriteItems", 1],
    ]);
    expect(await storedPlanItem(applicantId)).toMatchObject({ planHash: "h7", computedAt: next.now });
    expect((await log.listRecent(applicantId)).map((event) => event.type)).toEqual(["PlanChanged"]);
    const later: Plan = { ...plan, now: "2026-09-03T00:00:00.000Z" };
    counter.reset();
    await store.plans.savePlan(applicantId, later, { planHash: "h7b", computedAt: later.now }, [], {
      replacesStoredPlan: true,
    });
    expect(counter.snapshot().map((tally) => [tally.operation, tally.requests])).toEqual([["PutItem", 1]]);
    expect(await storedPlanItem(applicantId)).toMatchObject({ planHash: "h7b", computedAt: later.now });

    // An erase deletes the profile, then the partition: a replacing write after it leaves nothing.
    for (const key of [keys.profile(applicantId), keys.plan(applicantId)])
      await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: key }));
    const recentBefore = (await log.listRecent(applicantId)).length;
    await store.plans.savePlan(applicantId, plan, { planHash: "h8", computedAt: plan.now }, [changed], {
      replacesStoredPlan: true,
    });
    await store.plans.savePlan(applicantId, plan, { planHash: "h9", computedAt: plan.now }, [], {
      replacesStoredPlan: true,
    });
    expect(await storedPlanItem(applicantId)).toBeUndefined();
    expect((await log.listRecent(applicantId)).length).toBe(recentBefore);
  });

  it("a replacing write whose stored plan is gone but whose applicant exists stores it as a first plan", async () => {
    const applicantId = "a_copiesreplacing0000000007";
    await profileOf(applicantId);
    await store.plans.savePlan(applicantId, plan, { planHash: "h10", computedAt: plan.now }, [], {
      replacesStoredPlan: true,
    });
    expect(await storedPlanItem(applicantId)).toMatchObject({ planHash: "h10", computedAt: plan.now });
  });
});
