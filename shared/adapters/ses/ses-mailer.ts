import { type SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { isTransientAwsError } from "#adapters/aws-errors.ts";
import { EmailRejectedError, MatchpathError, TransientError } from "#errors";
import type { Mailer, OutgoingEmail } from "#ports/mailer.ts";

export interface SesMailerOptions {
  /** SENDER_ADDRESS, e.g. `Matchpath <reminders@example.org>`. */
  from: string;
  configurationSetName?: string;
}

/** SES tag names and values allow only ASCII letters, digits, `_` and `-` (256 characters). */
function tagText(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256) || "_";
}

/** Mailer on SES v2 SendEmail with simple content: subject, HTML and text parts, custom headers. */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly options: SesMailerOptions,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const command = new SendEmailCommand({
      FromEmailAddress: this.options.from,
      Destination: { ToAddresses: [email.to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: "UTF-8" },
          Body: {
            Html: { Data: email.html, Charset: "UTF-8" },
            Text: { Data: email.text, Charset: "UTF-8" },
          },
          Headers: email.headers.map(({ name, value }) => ({ Name: name, Value: value })),
          ...(email.attachments?.length
            ? {
                Attachments: email.attachments.map((attachment) => ({
                  FileName: attachment.filename,
                  ContentType: attachment.contentType,
                  ContentDisposition: "ATTACHMENT" as const,
                  RawContent: Buffer.from(attachment.content, "utf8"),
                })),
              }
            : {}),
        },
      },
      EmailTags: Object.entries(email.tags).map(([name, value]) => ({
        Name: tagText(name),
        Value: tagText(value),
      })),
      ...(this.options.configurationSetName
        ? { ConfigurationSetName: this.options.configurationSetName }
        : {}),
    });
    try {
      const output = await this.client.send(command);
      if (!output.MessageId) throw new TransientError("SES accepted the message without a MessageId");
      return { messageId: output.MessageId };
    } catch (error) {
      if (error instanceof MatchpathError) throw error;
      if (isTransientAwsError(error))
        throw new TransientError("SES SendEmail was throttled or failed", { cause: error });
      const name = error instanceof Error ? error.name : "UnknownError";
      throw new EmailRejectedError(`SES refused the message (${name})`, { cause: error });
    }
  }
}
