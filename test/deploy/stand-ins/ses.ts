import { ApiError, type Violations, validation } from "./api-error.ts";

/**
 * SES v2 SendEmail with simple content, as the API reference constrains it: a From address on a
 * verified identity, 1-50 recipients, a subject and a body, at most 15 custom headers whose names
 * are printable ASCII without ':' (1-126) and whose values are printable ASCII (1-870), email tags
 * of ASCII letters, digits, '_' and '-' (1-256), a configuration set that exists, and a sending
 * rate: more than `maxSendRate` messages in one second answers TooManyRequestsException
 * ("Maximum sending rate exceeded"), as SES throttles an account.
 * https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html ,
 * .../API_Message.html , .../API_MessageHeader.html , .../API_MessageTag.html ,
 * https://docs.aws.amazon.com/ses/latest/dg/manage-sending-quotas.html
 */

export interface SentEmail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: { name: string; value: string }[];
  tags: Record<string, string>;
  configurationSet?: string;
  at: number;
}

interface SendEmailRequest {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  Content?: {
    Simple?: {
      Subject?: { Data?: string; Charset?: string };
      Body?: { Text?: { Data?: string }; Html?: { Data?: string } };
      Headers?: { Name?: string; Value?: string }[];
    };
  };
  EmailTags?: { Name?: string; Value?: string }[];
  ConfigurationSetName?: string;
}

const HEADER_NAME = /^[!-9;-@A-~]{1,126}$/;
const HEADER_VALUE = /^[ -~]{1,870}$/;
const TAG = /^[A-Za-z0-9_-]{1,256}$/;

export class SesStandIn {
  readonly sent: SentEmail[] = [];
  private sequence = 0;
  private window = { second: -1, count: 0 };

  constructor(
    private readonly options: {
      now: () => number;
      /** Identities (domains or addresses) verified in the account. */
      identities: readonly string[];
      configurationSets: readonly string[];
      maxSendRate?: number;
      violations?: Violations;
    },
  ) {}

  /** The identity a From address sends as: the address itself if verified, else its domain. */
  identityOf(from: string): string {
    const address = (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
    if (this.options.identities.includes(address)) return address;
    return address.slice(address.indexOf("@") + 1);
  }

  sendEmail(request: SendEmailRequest): { MessageId: string } {
    const refuse = (message: string): never => {
      this.options.violations?.add("ses", message);
      throw validation(message);
    };
    const from = request.FromEmailAddress ?? refuse("FromEmailAddress is required");
    if (!this.options.identities.includes(this.identityOf(from)))
      throw new ApiError("MessageRejected", 400, `Email address is not verified: ${from}`);
    const destination = request.Destination ?? {};
    const to = destination.ToAddresses ?? [];
    const recipients =
      to.length + (destination.CcAddresses?.length ?? 0) + (destination.BccAddresses?.length ?? 0);
    if (recipients < 1 || recipients > 50) refuse(`1-50 recipients allowed, got ${recipients}`);
    const simple = request.Content?.Simple ?? refuse("Content.Simple is required");
    const subject = simple.Subject?.Data ?? refuse("Content.Simple.Subject is required");
    if (simple.Subject?.Charset !== "UTF-8" && !/^[\x20-\x7e]*$/.test(subject))
      refuse("a subject outside 7-bit ASCII needs Charset UTF-8 (or RFC 2047 encoded words)");
    if (!simple.Body?.Text?.Data && !simple.Body?.Html?.Data)
      refuse("Content.Simple.Body needs Text or Html");
    const headers = simple.Headers ?? [];
    if (headers.length > 15) refuse(`at most 15 message headers, got ${headers.length}`);
    for (const header of headers) {
      if (!HEADER_NAME.test(header.Name ?? "")) refuse(`header name not allowed: ${header.Name}`);
      if (!HEADER_VALUE.test(header.Value ?? ""))
        refuse(
          `header ${header.Name} value must be 1-870 printable ASCII characters (${header.Value?.length})`,
        );
    }
    for (const tag of request.EmailTags ?? []) {
      if (!TAG.test(tag.Name ?? "") || !TAG.test(tag.Value ?? ""))
        refuse(`email tag not allowed: ${tag.Name}`);
    }
    if (
      request.ConfigurationSetName &&
      !this.options.configurationSets.includes(request.ConfigurationSetName)
    )
      throw new ApiError(
        "NotFoundException",
        404,
        `Configuration set ${request.ConfigurationSetName} does not exist`,
      );
    this.throttle();
    const messageId = `0100019${(++this.sequence).toString(16).padStart(9, "0")}-standin-000000`;
    this.sent.push({
      messageId,
      from,
      to,
      subject,
      text: simple.Body?.Text?.Data ?? "",
      html: simple.Body?.Html?.Data ?? "",
      headers: headers.map((header) => ({ name: header.Name ?? "", value: header.Value ?? "" })),
      tags: Object.fromEntries((request.EmailTags ?? []).map((tag) => [tag.Name ?? "", tag.Value ?? ""])),
      ...(request.ConfigurationSetName ? { configurationSet: request.ConfigurationSetName } : {}),
      at: this.options.now(),
    });
    return { MessageId: messageId };
  }

  private throttle(): void {
    const limit = this.options.maxSendRate;
    if (limit === undefined) return;
    const second = Math.floor(this.options.now() / 1000);
    if (second !== this.window.second) this.window = { second, count: 0 };
    if (this.window.count >= limit)
      throw new ApiError("TooManyRequestsException", 429, "Maximum sending rate exceeded.");
    this.window.count += 1;
  }
}
