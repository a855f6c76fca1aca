import { randomUUID } from "node:crypto";
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicantIdFor, interviewIdFor, keys } from "#adapters/dynamodb/keys.ts";
import { TableWakeUpScheduler } from "#adapters/scheduler/table-wake-ups.ts";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  type ApplicantSnapshot,
  type Interview,
  MAX_INTERVIEWS,
  MILESTONE_KEYS,
  type MilestoneEntry,
  type MilestoneUpdate,
} from "#domain/snapshot.ts";
import { ApplicantNotFoundError, InvalidInputError, LimitExceededError } from "#errors";
import { type DynamoRepositories, dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { readStream, startTestTable, type TestTable } from "./support/dynamodb.ts";

let table: TestTable;
let store: DynamoRepositories;
let wakeUps: TableWakeUpScheduler;

beforeAll(async () => {
  table = await startTestTable("store");
  store = dynamoRepositories({ client: table.doc, tableName: table.tableName });
  wakeUps = new TableWakeUpScheduler({ client: table.doc, tableName: table.tableName });
});

afterAll(async () => {
  await table?.stop();
});

const receivedAt = new Date("2026-03-01T12:00:00.000Z");
// Later submissions arrive later: a needless rewrite would then change updatedAt and show in the stream.
const laterAt = new Date("2026-03-05T08:30:00.000Z");

function snapshotFor(
  externalId: string,
  overrides: { email?: string; milestones?: MilestoneEntry[]; interviews?: Interview[] } = {},
): ApplicantSnapshot {
  return {
    type: "applicant.snapshot",
    submissionId: `sub-${randomUUID()}`,
    applicant: {
      externalId,
      email: overrides.email ?? `${externalId}@Example.org`,
      fullName: "Amaka Obi",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      visa: "J-1",
      graduation: "2024-07-15",
      medicalSchool: { name: "University of Lagos", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 80,
    },
    milestones: overrides.milestones ?? [
      { key: "usmle_step1", status: "done", date: "2025-05-02" },
      { key: "usmle_step2ck", status: "scheduled", date: "2026-06-10" },
      { key: "personal_statement", status: "in_progress" },
    ],
    interviews: overrides.interviews ?? [
      {
        program: "Mercy General IM",
        startsAt: "2026-11-02T14:00:00-05:00",
        timezone: "America/New_York",
        format: "virtual",
      },
    ],
  };
}

function source(submissionId: string) {
  return { provider: "webhook", submissionId };
}

async function streamDelta<T>(
  act: () => Promise<T>,
): Promise<{ result: T; records: { eventName: string; sk: string }[] }> {
  const before = (await readStream(table)).length;
  const result = await act();
  const after = await readStream(table);
  return { result, records: after.slice(before).map(({ eventName, sk }) => ({ eventName, sk })) };
}

function newExternalId(): string {
  return `ext-${randomUUID()}`;
}

describe("applySubmission: snapshots", () => {
  it("creates an applicant that loads back whole", async () => {
    const snapshot = snapshotFor(newExternalId());

    const result = await store.intake.applySubmission(snapshot, source(snapshot.submissionId), receivedAt);
    const state = await store.applicants.loadApplicant(result.applicantId);

    expect(result).toEqual({
      applicantId: applicantIdFor(snapshot.applicant.externalId),
      outcome: "created",
    });
    expect(state?.profile).toMatchObject({
      ...snapshot.applicant,
      applicantId: result.applicantId,
      createdAt: receivedAt.toISOString(),
      updatedAt: receivedAt.toISOString(),
    });
    expect(state?.profile.unsubscribedAt).toBeUndefined();
    expect(state?.milestones).toEqual(expect.arrayContaining(snapshot.milestones));
    expect(state?.milestones).toHaveLength(3);
    expect(state?.interviews).toHaveLength(1);
    expect(state?.interviews[0]).toMatchObject(snapshot.interviews[0] ?? {});
    expect(state?.interviews[0]?.id).toMatch(/^iv_/);
    expect(state?.ledger).toEqual([]);
    expect(state?.storedPlan).toBeUndefined();
  });

  it("treats the same submission twice as a duplicate and rewrites nothing", async () => {
    const snapshot = snapshotFor(newExternalId());
    const first = await store.intake.applySubmission(snapshot, source(snapshot.submissionId), receivedAt);

    const { result: second, records } = await streamDelta(() =>
      store.intake.applySubmission(snapshot, source(snapshot.submissionId), new Date("2026-03-02T00:00:00Z")),
    );

    expect(second).toEqual({ applicantId: first.applicantId, outcome: "duplicate" });
    expect(records).toEqual([]);
    expect((await store.applicants.loadApplicant(first.applicantId))?.profile.updatedAt).toBe(
      receivedAt.toISOString(),
    );
  });

  it("answers a duplicate with the applicant id stored in the idempotency record", async () => {
    const snapshot = snapshotFor(newExternalId());
    const first = await store.intake.applySubmission(snapshot, source(snapshot.submissionId), receivedAt);
    // A different applicant re-using the submission id is still the same delivery to us.
    const other = { ...snapshotFor(newExternalId()), submissionId: snapshot.submissionId };

    const second = await store.intake.applySubmission(other, source(snapshot.submissionId), receivedAt);

    expect(second).toEqual({ applicantId: first.applicantId, outcome: "duplicate" });
    expect(await store.applicants.loadApplicant(applicantIdFor(other.applicant.externalId))).toBeUndefined();
  });

  it("writes only the changed milestone when a re-snapshot changes one", async () => {
    const externalId = newExternalId();
    const first = snapshotFor(externalId);
    await store.intake.applySubmission(first, source(first.submissionId), receivedAt);
    const changed = snapshotFor(externalId, {
      milestones: first.milestones.map((m) =>
        m.key === "usmle_step2ck" ? { ...m, status: "done" as const } : m,
      ),
    });

    const { result, records } = await streamDelta(() =>
      store.intake.applySubmission(changed, source(changed.submissionId), laterAt),
    );

    expect(result.outcome).toBe("updated");
    expect(records).toEqual([
      { eventName: "INSERT", sk: "SUBMISSION" },
      { eventName: "MODIFY", sk: "MILESTONE#usmle_step2ck" },
      // The applicant's own copy of the intake record (the console lists it, an erase finds the record by it).
      { eventName: "INSERT", sk: expect.stringMatching(/^INTAKE#/) },
    ]);
    const state = await store.applicants.loadApplicant(result.applicantId);
    expect(state?.milestones.find((m) => m.key === "usmle_step2ck")?.status).toBe("done");
  });

  it("writes only the idempotency record when a re-snapshot changes nothing", async () => {
    const externalId = newExternalId();
    const first = snapshotFor(externalId);
    await store.intake.applySubmission(first, source(first.submissionId), receivedAt);
    const same = { ...first, submissionId: `sub-${randomUUID()}` };

    const { records } = await streamDelta(() =>
      store.intake.applySubmission(same, source(same.submissionId), laterAt),
    );

    expect(records).toEqual([
      { eventName: "INSERT", sk: "SUBMISSION" },
      // The applicant's own copy of the intake record (the console lists it, an erase finds the record by it).
      { eventName: "INSERT", sk: expect.stringMatching(/^INTAKE#/) },
    ]);
  });

  it("deletes milestones and interviews a re-snapshot no longer lists", async () => {
    const externalId = newExternalId();
    const first = snapshotFor(externalId);
    const created = await store.intake.applySubmission(first, source(first.submissionId), receivedAt);
    const fewer = snapshotFor(externalId, { milestones: first.milestones.slice(0, 2), interviews: [] });

    const { records } = await streamDelta(() =>
      store.intake.applySubmission(fewer, source(fewer.submissionId), laterAt),
    );

    expect(
      records
        .filter((r) => r.eventName === "REMOVE")
        .map((r) => r.sk)
        .sort(),
    ).toEqual([expect.stringMatching(/^INTERVIEW#iv_/), "MILESTONE#personal_statement"]);
    const state = await store.applicants.loadApplicant(created.applicantId);
    expect(state?.milestones.map((m) => m.key).sort()).toEqual(["usmle_step1", "usmle_step2ck"]);
    expect(state?.interviews).toEqual([]);
  });

  it("moves the email lookup when a re-snapshot changes the address", async () => {
    const externalId = newExternalId();
    const first = snapshotFor(externalId, { email: `old-${externalId}@example.org` });
    const { applicantId } = await store.intake.applySubmission(first, source(first.submissionId), receivedAt);
    const moved = snapshotFor(externalId, { email: `New-${externalId}@Example.org` });

    await store.intake.applySubmission(moved, source(moved.submissionId), receivedAt);

    const oldLookup = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.emailLookup(`old-${externalId}@example.org`) }),
    );
    const newLookup = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.emailLookup(`new-${externalId}@example.org`) }),
    );
    expect(oldLookup.Item).toBeUndefined();
    expect(newLookup.Item?.applicantId).toBe(applicantId);
    const byOld: MilestoneUpdate = {
      type: "milestone.update",
      submissionId: `sub-${randomUUID()}`,
      applicant: { email: `old-${externalId}@example.org` },
      milestones: [{ key: "cv", status: "done" }],
    };
    await expect(
      store.intake.applySubmission(byOld, source(byOld.submissionId), receivedAt),
    ).rejects.toBeInstanceOf(ApplicantNotFoundError);
  });

  it("writes a snapshot at the limit in one transaction: all milestones, an email change, MAX_INTERVIEWS interviews replacing as many", async () => {
    const interviews = (prefix: string): Interview[] =>
      Array.from({ length: MAX_INTERVIEWS }, (_, i) => ({
        id: `${prefix}-${i}`,
        program: `Program ${i}`,
        startsAt: "2026-11-02T14:00:00-05:00",
        timezone: "America/New_York",
        format: "virtual",
      }));
    const milestones = (status: MilestoneEntry["status"]): MilestoneEntry[] =>
      MILESTONE_KEYS.map((key) => ({ key, status }));
    const externalId = newExternalId();
    const first = snapshotFor(externalId, {
      milestones: milestones("not_started"),
      interviews: interviews("a"),
    });
    const { applicantId } = await store.intake.applySubmission(first, source(first.submissionId), receivedAt);
    const sent: string[] = [];
    const counting = dynamoRepositories({
      client: {
        send: (command: { constructor: { name: string } }) => {
          sent.push(command.constructor.name);
          return table.doc.send(command as never);
        },
      } as unknown as DynamoDBDocumentClient,
      tableName: table.tableName,
    });
    const second = snapshotFor(externalId, {
      email: `moved-${externalId}@example.org`,
      milestones: milestones("in_progress"),
      interviews: interviews("b"),
    });

    const result = await counting.intake.applySubmission(second, source(second.submissionId), laterAt);

    expect(result).toEqual({ applicantId, outcome: "updated" });
    expect(sent.filter((name) => name === "TransactWriteCommand")).toHaveLength(1);
    const state = await store.applicants.loadApplicant(applicantId);
    expect(state?.interviews.map((interview) => interview.id).sort()).toEqual(
      interviews("b")
        .map((interview) => interview.id)
        .sort(),
    );
    expect(state?.milestones.every((milestone) => milestone.status === "in_progress")).toBe(true);
    expect(state?.profile.email).toBe(`moved-${externalId}@example.org`);
  });

  it("refuses, writing nothing, a snapshot whose changes one transaction cannot hold (interviews stored before the limit)", async () => {
    const externalId = newExternalId();
    const first = snapshotFor(externalId);
    const { applicantId } = await store.intake.applySubmission(first, source(first.submissionId), receivedAt);
    // 70 interviews stored the way an older version (limit 200) could have left them.
    for (let i = 0; i < 70; i++) {
      await table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: {
            ...keys.interview(applicantId, `legacy-${i}`),
            entity: "interview",
            applicantId,
            interview: {
              id: `legacy-${i}`,
              program: `Program ${i}`,
              startsAt: "2026-11-02T14:00:00-05:00",
              timezone: "America/New_York",
              format: "virtual",
            },
            updatedAt: receivedAt.toISOString(),
          },
        }),
      );
    }
    const before = await store.applicants.loadApplicant(applicantId);
    const replacing = snapshotFor(externalId, {
      interviews: Array.from({ length: MAX_INTERVIEWS }, (_, i) => ({
        id: `new-${i}`,
        program: `Program ${i}`,
        startsAt: "2026-11-03T14:00:00-05:00",
        timezone: "America/New_York",
        format: "virtual" as const,
      })),
    });

    const refused = store.intake.applySubmission(replacing, source(replacing.submissionId), laterAt);

    await expect(refused).rejects.toBeInstanceOf(LimitExceededError);
    await expect(refused).rejects.toMatchObject({
      status: 422,
      problems: [{ path: "milestones" }, { path: "interviews" }],
    });
    // The total counts every action of the one transaction (the record and intake copy included).
    await expect(refused).rejects.toThrow(/would need \d+ writes; one atomic write holds 100$/);
    expect(await store.applicants.loadApplicant(applicantId)).toEqual(before);
    const record = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.submission("webhook", replacing.submissionId) }),
    );
    expect(record.Item).toBeUndefined();
  });

  it("refuses two interviews stored under one id (an explicit id equal to another's derived id), naming both", async () => {
    const derived = {
      program: "Mercy General IM",
      startsAt: "2026-11-02T14:00:00-05:00",
      timezone: "America/New_York",
      format: "virtual" as const,
    };
    const clash = { ...derived, program: "Other", id: interviewIdFor(derived.program, derived.startsAt) };
    const snapshot = snapshotFor(newExternalId(), { interviews: [derived, clash] });

    const refused = store.intake.applySubmission(snapshot, source(snapshot.submissionId), receivedAt);

    await expect(refused).rejects.toMatchObject({
      name: "InvalidInputError",
      problems: [{ path: "interviews.0.id" }, { path: "interviews.1.id" }],
    });
    expect(
      await store.applicants.loadApplicant(applicantIdFor(snapshot.applicant.externalId)),
    ).toBeUndefined();
  });
});

