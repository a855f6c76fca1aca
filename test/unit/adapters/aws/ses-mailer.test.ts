import "aws-sdk-client-mock-vitest/extend";
import {
  AccountSuspendedException,
  BadRequestException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  SESv2Client,
  SendEmailCommand,
  SendingPausedException,
  TooManyRequestsException,
} from "@aws-sdk/client-sesv2";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { SesMailer } from "#adapters/ses/ses-mailer.ts";
import { EmailRejectedError, TransientError } from "#errors";
import type { OutgoingEmail } from "#ports/mailer.ts";

const ses = mockClient(SESv2Client);
const email: OutgoingEmail = {
  to: "ada@example.com",
  subject: "ERAS application due Tue 1 Sep",
  html: "<p>Hello</p>",
  text: "Hello",
  headers: [
    { name: "List-Unsubscribe", value: "<https://api.example.org/unsubscribe?token=t>" },
    { name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" },
  ],
  tags: { applicantId: "a_abc", kind: "reminder" },
};
const meta = { $metadata: {} };

describe("SesMailer", () => {
  beforeEach(() => ses.reset());

  it("sends simple content with both parts, the unsubscribe headers, tags and configuration set", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: "msg-1" });
    const mailer = new SesMailer(new SESv2Client({ region: "us-east-1" }), {
      from: "Matchpath <reminders@example.org>",
      configurationSetName: "matchpath",
    });

    await expect(mailer.send(email)).resolves.toEqual({ messageId: "msg-1" });

    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, {
      FromEmailAddress: "Matchpath <reminders@example.org>",
      Destination: { ToAddresses: ["ada@example.com"] },
      ConfigurationSetName: "matchpath",
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: "UTF-8" },
          Body: {
            Html: { Data: "<p>Hello</p>", Charset: "UTF-8" },
            Text: { Data: "Hello", Charset: "UTF-8" },
          },
          Headers: [
            { Name: "List-Unsubscribe", Value: "<https://api.example.org/unsubscribe?token=t>" },
            { Name: "List-Unsubscribe-Post", Value: "List-Unsubscribe=One-Click" },
          ],
        },
      },
      EmailTags: [
        { Name: "applicantId", Value: "a_abc" },
        { Name: "kind", Value: "reminder" },
      ],
    });
  });

  it("leaves the configuration set out when none is configured", async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: "msg-2" });
    await new SesMailer(new SESv2Client({ region: "us-east-1" }), { from: "r@example.org" }).send(email);
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).not.toHaveProperty("ConfigurationSetName");
  });

  it("turns throttling into a TransientError", async () => {
    ses.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: "slow down", ...meta }));
    const mailer = new SesMailer(new SESv2Client({ region: "us-east-1", maxAttempts: 1 }), {
      from: "r@example.org",
    });
    await expect(mailer.send(email)).rejects.toBeInstanceOf(TransientError);
  });

  it.each([
    ["MessageRejected", new MessageRejected({ message: "rejected", ...meta })],
    ["SendingPaused", new SendingPausedException({ message: "paused", ...meta })],
    ["MailFromDomainNotVerified", new MailFromDomainNotVerifiedException({ message: "unverified", ...meta })],
    ["AccountSuspended", new AccountSuspendedException({ message: "suspended", ...meta })],
    ["BadRequest", new BadRequestException({ message: "bad request", ...meta })],
  ])("turns %s into a permanent EmailRejectedError", async (_name, error) => {
    ses.on(SendEmailCommand).rejects(error);
    const mailer = new SesMailer(new SESv2Client({ region: "us-east-1" }), { from: "r@example.org" });
    const failure = await mailer.send(email).catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(EmailRejectedError);
    expect((failure as EmailRejectedError).retriable).toBe(false);
    expect((failure as EmailRejectedError).cause).toBe(error);
  });
});
