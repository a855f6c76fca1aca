import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import type { Mailer } from "#ports/mailer.ts";
import { dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { escalate } from "#usecases/escalation-send.ts";
import { step2Applicant, type TestApplicant } from "./support/applicants.ts";
import {
  advanceClock,
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  postWebhook,
  storedPlan,
  uniqueSuffix,
} from "./support/local-stack.ts";

/**
 * Escalation caused by time alone, on the local stack: nothing is posted and nobody acts,
 * the clock moves past the moment programs start reviewing ERAS applications (2026-09-23 13:00 UTC
 * in the projected 2027 calendar, also the ERAS application's deadline), and the consenting
 * applicant's advisor hears once. Before this, the wake-up after the last reminder rung stored the
 * plan without escalating and nothing woke at the deadline, so the advisor heard nothing.
 */
const RISK_SUBJECT =
  "Matchpath: Priya Raman needs attention: ERAS application not submitted while programs review";

/** A J-1 applicant with every step done but the ERAS application (and the season's later steps). */
async function erasNotSubmitted(advisorEmail: string, consent: boolean): Promise<TestApplicant> {
  const applicant = step2Applicant();
  const snapshot = applicant.snapshot;
  snapshot.applicant.advisorEmail = advisorEmail;
  if (consent) snapshot.applicant.escalateToAdvisor = true;
  snapshot.milestones = snapshot.milestones
    .filter((entry) => entry.key !== "eras_application")
    .map(
      (entry): MilestoneEntry =>
        entry.key === "usmle_step2ck" ? { key: "usmle_step2ck", status: "done", date: "2026-05-20" } : entry,
    );
  expect((await postWebhook(snapshot)).status).toBe(202);
  return applicant;
}

const client = new DynamoDBClient({
  endpoint: inject("dynamodbEndpoint"),
  region: "us-east-1",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const store = dynamoRepositories({
  client: DynamoDBDocumentClient.from(client),
  tableName: inject("tableName"),
});
afterAll(() => client.destroy());

describe("escalation caused by time alone, on the local stack", () => {
  it("emails the advisor exactly once when a critical deadline passes with no activity, and never without consent", async () => {
    await clockTo("2026-09-01T00:00:00Z");
    const advisor = `advisor.${uniqueSuffix()}@advisors.example`;
    const otherAdvisor = `advisor.${uniqueSuffix()}@advisors.example`;
    const consenting = await erasNotSubmitted(advisor, true);
    const silent = await erasNotSubmitted(otherAdvisor, false);
    await drainStream();
    expect(await emailsTo(advisor)).toEqual([]);
    // The one wake-up comes no later than just after the deadline, for the advisor's sake.
    const wakeUpAt = (await storedPlan(consenting.applicantId))?.summary?.wakeUpAt;
    expect(wakeUpAt !== undefined && wakeUpAt <= "2026-09-23T13:00:01.000Z").toBe(true);

    // Only the clock moves: the applicant's own reminder rungs fire, then the deadline passes.
    await clockTo("2026-09-24T00:00:00Z");
    const [email, ...more] = await emailsTo(advisor);
    expect(more).toEqual([]);
    expect(email?.subject).toBe(RISK_SUBJECT);
    expect(email?.body.text).toContain(`/console#/applicants/${consenting.applicantId}`);
    const ledger = (await applicantState(consenting.applicantId))?.ledger ?? [];
    expect(ledger.filter((entry) => entry.reminderId.startsWith("escalation:"))).toEqual([
      expect.objectContaining({
        reminderId: "escalation:2027:risk:ERAS_LATE_SUBMISSION",
        status: "sent",
        messageId: email?.messageId,
        // Seconds after the deadline: the local clock runs on while the wake-up is handled, by
        // 2 s on a loaded 2-core machine, so the second is not pinned.
        sentAt: expect.stringMatching(/^2026-09-23T13:00:0\d/),
      }),
    ]);

    // More time, more wake-ups and re-plans: nothing more to tell until something new happens.
    await advanceClock("P14D");
    expect(await emailsTo(advisor)).toHaveLength(1);
    expect(await emailsTo(otherAdvisor)).toEqual([]);
    // The silent applicant's plan has the same critical risk: only consent made the difference.
    expect((await storedPlan(silent.applicantId))?.summary?.cohort?.risks.codes).toContain(
      "ERAS_LATE_SUBMISSION",
    );
  });

  it("retries an escalation whose sender died after claiming it, once, by the timer its retry armed", async () => {
    await clockTo("2026-09-01T00:00:00Z");
    const advisor = `advisor.${uniqueSuffix()}@advisors.example`;
    const applicant = await erasNotSubmitted(advisor, true);
    await drainStream();
    await clockTo("2026-09-23T12:59:00Z");

    // A sender at the deadline claims the escalation and dies before SES is called: the claim is
    // in the table, nothing is sent, nothing is released, and the plan is not stored.
    const diedAt = new Date("2026-09-23T13:00:01.000Z");
    const state = await store.applicants.loadApplicant(applicant.applicantId);
    if (state === undefined) throw new Error("the applicant was not stored");
    const dyingAfterClaim = {
      claimReminders: async (...args: Parameters<typeof store.ledger.claimReminders>) => {
        await store.ledger.claimReminders(...args);
        throw new Error("the process is gone");
      },
      markRemindersSent: () => Promise.reject(new Error("the process is gone")),
      markRemindersWithheld: () => Promise.reject(new Error("the process is gone")),
      releaseClaims: () => Promise.reject(new Error("the process is gone")),
    };
    const mailer: Mailer = { send: () => Promise.reject(new Error("never reached")) };
    await expect(
      escalate(state, domainPlanning.plan(state, diedAt), diedAt, {
        ledger: dyingAfterClaim,
        suppression: store.suppression,
        mailer,
        consoleUrl: (id) => `http://127.0.0.1/console#/applicants/${id}`,
      }),
    ).rejects.toThrow("the process is gone");
    const left = (await store.applicants.loadApplicant(applicant.applicantId))?.ledger ?? [];
    expect(left.filter((entry) => entry.reminderId.startsWith("escalation:"))).toEqual([
      expect.objectContaining({ reminderId: "escalation:2027:risk:ERAS_LATE_SUBMISSION", status: "claimed" }),
    ]);

    // The scheduled wake-up at the deadline (the redelivery) finds the claim live and sends nothing,
    await clockTo("2026-09-23T13:05:00Z");
    expect(await emailsTo(advisor)).toEqual([]);
    const armed = (await storedPlan(applicant.applicantId))?.summary?.wakeUpAt;
    expect(armed).toBe("2026-09-23T13:15:02.000Z");
    // but arms the timer: just after the claim goes stale, the escalation goes out, once.
    await clockTo("2026-09-23T13:20:00Z");
    const [email, ...more] = await emailsTo(advisor);
    expect(more).toEqual([]);
    expect(email?.subject).toBe(RISK_SUBJECT);
    await advanceClock("P7D");
    expect(await emailsTo(advisor)).toHaveLength(1);
    const ledger = (await applicantState(applicant.applicantId))?.ledger ?? [];
    expect(ledger.filter((entry) => entry.reminderId.startsWith("escalation:"))).toEqual([
      expect.objectContaining({ reminderId: "escalation:2027:risk:ERAS_LATE_SUBMISSION", status: "sent" }),
    ]);
  });
});
