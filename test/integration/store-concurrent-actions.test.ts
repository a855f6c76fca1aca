import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicantIdFor, keys } from "#adapters/dynamodb/keys.ts";
import type { ApplicantSnapshot, MilestoneKey } from "#domain/snapshot.ts";
import type { StepAction } from "#domain/step-actions.ts";
import { createLinkToken, parseKeyring } from "#links/link-token.ts";
import type { ApplicantRepository } from "#ports/applicants.ts";
import type { IntakeStore } from "#ports/intake-store.ts";
import { type DynamoRepositories, dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import type { ActionForm } from "#usecases/step-action-entry.ts";
import { applyStepAction, previewStepAction, type StepActionDeps } from "#usecases/step-actions.ts";
import { startTestTable, type TestTable } from "./support/dynamodb.ts";

// Two different one-tap actions on one step at the same moment must not both answer
// "Recorded" while only one survives. Each race here is forced: both POSTs read the applicant
// before either writes (a barrier on the first two reads), the interleaving that lost an update.

let table: TestTable;
let store: DynamoRepositories;
const now = new Date("2026-06-01T09:00:00.000Z");
const keyring = parseKeyring(`k1=${"r".repeat(40)}`);

beforeAll(async () => {
  table = await startTestTable("race");
  store = dynamoRepositories({ client: table.doc, tableName: table.tableName });
});

afterAll(async () => {
  await table?.stop();
});

function snapshot(externalId: string): ApplicantSnapshot {
  return {
    type: "applicant.snapshot",
    submissionId: `sub-${externalId}`,
    applicant: {
      externalId,
      email: `${externalId}@example.org`,
      fullName: "Amaka Obi",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      visa: "J-1",
      graduation: "2024-07-15",
      medicalSchool: { name: "University of Lagos", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 80,
    },
    milestones: [
      { key: "usmle_step1", status: "done", date: "2025-05-02" },
      { key: "usmle_step2ck", status: "in_progress" },
      { key: "personal_statement", status: "in_progress" },
    ],
    interviews: [],
  };
}

/** The repository, with its first `racers` reads held until all of them have read. */
function racingReads(racers: number): ApplicantRepository {
  let waiting: (() => void)[] = [];
  let held = 0;
  return new Proxy(store.applicants, {
    get(target, property, receiver) {
      if (property !== "loadApplicant") return Reflect.get(target, property, receiver);
      return async (applicantId: string) => {
        const state = await target.loadApplicant(applicantId);
        if (held < racers) {
          held++;
          await new Promise<void>((release) => {
            waiting.push(release);
            if (waiting.length === racers) {
              for (const go of waiting) go();
              waiting = [];
            }
          });
        }
        return state;
      };
    },
  });
}

/** The intake store, with every write but a Done's held until a Done has been written. */
function doneWrittenFirst(): IntakeStore {
  let doneWritten: () => void = () => undefined;
  const written = new Promise<void>((resolve) => {
    doneWritten = resolve;
  });
  return {
    async applySubmission(submission, source, receivedAt) {
      const isDone = submission.type === "milestone.update" && submission.milestones[0]?.status === "done";
      if (!isDone) await written;
      const result = await store.intake.applySubmission(submission, source, receivedAt);
      if (isDone) doneWritten();
      return result;
    },
  };
}

async function newApplicant(externalId: string, racers: number, intake: IntakeStore = store.intake) {
  await store.intake.applySubmission(
    snapshot(externalId),
    { provider: "test", submissionId: externalId },
    now,
  );
  const applicantId = applicantIdFor(externalId);
  const deps: StepActionDeps = {
    applicants: racingReads(racers),
    intake,
    clock: { now: () => now },
    planning: domainPlanning,
    keyring: async () => keyring,
  };
  const token = (milestone: MilestoneKey, action: StepAction) =>
    createLinkToken(
      keyring,
      { purpose: "action", applicantId, milestone, action, expiresAt: new Date(now.getTime() + 86_400_000) },
      now,
    );
  const tap = (milestone: MilestoneKey, action: StepAction, form: ActionForm = {}) => {
    const linkToken = token(milestone, action);
    return {
      linkToken,
      result: applyStepAction(applicantId, linkToken, form, deps).then(
        (applied) => applied.outcome,
        (error: unknown) => error,
      ),
    };
  };
  const milestone = async (key: MilestoneKey) =>
    (await store.applicants.loadApplicant(applicantId))?.milestones.find((entry) => entry.key === key);
  const recordKept = async (linkToken: string) => {
    const { claims } = await previewStepAction(applicantId, linkToken, {
      ...deps,
      applicants: store.applicants,
    });
    const stored = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.submission("link", `link-${claims.nonce}`) }),
    );
    return stored.Item !== undefined;
  };
  return { applicantId, deps, tap, milestone, recordKept };
}

