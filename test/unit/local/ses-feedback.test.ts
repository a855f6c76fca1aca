import { describe, expect, it } from "vitest";
import { SIMULATOR_ADDRESSES, simulatorEvent } from "#local/ses-feedback.ts";
import type { StoredEmail } from "#local/ses-local.ts";
import { parseSesEvent } from "../../../functions/ses-events/ses-event.ts";

const email: StoredEmail = {
  messageId: "local-message-1",
  from: "Matchpath <reminders@matchpath.example>",
  replyTo: [],
  destination: { to: [SIMULATOR_ADDRESSES.bounce], cc: [], bcc: [] },
  subject: "USMLE Step 2 CK in 14 days",
  body: { text: "..." },
  at: 1_786_000_000,
};
const AT = new Date("2026-08-06T03:30:05.000Z");

describe("local SES mailbox simulator events", () => {
  it("a bounce is the Email Bounced event the ses-events edge reads as a permanent bounce", () => {
    const event = simulatorEvent("bounce", email, SIMULATOR_ADDRESSES.bounce, AT, {
      region: "us-east-1",
      account: "000000000000",
    });
    expect(event).toMatchObject({
      source: "aws.ses",
      "detail-type": "Email Bounced",
      time: "2026-08-06T03:30:05Z",
    });
    expect(parseSesEvent(event)).toEqual({
      kind: "bounce",
      bounceType: "Permanent",
      recipients: [SIMULATOR_ADDRESSES.bounce],
      messageId: "local-message-1",
      at: AT,
    });
  });

  it("a complaint is the Email Complaint Received event", () => {
    const event = simulatorEvent("complaint", email, SIMULATOR_ADDRESSES.complaint, AT, {
      region: "us-east-1",
      account: "000000000000",
    });
    expect(event["detail-type"]).toBe("Email Complaint Received");
    expect(parseSesEvent(event)).toMatchObject({
      kind: "complaint",
      recipients: [SIMULATOR_ADDRESSES.complaint],
    });
  });

  it("a delivery is the Email Delivered event, stamped with the local clock", () => {
    const event = simulatorEvent("delivery", email, "ada@example.com", AT, {
      region: "us-east-1",
      account: "000000000000",
    });
    expect(event["detail-type"]).toBe("Email Delivered");
    expect(parseSesEvent(event)).toEqual({
      kind: "delivery",
      recipients: ["ada@example.com"],
      messageId: "local-message-1",
      at: AT,
    });
  });

  it("carries the tags the message was sent with, so an escalation to an advisor is traced to its applicant", () => {
    const event = simulatorEvent("bounce", email, SIMULATOR_ADDRESSES.bounce, AT, {
      region: "us-east-1",
      account: "000000000000",
      tags: { applicantId: ["a_26apsdyoxfp5xklx7zvapeducq"], kind: ["escalation"] },
    });
    expect(event.detail).toMatchObject({
      mail: { tags: { applicantId: ["a_26apsdyoxfp5xklx7zvapeducq"], "ses:caller-identity": ["local"] } },
    });
    expect(parseSesEvent(event)).toMatchObject({
      kind: "bounce",
      applicantId: "a_26apsdyoxfp5xklx7zvapeducq",
    });
  });
});
