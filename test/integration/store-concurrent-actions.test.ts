import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DynamoIntakeStore } from "#adapters/dynamodb/intake-store.ts";
import { applicantIdFor, keys } from "#adapters/dynamodb/keys.ts";
import { DynamoTable, type TransactItem } from "#adapters/dynamodb/table.ts";
import type { ApplicantSnapshot, MilestoneEntry, MilestoneKey, MilestoneUpdate } from "#domain/snapshot.ts";
import type { StepAction } from "#domain/step-actions.ts";
import { ConcurrentChangeError, InvalidInputError } from "#errors";
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

function snapshot(externalId: string, milestones?: ApplicantSnapshot["milestones"]): ApplicantSnapshot {
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
    milestones: milestones ?? [
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

async function newApplicant(
  externalId: string,
  racers: number,
  intake: IntakeStore = store.intake,
  at = now,
  milestones?: ApplicantSnapshot["milestones"],
) {
  await store.intake.applySubmission(
    snapshot(externalId, milestones),
    { provider: "test", submissionId: externalId },
    at,
  );
  const applicantId = applicantIdFor(externalId);
  const deps: StepActionDeps = {
    applicants: racingReads(racers),
    intake,
    clock: { now: () => at },
    planning: domainPlanning,
    keyring: async () => keyring,
  };
  const token = (milestone: MilestoneKey, action: StepAction) =>
    createLinkToken(
      keyring,
      { purpose: "action", applicantId, milestone, action, expiresAt: new Date(at.getTime() + 86_400_000) },
      at,
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

/** Every step of the 2027 season done up to a rank list certified on 10 Feb 2027. */
const RANKED: ApplicantSnapshot["milestones"] = [
  ...(
    [
      "wdoms_listing",
      "ecfmg_application",
      "usmle_step1",
      "usmle_step2ck",
      "oet_medicine",
      "ecfmg_pathway",
      "ecfmg_certification",
      "usce",
      "lors",
      "personal_statement",
      "cv",
      "program_list",
      "eras_token",
      "eras_application",
      "nrmp_registration",
    ] as const
  ).map((key) => ({ key, status: "done" as const, date: "2026-09-01" })),
  { key: "rank_order_list", status: "done", date: "2027-02-10" },
];

describe("Match Week's two answers tapped at the same moment", () => {
  it("Matched and I'm in SOAP: the first written is kept, the other is refused and writes nothing", async () => {
    // Each checked the other unanswered; one after the other the second is refused, and at once
    // both were recorded, which the plan then read as a partial match steering her into SOAP.
    const releasedAt = new Date("2027-03-15T15:00:00.000Z");
    const applicant = await newApplicant("race-matched-soap", 2, doneWrittenFirst(), releasedAt, RANKED);
    const matched = applicant.tap("match_week", "done");
    const inSoap = applicant.tap("soap", "start");
    const [matchedAnswer, soapAnswer] = await Promise.all([matched.result, inSoap.result]);

    expect(matchedAnswer).toBe("recorded");
    expect(soapAnswer).toBeInstanceOf(InvalidInputError);
    expect(String((soapAnswer as InvalidInputError).message)).toContain("You already told us you matched");
    expect(await applicant.milestone("match_week")).toMatchObject({ status: "done" });
    expect(await applicant.milestone("soap")).toBeUndefined();
    expect(await applicant.recordKept(inSoap.linkToken)).toBe(false);
  });
});

describe("a milestone decided on and not written, changed just before the write", () => {
  it("the write is refused as a concurrent change, and nothing of it lands", async () => {
    // The store re-reads the applicant before it writes; this other answer lands after that read,
    // inside the one gap the read cannot see, so only the transaction's own check can refuse.
    const releasedAt = new Date("2027-03-15T15:00:00.000Z");
    const applicant = await newApplicant("race-in-transaction", 0, store.intake, releasedAt, RANKED);
    const real = new DynamoTable({ client: table.doc, tableName: table.tableName });
    let otherAnswerLanded = false;
    const lateAnswer = new Proxy(real, {
      get(target, property, receiver) {
        if (property !== "transact") return Reflect.get(target, property, receiver);
        return async (items: TransactItem[]) => {
          if (!otherAnswerLanded) {
            otherAnswerLanded = true;
            await store.intake.applySubmission(
              {
                type: "milestone.update",
                submissionId: "matched-elsewhere",
                applicant: { externalId: "race-in-transaction" },
                milestones: [{ key: "match_week", status: "done", date: "2027-03-15" }],
              },
              { provider: "test", submissionId: "matched-elsewhere" },
              releasedAt,
            );
          }
          return target.transact(items);
        };
      },
    });
    const inSoap: MilestoneUpdate = {
      type: "milestone.update",
      submissionId: "in-soap",
      applicant: { externalId: "race-in-transaction" },
      milestones: [{ key: "soap", status: "in_progress" }],
    };
    const decidedOn = new Map<MilestoneKey, MilestoneEntry | undefined>([
      ["soap", undefined],
      ["match_week", undefined],
    ]);

    await expect(
      new DynamoIntakeStore(lateAnswer).applySubmission(
        inSoap,
        { provider: "link", submissionId: "in-soap", decidedOn },
        releasedAt,
      ),
    ).rejects.toThrow(ConcurrentChangeError);
    expect(otherAnswerLanded).toBe(true);
    expect(await applicant.milestone("match_week")).toMatchObject({ status: "done" });
    expect(await applicant.milestone("soap")).toBeUndefined();
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
