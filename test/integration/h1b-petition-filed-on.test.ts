import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicantIdFor } from "#adapters/dynamodb/keys.ts";
import type { ApplicantSnapshot, MilestoneKey } from "#domain/snapshot.ts";
import type { StepAction } from "#domain/step-actions.ts";
import { InvalidInputError } from "#errors";
import { createLinkToken, parseKeyring } from "#links/link-token.ts";
import { type DynamoRepositories, dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applyStepAction, type StepActionDeps } from "#usecases/step-actions.ts";
import { startTestTable, type TestTable } from "./support/dynamodb.ts";

// The H-1B petition's "Filed on…" records the petition in progress with the day the program filed
// it, through the same use case and store as every one-tap action: the plan then counts USCIS's
// wait from that day. Its Done (USCIS's approval) comes after it, and the older Filed on… link then
// records nothing over the approval.

let table: TestTable;
let store: DynamoRepositories;
const now = new Date("2027-04-24T07:00:00.000Z");
const keyring = parseKeyring(`k1=${"h".repeat(40)}`);

beforeAll(async () => {
  table = await startTestTable("filed-on");
  store = dynamoRepositories({ client: table.doc, tableName: table.tableName });
});

afterAll(async () => {
  await table?.stop();
});

/** Lagos, H-1B, Step 3 passed, matched on 19 Mar 2027, contract signed 6 Apr, petition not reported. */
function snapshot(externalId: string): ApplicantSnapshot {
  return {
    type: "applicant.snapshot",
    submissionId: `sub-${externalId}`,
    applicant: {
      externalId,
      email: `${externalId}@example.org`,
      fullName: "Chidi Eze",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      visa: "H-1B",
      graduation: "2025-06-30",
      medicalSchool: { name: "University of Lagos", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 60,
    },
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2025-01-10" },
      { key: "ecfmg_application", status: "done", date: "2025-02-01" },
      { key: "usmle_step1", status: "done", date: "2025-08-01" },
      { key: "usmle_step2ck", status: "done", date: "2026-03-01", score: 245 },
      { key: "oet_medicine", status: "done", date: "2026-01-20" },
      { key: "ecfmg_pathway", status: "done", date: "2026-04-01" },
      { key: "ecfmg_certification", status: "done", date: "2026-06-01" },
      { key: "eras_application", status: "done", date: "2026-09-05" },
      { key: "nrmp_registration", status: "done", date: "2026-09-20" },
      { key: "usmle_step3", status: "done", date: "2027-01-10", score: 225 },
      { key: "rank_order_list", status: "done", date: "2027-02-20" },
      { key: "match_week", status: "done", date: "2027-03-15" },
      { key: "match_day", status: "done", date: "2027-03-19" },
      { key: "contract", status: "done", date: "2027-04-06" },
    ],
    interviews: [],
  };
}

describe("the H-1B petition's Filed on… through the store", () => {
  it("records the filing day, then Done the approval, and the old Filed on… link records nothing over it", async () => {
    const externalId = "filed-on-then-approved";
    await store.intake.applySubmission(
      snapshot(externalId),
      { provider: "test", submissionId: externalId },
      now,
    );
    const applicantId = applicantIdFor(externalId);
    const deps: StepActionDeps = {
      applicants: store.applicants,
      intake: store.intake,
      clock: { now: () => now },
      planning: domainPlanning,
      keyring: async () => keyring,
    };
    const token = (milestone: MilestoneKey, action: StepAction) =>
      createLinkToken(
        keyring,
        {
          purpose: "action",
          applicantId,
          milestone,
          action,
          expiresAt: new Date(now.getTime() + 86_400_000),
        },
        now,
      );
    const petition = async () =>
      (await store.applicants.loadApplicant(applicantId))?.milestones.find(
        (entry) => entry.key === "visa_h1b",
      );

    const filedOn = token("visa_h1b", "start");
    // A day ahead is no filing: refused, nothing written.
    await expect(applyStepAction(applicantId, filedOn, { date: "2027-04-25" }, deps)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(await petition()).toBeUndefined();

    const filed = await applyStepAction(applicantId, filedOn, { date: "2027-04-22" }, deps);
    expect(filed.outcome).toBe("recorded");
    expect(await petition()).toMatchObject({ key: "visa_h1b", status: "in_progress", date: "2027-04-22" });
    // The plan reads it as the filing: the petition is due by USCIS's approval 15 business days later.
    const state = await store.applicants.loadApplicant(applicantId);
    if (!state) throw new Error("no applicant");
    const row = domainPlanning.plan(state, now).nextSteps.find((step) => step.milestone === "visa_h1b");
    expect(row?.deadline?.day).toBe("2027-05-13");

    const approved = await applyStepAction(applicantId, token("visa_h1b", "done"), {}, deps);
    expect(approved.outcome).toBe("recorded");
    expect(await petition()).toMatchObject({ status: "done", date: "2027-04-24" });

    const old = await applyStepAction(applicantId, token("visa_h1b", "start"), { date: "2027-04-22" }, deps);
    expect(old.outcome).toBe("already-recorded");
    expect(await petition()).toMatchObject({ status: "done", date: "2027-04-24" });
  });
});
