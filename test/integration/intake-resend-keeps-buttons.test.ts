import { readFileSync } from "node:fs";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicantIdFor, keys } from "#adapters/dynamodb/keys.ts";
import type { ApplicantSnapshot, MilestoneEntry, MilestoneUpdate } from "#domain/snapshot.ts";
import { type DynamoRepositories, dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { startTestTable, type TestTable } from "./support/dynamodb.ts";

// Replayed on DynamoDB Local: Farzana's form lists her rank list in progress; by email
// buttons she marks it done, answers "Not matched: I'm in SOAP", accepts a SOAP offer and snoozes
// her Statement of Need. She then sends the same form again with one profile field changed. The
// snapshot used to write each listed step whole and delete every unlisted one, so all four answers
// were lost and she was chased for "where you matched". Now only an answer changed on the form wins.

const FIXTURE = new URL("../fixtures/intake-resend/dhaka-j1-soap-2027.json", import.meta.url);
const form = JSON.parse(readFileSync(FIXTURE, "utf8")) as ApplicantSnapshot;
const applicantId = applicantIdFor(form.applicant.externalId);

let table: TestTable;
let store: DynamoRepositories;

beforeAll(async () => {
  table = await startTestTable("resend");
  store = dynamoRepositories({ client: table.doc, tableName: table.tableName });
});

afterAll(async () => {
  await table?.stop();
});

/** The form as sent again: a new submission id, the same answers unless `milestones` changes them. */
function resent(submissionId: string, change: Partial<ApplicantSnapshot> = {}): ApplicantSnapshot {
  return {
    ...form,
    submissionId,
    applicant: { ...form.applicant, programsPlanned: 75 },
    ...change,
  };
}

/** A one-tap button's write: a milestone.update through the same intake. */
function tap(nonce: string, ...milestones: MilestoneEntry[]): MilestoneUpdate {
  return {
    type: "milestone.update",
    submissionId: `link-${nonce}`,
    applicant: { externalId: form.applicant.externalId },
    milestones,
  };
}

async function milestones(): Promise<Map<string, MilestoneEntry>> {
  const state = await store.applicants.loadApplicant(applicantId);
  return new Map((state?.milestones ?? []).map((entry) => [entry.key, entry]));
}

async function storedItem(key: string) {
  const got = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: keys.milestone(applicantId, key as "soap") }),
  );
  return got.Item;
}

const rankListDone: MilestoneEntry = { key: "rank_order_list", status: "done", date: "2027-02-20" };
const matchWeekNotMatched: MilestoneEntry = { key: "match_week", status: "done", date: "2027-03-15" };
const soapAccepted: MilestoneEntry = { key: "soap", status: "done", date: "2027-03-17" };
const statementSnoozed: MilestoneEntry = {
  key: "j1_statement_of_need",
  status: "in_progress",
  snoozedUntil: "2027-04-12",
};

