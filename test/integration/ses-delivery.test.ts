import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DynamoEmailLedger } from "#adapters/dynamodb/email-ledger.ts";
import type { EmailFeedback } from "#ports/email-feedback.ts";
import { recordEmailEvent } from "#usecases/record-email-event.ts";
import { step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { consoleRequest, HELEN, signIn } from "./support/console.ts";
import {
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  onlyOne,
  postWebhook,
  storedPlan,
} from "./support/local-stack.ts";

/**
 * SES Delivery events on the local stack (the advisor reads each last email's delivery outcome): the
 * local SES feedback publishes "Email Delivered" for every accepted message, as SES does; the
 * ses-events use case marks the ledger entries "delivered" and the cohort row's last email; a
 * bounce or complaint that arrives before or after the delivery is never hidden by it.
 */
describe("SES delivery outcomes on the ledger and in the console", () => {
  let documents: DynamoDBDocumentClient;
  let helen: string;
  let applicant: TestApplicant;
  let messageId: string;

  const ledgerOutcomes = async () =>
    ((await applicantState(applicant.applicantId))?.ledger ?? [])
      .filter((entry) => entry.messageId === messageId)
      .map((entry) => entry.delivery);
  const cohortOutcome = async () =>
    (await storedPlan(applicant.applicantId))?.summary?.cohort?.lastEmail?.outcome;

  async function feedback(event: EmailFeedback) {
    return recordEmailEvent(event, {
      suppression: { suppress: async () => undefined },
      ledger: new DynamoEmailLedger({ client: documents, tableName: inject("tableName") }),
      events: { publish: async () => undefined },
    });
  }

  beforeAll(async () => {
    documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: inject("dynamodbEndpoint"),
        region: "us-east-1",
        credentials: { accessKeyId: "local", secretAccessKey: "local" },
      }),
    );
    helen = await signIn(HELEN);
    await clockTo("2026-06-01T00:00:00Z");
    applicant = step2Applicant();
    applicant.snapshot.applicant.advisorEmail = HELEN;
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
    await clockTo("2026-08-07T00:00:00Z");
    messageId = onlyOne(await emailsTo(applicant.email)).messageId;
  });

  afterAll(() => documents.destroy());

  it("marks the sent reminder delivered on the ledger, the cohort row and the applicant page", async () => {
    const outcomes = await ledgerOutcomes();
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((outcome) => outcome === "delivered")).toBe(true);
    expect(await cohortOutcome()).toBe("delivered");
    const page = await consoleRequest(`/console/applicants/${applicant.applicantId}`, { token: helen });
    const ledger = page.body.slice(page.body.indexOf('id="notices"'), page.body.indexOf('id="intake"'));
    expect(ledger).toContain("<td>delivered</td>");
  });

  it("a later bounce replaces delivered; a delivery arriving after it (out of order) does not hide it", async () => {
    const bounced = await feedback({
      kind: "bounce",
      bounceType: "Permanent",
      recipients: [applicant.email],
      messageId,
      applicantId: applicant.applicantId,
      at: new Date("2026-08-06T03:40:00Z"),
    });
    expect(bounced.ledgerEntries).toBeGreaterThan(0);
    expect(new Set(await ledgerOutcomes())).toEqual(new Set(["bounced"]));
    expect(await cohortOutcome()).toBe("bounced");

    const late = await feedback({
      kind: "delivery",
      recipients: [applicant.email],
      messageId,
      applicantId: applicant.applicantId,
      at: new Date("2026-08-06T03:45:00Z"),
    });
    expect(late).toMatchObject({ outcome: "recorded", ledgerEntries: 0 });
    expect(new Set(await ledgerOutcomes())).toEqual(new Set(["bounced"]));
    expect(await cohortOutcome()).toBe("bounced");
  });

  it("a complaint outranks the bounce; the same complaint again changes nothing", async () => {
    const complaint: EmailFeedback = {
      kind: "complaint",
      recipients: [applicant.email],
      messageId,
      applicantId: applicant.applicantId,
      at: new Date("2026-08-06T04:00:00Z"),
    };
    await feedback(complaint);
    await feedback(complaint);
    expect(new Set(await ledgerOutcomes())).toEqual(new Set(["complained"]));
    expect(await cohortOutcome()).toBe("complained");
  });
});
