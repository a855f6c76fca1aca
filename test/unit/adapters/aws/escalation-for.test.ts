import "aws-sdk-client-mock-vitest/extend";
import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import type { AwsClientFactory, AwsClientSettings } from "#adapters/aws-clients.ts";
import { escalationFor } from "#adapters/ses/escalation-for.ts";
import { createSesClient } from "#adapters/ses/ses-client.ts";
import type { OutgoingEmail } from "#ports/mailer.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";

/**
 * The planner's and sweeper's escalation mailer loads SES on the first escalation sent, not when
 * the function starts (test/infra/bundle-clients.test.ts checks the bundle side), and sends through
 * the configured sender once loaded.
 */
const ses = mockClient(SESv2Client);
const settings: AwsClientSettings = { region: "us-east-1", endpoints: {} };
const config = {
  ...settings,
  escalation: { senderAddress: "Matchpath <advisors@example.org>", publicBaseUrl: "https://mp.example" },
};
const ports = { ledger: {} as ReminderLedger, suppression: {} as SuppressionList };
const email: OutgoingEmail = {
  to: "grace@advisors.example",
  subject: "Applicant at risk",
  html: "<p>At risk</p>",
  text: "At risk",
  headers: [],
  tags: { kind: "escalation" },
};

/** A loader that counts its calls and fails the first `failures` of them. */
function countingLoader(failures = 0) {
  const loader = {
    calls: 0,
    load: async (): Promise<AwsClientFactory["ses"]> => {
      loader.calls += 1;
      if (loader.calls <= failures) throw new Error("module load failed");
      return createSesClient;
    },
  };
  return loader;
}

describe("escalationFor", () => {
  beforeEach(() => {
    ses.reset();
    ses.on(SendEmailCommand).resolves({ MessageId: "m-1", $metadata: {} });
  });

  it("is off, loading nothing, when no sender is configured", () => {
    const loader = countingLoader();
    expect(escalationFor(settings, "planner", ports, loader.load)).toBeUndefined();
    expect(loader.calls).toBe(0);
  });

  it("loads SES on the first send, once, and sends from the configured sender", async () => {
    const loader = countingLoader();
    const escalation = escalationFor(config, "planner", ports, loader.load);
    expect(loader.calls).toBe(0);
    await expect(escalation?.mailer.send(email)).resolves.toEqual({ messageId: "m-1" });
    await escalation?.mailer.send(email);
    expect(loader.calls).toBe(1);
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 2);
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, {
      FromEmailAddress: "Matchpath <advisors@example.org>",
    });
    expect(escalation?.consoleUrl("a_1")).toBe("https://mp.example/console#/applicants/a_1");
  });

  it("tries the load again on the next send after a failed one", async () => {
    const loader = countingLoader(1);
    const escalation = escalationFor(config, "planner", ports, loader.load);
    await expect(escalation?.mailer.send(email)).rejects.toThrow("module load failed");
    await expect(escalation?.mailer.send(email)).resolves.toEqual({ messageId: "m-1" });
    expect(loader.calls).toBe(2);
  });
});