describe("two different taps on one step at the same moment", () => {
  it("Done and Snooze: the step ends done and each answer is true", async () => {
    // Both read the step open; the Done is written first, the Snooze after it: the lost update.
    // USCE, whose next reminder is the next morning: Snooze is offered only where it silences a
    // reminder, and the personal statement's next one is in September.
    const applicant = await newApplicant("race-done-snooze", 2, doneWrittenFirst());
    const preview = await previewStepAction(
      applicant.applicantId,
      applicant.tap("usce", "snooze").linkToken,
      { ...applicant.deps, applicants: store.applicants },
    );
    const days = String(preview.snoozeOptions[0]?.days);
    expect(preview.snoozeOptions.length).toBeGreaterThan(0);

    const done = applicant.tap("usce", "done");
    const snooze = applicant.tap("usce", "snooze", { days });
    const [doneAnswer, snoozeAnswer] = await Promise.all([done.result, snooze.result]);

    expect(doneAnswer).toBe("recorded");
    expect(await applicant.milestone("usce")).toEqual({
      key: "usce",
      status: "done",
      date: "2026-06-01",
    });
    // The Snooze was decided again on the done step and answers what its GET says there ("already
    // recorded", nothing to snooze), writing nothing, and its token was not
    // spent: never "Recorded" for a lost change.
    expect(snoozeAnswer).toBe("already-recorded");
    expect(await applicant.recordKept(snooze.linkToken)).toBe(false);
    expect(await applicant.recordKept(done.linkToken)).toBe(true);
    // The same Done link again: "already recorded", and it is.
    const again = await applyStepAction(applicant.applicantId, done.linkToken, {}, applicant.deps);
    expect(again.outcome).toBe("already-recorded");
    expect(await applicant.milestone("usce")).toMatchObject({ status: "done" });
  });

  it("Done and Scheduled for…: the Done written first is kept, the date is not recorded over it", async () => {
    // A Scheduled for… decided on the open step and written after a Done
    // turned the passed exam back into "scheduled". Decided again on the done step, it records
    // nothing (before: both answered "recorded" and the milestone reached version 3, scheduled).
    const applicant = await newApplicant("race-done-schedule", 2, doneWrittenFirst());
    const done = applicant.tap("usmle_step2ck", "done");
    const schedule = applicant.tap("usmle_step2ck", "schedule", { date: "2026-07-20" });
    const [doneAnswer, scheduleAnswer] = await Promise.all([done.result, schedule.result]);

    expect([doneAnswer, scheduleAnswer]).toEqual(["recorded", "already-recorded"]);
    expect(await applicant.recordKept(done.linkToken)).toBe(true);
    expect(await applicant.recordKept(schedule.linkToken)).toBe(false);
    // Only the Done was written: the snapshot wrote version 1, the Done version 2.
    const item = await table.doc.send(
      new GetCommand({
        TableName: table.tableName,
        Key: keys.milestone(applicant.applicantId, "usmle_step2ck"),
      }),
    );
    expect(item.Item?.version).toBe(2);
    expect(item.Item?.milestone).toEqual({ key: "usmle_step2ck", status: "done", date: "2026-06-01" });
  });
});

describe("two genuine Done links for one step", () => {
  it("the second records nothing and the first date stays", async () => {
    const applicant = await newApplicant("two-done-links", 0);
    const first = applicant.tap("usmle_step2ck", "done");
    expect(await first.result).toBe("recorded");
    // Another email's Done for the same step, three days later.
    const later: StepActionDeps = {
      ...applicant.deps,
      clock: { now: () => new Date(now.getTime() + 3 * 86_400_000) },
    };
    const second = createLinkToken(
      keyring,
      {
        purpose: "action",
        applicantId: applicant.applicantId,
        milestone: "usmle_step2ck",
        action: "done",
        expiresAt: new Date(now.getTime() + 30 * 86_400_000),
      },
      now,
    );

    const again = await applyStepAction(applicant.applicantId, second, {}, later);

    expect(again.outcome).toBe("already-recorded");
    expect(await applicant.recordKept(second)).toBe(false);
    const item = await table.doc.send(
      new GetCommand({
        TableName: table.tableName,
        Key: keys.milestone(applicant.applicantId, "usmle_step2ck"),
      }),
    );
    expect(item.Item?.version).toBe(2);
    expect(item.Item?.milestone).toEqual({ key: "usmle_step2ck", status: "done", date: "2026-06-01" });
  });
});
