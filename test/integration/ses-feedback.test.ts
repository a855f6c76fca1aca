import { beforeEach, describe, expect, it } from "vitest";
import { SIMULATOR_ADDRESSES } from "#local/ses-feedback.ts";
import { STEP2_FIRST_REMINDER_AT, step2Applicant, type TestApplicant } from "./support/applicants.ts";
import {
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  onlyOne,
  postWebhook,
  stack,
} from "./support/local-stack.ts";

/**
 * The suppression path end to end on the local stack: a reminder to an SES mailbox-simulator
 * address comes back as the EventBridge event SES would publish, the ses-events handler suppresses
 * the address and marks the ledger, and the next reminder is not sent. The applicant's Step 2 CK
 * reminders fall on 6 and 17 August 2026 (09:00 IST).
 */

/** Each simulator address can be suppressed once per stack, so each test uses its own. */
function simulatorApplicant(address: string): TestApplicant {
  const applicant = step2Applicant();
  applicant.snapshot.applicant.email = address;
  return { ...applicant, email: address };
}

async function publishedEvents(applicantId: string): Promise<{ "detail-type": string; detail: unknown }[]> {
  const response = await fetch(`${stack.api()}/local/events`);
  const { events } = (await response.json()) as {
    events: { "detail-type": string; detail: { applicantId?: string } }[];
  };
  return events.filter((event) => event.detail.applicantId === applicantId);
}

describe.each([
  ["bounce", SIMULATOR_ADDRESSES.bounce, "bounced"],
  ["complaint", SIMULATOR_ADDRESSES.complaint, "complained"],
] as const)("mail to the SES simulator's %s address", (reason, address, delivery) => {
  beforeEach(async () => {
    await clockTo("2026-06-01T00:00:00Z");
  });

  it("gets one reminder; the feedback suppresses the address; the next reminder is not sent", async () => {
    const applicant = simulatorApplicant(address);
    const before = (await emailsTo(address)).length;
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();

    const first = await clockTo("2026-08-07T00:00:00Z");

    const firstWake = onlyOne(first.woken.filter((wake) => wake.applicantId === applicant.applicantId));
    expect(firstWake).toMatchObject({ at: STEP2_FIRST_REMINDER_AT, outcome: "sent" });
    const mails = (await emailsTo(address)).slice(before);
    const mail = onlyOne(mails);
    // The feedback reached the ses-events handler: the ledger entry of that message says so.
    const state = await applicantState(applicant.applicantId);
    const sent = state?.ledger.filter((entry) => entry.messageId === mail.messageId) ?? [];
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((entry) => entry.delivery === delivery)).toBe(true);
    expect(await publishedEvents(applicant.applicantId)).toContainEqual(
      expect.objectContaining({
        "detail-type": "EmailSuppressed",
        detail: expect.objectContaining({ detail: { reason } }),
      }),
    );

    const second = await clockTo("2026-08-18T00:00:00Z");

    const secondWake = onlyOne(second.woken.filter((wake) => wake.applicantId === applicant.applicantId));
    expect(secondWake).toMatchObject({ at: "2026-08-17T03:30:00.000Z", outcome: "suppressed" });
    expect((await emailsTo(address)).slice(before)).toHaveLength(1);
  });
});