describe("sending the intake form again", () => {
  it("keeps every answer recorded by buttons when the form's answers did not change", async () => {
    const link = (nonce: string) => ({ provider: "link", submissionId: `link-${nonce}` });
    await store.intake.applySubmission(
      form,
      { provider: "test", submissionId: form.submissionId },
      new Date("2026-12-01T03:00:00Z"),
    );
    await store.intake.applySubmission(
      tap("rol", rankListDone),
      link("rol"),
      new Date("2027-02-20T05:00:00Z"),
    );
    await store.intake.applySubmission(
      tap("soap-in", matchWeekNotMatched, { key: "soap", status: "in_progress" }),
      link("soap-in"),
      new Date("2027-03-15T15:00:00Z"),
    );
    await store.intake.applySubmission(
      tap("soap-done", soapAccepted),
      link("soap-done"),
      new Date("2027-03-17T14:00:00Z"),
    );
    await store.intake.applySubmission(
      tap("snooze", statementSnoozed),
      link("snooze"),
      new Date("2027-04-05T03:00:00Z"),
    );
    // The button carried the form's entry forward: the next snapshot still knows what the form said.
    expect((await storedItem("rank_order_list"))?.formEntry).toEqual({
      key: "rank_order_list",
      status: "in_progress",
    });
    const beforeResend = await storedItem("rank_order_list");

    const result = await store.intake.applySubmission(
      resent("fixr-dhaka-2"),
      { provider: "test", submissionId: "fixr-dhaka-2" },
      new Date("2027-04-06T03:00:00Z"),
    );

    expect(result.outcome).toBe("updated");
    const after = await milestones();
    expect(after.get("rank_order_list")).toEqual(rankListDone);
    expect(after.get("match_week")).toEqual(matchWeekNotMatched);
    expect(after.get("soap")).toEqual(soapAccepted);
    expect(after.get("j1_statement_of_need")).toEqual(statementSnoozed);
    // Not rewritten at all: no stream record, so no re-plan from an unchanged step.
    expect(await storedItem("rank_order_list")).toEqual(beforeResend);
    const state = await store.applicants.loadApplicant(applicantId);
    expect(state?.profile.programsPlanned).toBe(75);
  });

  it("lets the form win on a step whose answer the applicant changed there", async () => {
    const onForm: MilestoneEntry = { key: "rank_order_list", status: "done", date: "2027-02-18" };
    const others = form.milestones.filter((entry) => entry.key !== "rank_order_list");
    await store.intake.applySubmission(
      resent("fixr-dhaka-3", { milestones: [...others, onForm] }),
      { provider: "test", submissionId: "fixr-dhaka-3" },
      new Date("2027-04-07T03:00:00Z"),
    );
    const after = await milestones();
    expect(after.get("rank_order_list")).toEqual(onForm);
    expect(after.get("soap")).toEqual(soapAccepted);
    expect((await storedItem("rank_order_list"))?.formEntry).toEqual(onForm);
  });

  it("deletes a step the form listed before and now leaves out, and keeps the buttons' steps", async () => {
    const withoutUsce = resent("fixr-dhaka-4", {
      milestones: [
        ...form.milestones.filter((entry) => entry.key !== "rank_order_list" && entry.key !== "usce"),
        { key: "rank_order_list", status: "done", date: "2027-02-18" },
      ],
    });
    await store.intake.applySubmission(
      withoutUsce,
      { provider: "test", submissionId: "fixr-dhaka-4" },
      new Date("2027-04-08T03:00:00Z"),
    );
    const after = await milestones();
    expect(after.has("usce")).toBe(false);
    expect(after.get("soap")).toEqual(soapAccepted);
    expect(after.get("match_week")).toEqual(matchWeekNotMatched);
    expect(after.get("j1_statement_of_need")).toEqual(statementSnoozed);
  });

  it("treats a milestone stored before formEntry existed as before when listed, and keeps it when not", async () => {
    // Items written before this change have no formEntry: the form's entry wins, as it did then,
    // and the item learns it; an unlisted one is kept, since nothing says the form ever listed it.
    const legacy = (milestone: MilestoneEntry) =>
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.milestone(applicantId, milestone.key),
          entity: "milestone",
          applicantId,
          milestone,
          version: 1,
        },
      });
    await table.doc.send(legacy({ key: "cv", status: "in_progress" }));
    await table.doc.send(legacy({ key: "research", status: "done", date: "2026-01-10" }));
    await store.intake.applySubmission(
      resent("fixr-dhaka-5"),
      { provider: "test", submissionId: "fixr-dhaka-5" },
      new Date("2027-04-09T03:00:00Z"),
    );
    const after = await milestones();
    expect(after.get("cv")).toEqual({ key: "cv", status: "done", date: "2026-08-18" });
    expect((await storedItem("cv"))?.formEntry).toEqual({ key: "cv", status: "done", date: "2026-08-18" });
    expect(after.get("research")).toEqual({ key: "research", status: "done", date: "2026-01-10" });
  });
});