describe("applySubmission: milestone updates", () => {
  async function existingApplicant() {
    const snapshot = snapshotFor(newExternalId());
    const { applicantId } = await store.intake.applySubmission(
      snapshot,
      source(snapshot.submissionId),
      receivedAt,
    );
    return { snapshot, applicantId };
  }

  it("finds the applicant by externalId and writes only the changed milestones", async () => {
    const { snapshot, applicantId } = await existingApplicant();
    const update: MilestoneUpdate = {
      type: "milestone.update",
      submissionId: `sub-${randomUUID()}`,
      applicant: { externalId: snapshot.applicant.externalId },
      milestones: [
        { key: "usmle_step1", status: "done", date: "2025-05-02" },
        { key: "eras_token", status: "done", date: "2026-03-02" },
      ],
    };

    const { result, records } = await streamDelta(() =>
      store.intake.applySubmission(update, source(update.submissionId), laterAt),
    );

    expect(result).toEqual({ applicantId, outcome: "updated" });
    expect(records).toEqual([
      { eventName: "INSERT", sk: "SUBMISSION" },
      { eventName: "INSERT", sk: "MILESTONE#eras_token" },
      // The applicant's own copy of the intake record (the console lists it, an erase finds the record by it).
      { eventName: "INSERT", sk: expect.stringMatching(/^INTAKE#/) },
    ]);
    const loaded = await store.applicants.loadApplicant(applicantId);
    expect(loaded?.milestones).toHaveLength(4);
    // The milestone's write time is the record's last change (the calendar feed's DTSTAMP and
    // SEQUENCE follow it), though the profile itself did not change.
    expect(loaded?.profile.updatedAt).toBe(receivedAt.toISOString());
    expect(loaded?.changedAt).toBe(laterAt.toISOString());
  });

  it("refuses, writing nothing, a step done after today in the applicant's stored zone", async () => {
    const { snapshot, applicantId } = await existingApplicant();
    // 22:00 in Lagos on 4 Mar (21:00 UTC): 5 Mar is tomorrow there, already today in Kiritimati.
    const at = new Date("2026-03-04T21:00:00.000Z");
    const update: MilestoneUpdate = {
      type: "milestone.update",
      submissionId: `sub-${randomUUID()}`,
      applicant: { externalId: snapshot.applicant.externalId },
      milestones: [{ key: "eras_token", status: "done", date: "2026-03-05" }],
    };

    const { result, records } = await streamDelta(() =>
      store.intake.applySubmission(update, source(update.submissionId), at).catch((error: unknown) => error),
    );

    expect(result).toBeInstanceOf(InvalidInputError);
    expect((result as InvalidInputError).problems).toEqual([
      { path: "milestones.0.date", message: expect.stringContaining("(2026-03-04, Africa/Lagos)") },
    ]);
    expect(records).toEqual([]);
    expect((await store.applicants.loadApplicant(applicantId))?.milestones).toHaveLength(3);
  });

  it("finds the applicant by email, whatever its case", async () => {
    const { snapshot, applicantId } = await existingApplicant();
    const update: MilestoneUpdate = {
      type: "milestone.update",
      submissionId: `sub-${randomUUID()}`,
      applicant: { email: snapshot.applicant.email.toUpperCase() },
      milestones: [{ key: "personal_statement", status: "done", date: "2026-02-20" }],
    };

    const result = await store.intake.applySubmission(update, source(update.submissionId), receivedAt);

    expect(result).toEqual({ applicantId, outcome: "updated" });
    const state = await store.applicants.loadApplicant(applicantId);
    expect(state?.milestones.find((m) => m.key === "personal_statement")).toEqual({
      key: "personal_statement",
      status: "done",
      date: "2026-02-20",
    });
  });

  it("adds an interview, moves it by id, and cancels it, with no milestone in the update", async () => {
    const { snapshot, applicantId } = await existingApplicant();
    const ref = { externalId: snapshot.applicant.externalId };
    const booked = {
      id: "iv-mercy-2026",
      program: "Mercy General IM",
      startsAt: "2026-12-11T20:00:00+00:00",
      timezone: "America/Chicago",
      format: "virtual" as const,
    };
    const update = (interviews: MilestoneUpdate["interviews"]): MilestoneUpdate => ({
      type: "milestone.update",
      submissionId: `sub-${randomUUID()}`,
      applicant: ref,
      milestones: [],
      interviews,
    });
    const apply = (change: MilestoneUpdate) =>
      store.intake.applySubmission(change, source(change.submissionId), laterAt);
    const ids = async () =>
      (await store.applicants.loadApplicant(applicantId))?.interviews.map((iv) => iv.id).sort();

    await apply(update([booked]));
    expect(await ids()).toHaveLength(2);

    await apply(update([{ ...booked, startsAt: "2026-12-14T15:00:00+00:00", status: "scheduled" }]));
    const moved = (await store.applicants.loadApplicant(applicantId))?.interviews.find(
      (iv) => iv.id === booked.id,
    );
    expect(moved).toEqual({ ...booked, startsAt: "2026-12-14T15:00:00+00:00" });

    const { records } = await streamDelta(() => apply(update([{ id: booked.id, status: "cancelled" }])));
    expect(records).toEqual([
      { eventName: "INSERT", sk: "SUBMISSION" },
      { eventName: "REMOVE", sk: `INTERVIEW#${booked.id}` },
      // The applicant's own copy of the intake record (the console lists it, an erase finds the record by it).
      { eventName: "INSERT", sk: expect.stringMatching(/^INTAKE#/) },
    ]);
    expect(await ids()).not.toContain(booked.id);
    expect(await ids()).toHaveLength(1);
  });

  it("refuses to cancel an interview the applicant does not have, and writes nothing", async () => {
    const { snapshot } = await existingApplicant();
    const update: MilestoneUpdate = {
      type: "milestone.update",
      submissionId: `sub-${randomUUID()}`,
      applicant: { externalId: snapshot.applicant.externalId },
      milestones: [{ key: "cv", status: "done" }],
      interviews: [{ id: "iv-never-booked", status: "cancelled" }],
    };

    const { records } = await streamDelta(async () => {
      await expect(
        store.intake.applySubmission(update, source(update.submissionId), laterAt),
      ).rejects.toMatchObject({
        name: "InvalidInputError",
        problems: [{ path: "interviews.0.id", message: expect.stringContaining("iv-never-booked") }],
      });
    });
    expect(records).toEqual([]);
  });

  it.each([
    ["externalId", { externalId: "nobody-knows-me" }],
    ["email", { email: "nobody@example.org" }],
  ] as const)("rejects an unknown applicant (by %s) and writes nothing", async (_label, ref) => {
    const update: MilestoneUpdate = {
      type: "milestone.update",
      submissionId: `sub-${randomUUID()}`,
      applicant: ref,
      milestones: [{ key: "cv", status: "done" }],
    };

    const { records } = await streamDelta(async () => {
      await expect(
        store.intake.applySubmission(update, source(update.submissionId), receivedAt),
      ).rejects.toBeInstanceOf(ApplicantNotFoundError);
    });

    expect(records).toEqual([]);
  });
});

describe("the reminder ledger", () => {
  async function applicant(): Promise<string> {
    const snapshot = snapshotFor(newExternalId());
    return (await store.intake.applySubmission(snapshot, source(snapshot.submissionId), receivedAt))
      .applicantId;
  }
  const now = new Date("2026-04-01T09:00:00.000Z");
  const staleAfterMs = 15 * 60_000;

  it("claims a reminder once: a second claim gets nothing", async () => {
    const id = await applicant();

    const first = await store.ledger.claimReminders(id, ["r1", "r2"], now, staleAfterMs);
    const second = await store.ledger.claimReminders(
      id,
      ["r1", "r2", "r3"],
      new Date(now.getTime() + 60_000),
      staleAfterMs,
    );

    expect(first.sort()).toEqual(["r1", "r2"]);
    expect(second).toEqual(["r3"]);
  });

  it("lets a stale claim be claimed again (a crashed sender loses nothing)", async () => {
    const id = await applicant();
    await store.ledger.claimReminders(id, ["r1"], now, staleAfterMs);

    const later = await store.ledger.claimReminders(
      id,
      ["r1"],
      new Date(now.getTime() + staleAfterMs + 1),
      staleAfterMs,
    );

    expect(later).toEqual(["r1"]);
  });

  // A claim whose sender died names what it was about in the console.
  it("stores a claim with the reminder's subject, in both the one-transaction and per-reminder paths", async () => {
    const id = await applicant();
    const subject = {
      milestone: "usce",
      rung: "start-by",
      title: "Get US clinical experience",
      matchYear: 2027,
    };
    const subjects = new Map([
      ["r1", subject],
      ["r2", { ...subject, rung: "due-in-7d" }],
    ]);
    await store.ledger.claimReminders(id, ["r1"], now, staleAfterMs, now, subjects);
    // r1 is held, so the transaction is cancelled and r2 is claimed on its own.
    await store.ledger.claimReminders(
      id,
      ["r1", "r2"],
      new Date(now.getTime() + 1000),
      staleAfterMs,
      now,
      subjects,
    );
    const ledger = (await store.applicants.loadApplicant(id))?.ledger ?? [];
    expect(ledger.find((entry) => entry.reminderId === "r1")?.subject).toEqual(subject);
    expect(ledger.find((entry) => entry.reminderId === "r2")?.subject).toEqual({
      ...subject,
      rung: "due-in-7d",
    });
  });

  it("records sends, and a sent reminder is never claimed again", async () => {
    const id = await applicant();
    await store.ledger.claimReminders(id, ["r1", "r2"], now, staleAfterMs);

    await store.ledger.markRemindersSent(id, ["r1", "r2"], "ses-message-1", new Date(now.getTime() + 1000));
    const muchLater = await store.ledger.claimReminders(
      id,
      ["r1", "r2"],
      new Date(now.getTime() + 86_400_000),
      staleAfterMs,
    );

    expect(muchLater).toEqual([]);
    const ledger = (await store.applicants.loadApplicant(id))?.ledger ?? [];
    expect(ledger.sort((a, b) => a.reminderId.localeCompare(b.reminderId))).toEqual([
      {
        reminderId: "r1",
        status: "sent",
        claimedAt: now.toISOString(),
        slotAt: now.toISOString(),
        sentAt: "2026-04-01T09:00:01.000Z",
        messageId: "ses-message-1",
      },
      {
        reminderId: "r2",
        status: "sent",
        claimedAt: now.toISOString(),
        slotAt: now.toISOString(),
        sentAt: "2026-04-01T09:00:01.000Z",
        messageId: "ses-message-1",
      },
    ]);
  });

  it("gives claims back after a failed send, but never a sent record", async () => {
    const id = await applicant();
    await store.ledger.claimReminders(id, ["r1", "r2"], now, staleAfterMs);
    await store.ledger.markRemindersSent(id, ["r2"], "ses-message-2", now);

    await store.ledger.releaseClaims(id, ["r1", "r2"]);
    const again = await store.ledger.claimReminders(id, ["r1", "r2"], now, staleAfterMs);

    expect(again).toEqual(["r1"]);
    expect(
      (await store.applicants.loadApplicant(id))?.ledger.find((e) => e.reminderId === "r2")?.status,
    ).toBe("sent");
  });

  it("records an escalation withheld from a suppressed address, never claimed or given back again", async () => {
    const id = await applicant();
    await store.ledger.claimReminders(id, ["escalation:risk:SEASON_OVER"], now, staleAfterMs);

    await store.ledger.markRemindersWithheld(id, ["escalation:risk:SEASON_OVER"], "bounce", now);
    await store.ledger.releaseClaims(id, ["escalation:risk:SEASON_OVER"]);
    const muchLater = new Date(now.getTime() + 86_400_000);
    expect(
      await store.ledger.claimReminders(id, ["escalation:risk:SEASON_OVER"], muchLater, staleAfterMs),
    ).toEqual([]);
    expect((await store.applicants.loadApplicant(id))?.ledger).toEqual([
      {
        reminderId: "escalation:risk:SEASON_OVER",
        status: "withheld",
        claimedAt: now.toISOString(),
        slotAt: now.toISOString(),
        withheldBecause: "bounce",
      },
    ]);
  });

  it("records an escalation SES rejected for good as withheld with that reason, never claimed again", async () => {
    const id = await applicant();
    await store.ledger.claimReminders(id, ["escalation:2027:risk:SEASON_OVER"], now, staleAfterMs);

    await store.ledger.markRemindersWithheld(id, ["escalation:2027:risk:SEASON_OVER"], "rejected", now);
    const muchLater = new Date(now.getTime() + 86_400_000);
    expect(
      await store.ledger.claimReminders(id, ["escalation:2027:risk:SEASON_OVER"], muchLater, staleAfterMs),
    ).toEqual([]);
    expect((await store.applicants.loadApplicant(id))?.ledger).toEqual([
      expect.objectContaining({ status: "withheld", withheldBecause: "rejected" }),
    ]);
  });

  it("writes claims to a partition the planner's filter ignores", async () => {
    const id = await applicant();
    const { records } = await streamDelta(() => store.ledger.claimReminders(id, ["r9"], now, staleAfterMs));
    expect(records).toEqual([{ eventName: "INSERT", sk: "REMINDER#r9" }]);
  });
});

describe("suppression and unsubscribe", () => {
  it("suppresses an address case-insensitively and keeps the first reason", async () => {
    const email = `Bounce-${randomUUID()}@Example.org`;
    expect(await store.suppression.isSuppressed(email)).toBe(false);

    await store.suppression.suppress(email, "bounce", receivedAt);
    await store.suppression.suppress(email.toLowerCase(), "unsubscribe", receivedAt);

    expect(await store.suppression.isSuppressed(email.toUpperCase())).toBe(true);
    const item = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.suppression(email) }),
    );
    expect(item.Item?.reason).toBe("bounce");
  });

  it("unsubscribes: marks the profile and suppresses the address, once", async () => {
    const snapshot = snapshotFor(newExternalId());
    const { applicantId } = await store.intake.applySubmission(
      snapshot,
      source(snapshot.submissionId),
      receivedAt,
    );
    const at = new Date("2026-04-02T10:00:00.000Z");

    await store.suppression.unsubscribe(applicantId, at);
    const { records } = await streamDelta(() =>
      store.suppression.unsubscribe(applicantId, new Date("2026-04-03T10:00:00.000Z")),
    );

    expect((await store.applicants.loadApplicant(applicantId))?.profile.unsubscribedAt).toBe(
      at.toISOString(),
    );
    expect(await store.suppression.isSuppressed(snapshot.applicant.email)).toBe(true);
    expect(records).toEqual([]);
  });

  it("keeps the unsubscription across a later re-snapshot", async () => {
    const externalId = newExternalId();
    const snapshot = snapshotFor(externalId);
    const { applicantId } = await store.intake.applySubmission(
      snapshot,
      source(snapshot.submissionId),
      receivedAt,
    );
    await store.suppression.unsubscribe(applicantId, receivedAt);
    const renamed = snapshotFor(externalId);
    renamed.applicant.fullName = "Amaka N. Obi";

    await store.intake.applySubmission(
      renamed,
      source(renamed.submissionId),
      new Date("2026-05-01T00:00:00Z"),
    );

    const profile = (await store.applicants.loadApplicant(applicantId))?.profile;
    expect(profile?.fullName).toBe("Amaka N. Obi");
    expect(profile?.unsubscribedAt).toBe(receivedAt.toISOString());
    expect(profile?.createdAt).toBe(receivedAt.toISOString());
  });

  it("rejects unsubscribing an unknown applicant", async () => {
    await expect(store.suppression.unsubscribe("a_unknown", receivedAt)).rejects.toBeInstanceOf(
      ApplicantNotFoundError,
    );
  });

  it("resubscribes once: clears the mark, records when, lifts the unsubscribe's suppression, wakes the planner", async () => {
    const snapshot = snapshotFor(newExternalId());
    const { applicantId } = await store.intake.applySubmission(
      snapshot,
      source(snapshot.submissionId),
      receivedAt,
    );
    const email = snapshot.applicant.email;
    expect(await store.suppression.resubscribe(applicantId, receivedAt)).toBe("already-subscribed");
    await store.suppression.unsubscribe(applicantId, new Date("2026-04-02T10:00:00.000Z"));
    expect(await store.suppression.suppressionReason(email)).toBe("unsubscribe");

    const at = new Date("2026-04-05T10:00:00.000Z");
    const { result, records } = await streamDelta(() => store.suppression.resubscribe(applicantId, at));
    expect(result).toBe("resubscribed");
    // A profile write: the planner re-plans from it and arms the next wake-up again.
    expect(records.map((record) => record.sk)).toContain("PROFILE");
    const profile = (await store.applicants.loadApplicant(applicantId))?.profile;
    expect(profile?.unsubscribedAt).toBeUndefined();
    expect(profile?.resubscribedAt).toBe(at.toISOString());
    expect(await store.suppression.isSuppressed(email)).toBe(false);

    const again = await streamDelta(() =>
      store.suppression.resubscribe(applicantId, new Date("2026-04-06T10:00:00.000Z")),
    );
    expect(again.result).toBe("already-subscribed");
    expect(again.records).toEqual([]);
    // Unsubscribing again still works after a resubscribe.
    await store.suppression.unsubscribe(applicantId, new Date("2026-04-07T10:00:00.000Z"));
    expect((await store.applicants.loadApplicant(applicantId))?.profile.unsubscribedAt).toBe(
      "2026-04-07T10:00:00.000Z",
    );
    expect(await store.suppression.isSuppressed(email)).toBe(true);
  });

  it.each(["bounce", "complaint"] as const)(
    "never lifts a %s: the address stays suppressed",
    async (reason) => {
      const snapshot = snapshotFor(newExternalId());
      const { applicantId } = await store.intake.applySubmission(
        snapshot,
        source(snapshot.submissionId),
        receivedAt,
      );
      await store.suppression.suppress(snapshot.applicant.email, reason, receivedAt);
      await store.suppression.unsubscribe(applicantId, receivedAt);
      expect(await store.suppression.resubscribe(applicantId, new Date("2026-04-05T10:00:00.000Z"))).toBe(
        reason,
      );
      expect(await store.suppression.suppressionReason(snapshot.applicant.email)).toBe(reason);
      expect((await store.applicants.loadApplicant(applicantId))?.profile.unsubscribedAt).toBe(
        receivedAt.toISOString(),
      );
    },
  );
});

describe("plans and wake-ups", () => {
  function plan(now: string): Plan {
    return {
      now,
      matchYear: 2027,
      seasonStatus: "projected",
      nextSteps: [],
      blocked: [],
      overdue: [],
      risks: [],
      reminders: [],
      budget: { currency: "USD", items: [], spentUsd: 0, upcomingUsd: 0, totalUsd: 0 },
    };
  }

  it("stores the reminders a plan still has scheduled, for the next re-plan, and not the plan itself", async () => {
    const snapshot = snapshotFor(newExternalId());
    const { applicantId } = await store.intake.applySubmission(
      snapshot,
      source(snapshot.submissionId),
      receivedAt,
    );
    const reminder = (id: string, sendAt: string) =>
      ({
        id,
        milestone: "usmle_step1",
        rung: "due-in-7d",
        sendAt,
        sendAtLocal: sendAt.slice(0, 16),
        title: "Take USMLE Step 1",
        deadlineDetail: { status: "catalog" },
      }) as unknown as Plan["reminders"][number];
    const computedAt = "2031-01-01T00:00:00.000Z";
    const stored: Plan = {
      ...plan(computedAt),
      reminders: [
        reminder("r-sent", "2030-12-31T09:00:00.000Z"),
        reminder("r-ahead", "2031-01-05T09:00:00.000Z"),
      ],
    };
    await store.plans.savePlan(applicantId, stored, { planHash: "h1", computedAt });

    const state = await store.applicants.loadApplicant(applicantId);
    expect(state && store.applicants.storedReminders(state)).toEqual([
      {
        id: "r-ahead",
        milestone: "usmle_step1",
        rung: "due-in-7d",
        sendAt: "2031-01-05T09:00:00.000Z",
        sendAtLocal: "2031-01-05T09:00",
        title: "Take USMLE Step 1",
      },
    ]);
    const item = (
      await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.plan(applicantId), ConsistentRead: true }),
      )
    ).Item;
    expect(item).not.toHaveProperty("planBr");
    expect(item).not.toHaveProperty("planGz");
  });

  it("stores a plan with its summary, indexes its wake-up, and never wakes the planner", async () => {
    const snapshot = snapshotFor(newExternalId());
    const { applicantId } = await store.intake.applySubmission(
      snapshot,
      source(snapshot.submissionId),
      receivedAt,
    );
    const wakeUpAt = "2031-01-05T09:00:00.000Z";

    const { records } = await streamDelta(() =>
      store.plans.savePlan(applicantId, plan("2031-01-01T00:00:00.000Z"), {
        planHash: "h1",
        wakeUpAt,
        computedAt: "2031-01-01T00:00:00.000Z",
        overdue: ["interview:iv_1", "nrmp_registration"],
      }),
    );

    // The intake created the applicant's empty PLAN item (intake-writes.ts planPlaceholder), so the
    // first plan modifies it; still the one record, and not one the planner's filter passes.
    expect(records).toEqual([{ eventName: "MODIFY", sk: "PLAN" }]);
    expect((await store.applicants.loadApplicant(applicantId))?.storedPlan).toEqual({
      planHash: "h1",
      wakeUpAt,
      computedAt: "2031-01-01T00:00:00.000Z",
      overdue: ["interview:iv_1", "nrmp_registration"],
    });
    // The plan itself is not stored; the next re-plan reads the reminders it still had scheduled.
    const state = await store.applicants.loadApplicant(applicantId);
    expect(state && store.applicants.storedReminders(state)).toEqual([]);
    const before = await store.plans.listWakeUpsDueBefore(new Date("2031-01-05T08:59:59.999Z"), "plan");
    const at = await store.plans.listWakeUpsDueBefore(new Date(wakeUpAt), "plan");
    expect(before.map((w) => w.applicantId)).not.toContain(applicantId);
    expect(at).toContainEqual({ applicantId, at: new Date(wakeUpAt) });
    expect(
      (await store.plans.listWakeUpsDueBefore(new Date(wakeUpAt), "local")).map((w) => w.applicantId),
    ).not.toContain(applicantId);
  });

  it("arms one local wake-up per applicant, lists the due ones, and disarms", async () => {
    const ids = Array.from({ length: 40 }, () => `a_${randomUUID().replaceAll("-", "").slice(0, 26)}`);
    const base = Date.parse("2040-01-01T00:00:00.000Z");
    // A local wake-up is armed only while its applicant exists (while-applicant-exists.ts).
    await Promise.all(
      ids.map((id) =>
        table.doc.send(
          new PutCommand({ TableName: table.tableName, Item: { ...keys.profile(id), entity: "profile" } }),
        ),
      ),
    );
    await Promise.all(ids.map((id, i) => wakeUps.arm(id, new Date(base + i * 60_000))));
    // Re-arming replaces: the first applicant moves far into the future.
    await wakeUps.arm(ids[0] ?? "", new Date("2050-01-01T00:00:00.000Z"));

    const due = await wakeUps.listDue(new Date(base + 9 * 60_000));

    expect(due.map((w) => w.applicantId)).toEqual(ids.slice(1, 10));
    expect(due.map((w) => w.at.getTime())).toEqual(ids.slice(1, 10).map((_, i) => base + (i + 1) * 60_000));

    await wakeUps.disarm(ids[1] ?? "");
    expect(await wakeUps.disarmIfAt(ids[2] ?? "", new Date(base))).toBe(false);
    expect(await wakeUps.disarmIfAt(ids[2] ?? "", new Date(base + 2 * 60_000))).toBe(true);
    const after = await wakeUps.listDue(new Date(base + 9 * 60_000));
    expect(after.map((w) => w.applicantId)).toEqual(ids.slice(3, 10));

    // An applicant who is gone (erased meanwhile) gets no wake-up.
    const gone = `a_${randomUUID().replaceAll("-", "").slice(0, 26)}`;
    await wakeUps.arm(gone, new Date(base));
    expect((await wakeUps.listDue(new Date(base + 9 * 60_000))).map((w) => w.applicantId)).not.toContain(
      gone,
    );
  });
});

