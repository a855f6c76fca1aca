import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { DynamoApplicantRepository } from "#adapters/dynamodb/applicant-repository.ts";
import { keys } from "#adapters/dynamodb/keys.ts";
import { DynamoTable } from "#adapters/dynamodb/table.ts";
import { CallCounter } from "#test/bench/support/call-counter.ts";
import { MemoryTable } from "#test/bench/support/memory-table.ts";

/**
 * Reading an applicant (the reminder function, the planner and intake do it on every run) reads
 * only the items its state is made of: the profile, milestones, interviews, the reminder ledger and
 * the plan. The applicant's partition also holds logs that only grow (the console's copies of the
 * domain events, the intake records, the audit trail) and the local wake-up; DynamoDB bills a Query
 * by the bytes it reads, so reading them cost read units that grew all season and changed nothing
 * (`npm run bench -- --quick`: read units per reminder email 3.3 -> 4.5).
 */

const APPLICANT = "a_readrangetestapplicant00";
const padding = (bytes: number) => "x".repeat(bytes);

function stateItems(): Record<string, unknown>[] {
  return [
    {
      ...keys.profile(APPLICANT),
      entity: "profile",
      applicantId: APPLICANT,
      applicant: { externalId: "crm-1", email: "read@example.com", timeZone: "Asia/Kolkata" },
      createdAt: "2026-06-01T00:00:00.000Z",
      updatedAt: "2026-06-02T00:00:00.000Z",
    },
    {
      ...keys.milestone(APPLICANT, "usmle_step1"),
      entity: "milestone",
      milestone: { key: "usmle_step1", status: "done" },
      updatedAt: "2026-06-02T00:00:00.000Z",
    },
    {
      ...keys.interview(APPLICANT, "i-1"),
      entity: "interview",
      interview: { id: "i-1", program: "General Hospital", startsAt: "2026-11-02T15:00:00Z" },
      updatedAt: "2026-06-02T00:00:00.000Z",
    },
    {
      ...keys.reminder(APPLICANT, "r-1"),
      entity: "reminder",
      applicantId: APPLICANT,
      reminderId: "r-1",
      status: "sent",
      claimedAt: "2026-06-03T09:00:00.000Z",
      sentAt: "2026-06-03T09:00:01.000Z",
      messageId: "m-1",
    },
  ];
}

function logItems(): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let n = 0; n < 40; n++)
    items.push({
      ...keys.event(APPLICANT, `2026-07-${String(1 + (n % 28)).padStart(2, "0")}T09:00:00.000Z`, `e-${n}`),
      entity: "event",
      detail: padding(600),
    });
  for (let n = 0; n < 10; n++)
    items.push({
      ...keys.intake(APPLICANT, `2026-06-${String(10 + n)}T00:00:00.000Z`, "webhook", `s-${n}`),
      entity: "intake",
      body: padding(2000),
    });
  items.push({
    ...keys.audit(APPLICANT, "2026-08-01T00:00:00.000Z", "a-1"),
    entity: "audit",
    detail: padding(500),
  });
  items.push({ ...keys.wakeUp(APPLICANT), entity: "wakeup", at: "2026-09-01T09:00:00.000Z" });
  return items;
}

async function readWith(items: Record<string, unknown>[]) {
  const counter = new CallCounter();
  const memory = new MemoryTable({ counter });
  const table = new DynamoTable({ client: memory.client("test"), tableName: "t" });
  for (const item of items) await table.client.send(new PutCommand({ TableName: "t", Item: item }));
  counter.reset();
  const state = await new DynamoApplicantRepository(table).loadApplicant(APPLICANT);
  const reads = counter.snapshot().filter((tally) => tally.operation.startsWith("Query"));
  return {
    state,
    rcu: reads.reduce((sum, tally) => sum + tally.rcu, 0),
    requests: reads.reduce((sum, tally) => sum + tally.requests, 0),
  };
}

describe("reading an applicant", () => {
  it("reads the same state at the same cost whatever its event, intake and audit logs hold", async () => {
    const alone = await readWith(stateItems());
    const withLogs = await readWith([...stateItems(), ...logItems()]);
    expect(withLogs.state).toEqual(alone.state);
    expect(withLogs.state?.milestones).toHaveLength(1);
    expect(withLogs.state?.interviews).toHaveLength(1);
    expect(withLogs.state?.ledger).toHaveLength(1);
    expect(withLogs.requests).toBe(1);
    expect(withLogs.rcu).toBe(alone.rcu);
  });
});