describe("applySubmission: one interview sent with different UTC offsets", () => {
  const local = {
    program: "Mercy General IM",
    startsAt: "2026-11-02T14:00:00-05:00",
    timezone: "America/New_York",
    format: "virtual" as const,
  };
  const utc = { ...local, startsAt: "2026-11-02T19:00:00Z" };

  it("keeps one interview when an update re-sends it at the same instant in UTC, under its stored id", async () => {
    const snapshot = snapshotFor(newExternalId(), { interviews: [local] });
    const { applicantId } = await store.intake.applySubmission(
      snapshot,
      source(snapshot.submissionId),
      receivedAt,
    );
    const update: MilestoneUpdate = {
      type: "milestone.update",
      submissionId: `sub-${randomUUID()}`,
      applicant: { externalId: snapshot.applicant.externalId },
      milestones: [],
      interviews: [utc],
    };

    await store.intake.applySubmission(update, source(update.submissionId), laterAt);

    const state = await store.applicants.loadApplicant(applicantId);
    expect(state?.interviews).toHaveLength(1);
    expect(state?.interviews[0]?.id).toBe(interviewIdFor(local.program, local.startsAt));
  });

  it("keeps the stored id when a snapshot re-sends it at the same instant in UTC", async () => {
    const snapshot = snapshotFor(newExternalId(), { interviews: [local] });
    const { applicantId } = await store.intake.applySubmission(
      snapshot,
      source(snapshot.submissionId),
      receivedAt,
    );
    const again = { ...snapshotFor(snapshot.applicant.externalId, { interviews: [utc] }) };

    await store.intake.applySubmission(again, source(again.submissionId), laterAt);

    const state = await store.applicants.loadApplicant(applicantId);
    expect(state?.interviews.map((interview) => interview.id)).toEqual([
      interviewIdFor(local.program, local.startsAt),
    ]);
  });
});

describe("applySubmission: a snapshot moves an interview it lists without an id", () => {
  const booked = {
    program: "Mercy General IM",
    startsAt: "2026-11-02T14:00:00-05:00",
    timezone: "America/New_York",
    format: "virtual" as const,
  };
  const movedTo = { ...booked, startsAt: "2026-11-09T10:00:00-05:00" };

  /** The interview's events in the applicant's feed, as a calendar app would read them. */
  function interviewEvents(state: Awaited<ReturnType<DynamoRepositories["applicants"]["loadApplicant"]>>) {
    if (state === undefined) throw new Error("no applicant");
    const feed = renderApplicantFeed({
      applicantId: state.profile.applicantId,
      timezone: state.profile.timezone,
      plan: plan(
        { applicant: state.profile, milestones: state.milestones, interviews: state.interviews },
        seasonCalendar(2027),
        new Date("2026-10-01T00:00:00Z"),
      ),
      interviews: state.interviews,
      updatedAt: state.changedAt ?? state.profile.updatedAt,
    });
    return feed
      .split("BEGIN:VEVENT")
      .slice(1)
      .filter((event) => event.includes("SUMMARY:Interview:"))
      .map((event) => ({
        uid: /\r\nUID:([^\r]+)/.exec(event)?.[1],
        start: /\r\nDTSTART[^:]*:([^\r]+)/.exec(event)?.[1],
        sequence: Number(/\r\nSEQUENCE:(\d+)/.exec(event)?.[1]),
      }));
  }

  it("keeps the interview's id, so the calendar updates one event (same UID, new time, higher SEQUENCE)", async () => {
    const first = snapshotFor(newExternalId(), { interviews: [booked] });
    const { applicantId } = await store.intake.applySubmission(first, source(first.submissionId), receivedAt);
    const before = await store.applicants.loadApplicant(applicantId);
    const again = snapshotFor(first.applicant.externalId, { interviews: [movedTo] });

    await store.intake.applySubmission(again, source(again.submissionId), laterAt);

    const after = await store.applicants.loadApplicant(applicantId);
    expect(after?.interviews).toEqual([{ ...movedTo, id: interviewIdFor(booked.program, booked.startsAt) }]);
    const [old] = interviewEvents(before);
    const events = interviewEvents(after);
    expect(events).toHaveLength(1);
    expect(events[0]?.uid).toBe(old?.uid);
    expect(events[0]?.start).toBe("20261109T100000");
    expect(events[0]?.sequence).toBeGreaterThan(old?.sequence ?? Number.POSITIVE_INFINITY);
  });

  it("still adds a second interview with the same program when the first stays listed", async () => {
    const first = snapshotFor(newExternalId(), { interviews: [booked] });
    const { applicantId } = await store.intake.applySubmission(first, source(first.submissionId), receivedAt);
    const again = snapshotFor(first.applicant.externalId, { interviews: [booked, movedTo] });

    await store.intake.applySubmission(again, source(again.submissionId), laterAt);

    const ids = (await store.applicants.loadApplicant(applicantId))?.interviews.map(
      (interview) => interview.id,
    );
    expect(ids?.sort()).toEqual(
      [
        interviewIdFor(booked.program, booked.startsAt),
        interviewIdFor(movedTo.program, movedTo.startsAt),
      ].sort(),
    );
  });
});
