import { randomUUID } from "node:crypto";
import { SES_DETAIL_TYPES } from "../../functions/ses-events/ses-event.ts";
import { type StoredEmail, sesMailReader } from "./ses-local.ts";

/**
 * The SES mailbox simulator, locally: mail sent to `bounce@simulator.amazonses.com` or
 * `complaint@simulator.amazonses.com` produces the event SES would publish through the
 * configuration set's EventBridge destination ("Email Bounced" with a permanent General bounce,
 * "Email Complaint Received"), and the ses-events handler receives it in-process, as the
 * EventBridge rule would deliver it. https://docs.aws.amazon.com/ses/latest/dg/send-an-email-from-console.html#send-email-simulator
 * Every other recipient, and the complaint address before its complaint (a complaint is about
 * mail that arrived), gets "Email Delivered", as SES publishes for mail the receiving server accepted.
 *
 * How it sees the mail: it reads the SES emulator's store (`GET /store`, from the newest message it
 * saw on: `sesMailReader`) for messages it has not seen, whenever `deliverNew()` is called. The local stack calls it right after every invocation of
 * a function that sends (`followedByFeedback`: the reminder, the planner and the sweeper, which
 * escalate to advisors and send the digest, and the console, which resends), so each outcome is
 * stamped with the local clock of its send, as SES's arrives within seconds; nothing in the send
 * path itself is changed.
 *
 * The emulator does not keep EmailTags; the local stack remembers them (ses-tags.ts) and the event
 * carries them in `mail.tags` as SES's does, so an escalation to an advisor (tagged with the
 * applicant's id) gets its outcome on the applicant's ledger like a reminder. Mail whose tags are
 * not known (sent before a restart) carries none, and the handler traces the recipient's address
 * through the EMAIL# lookup instead.
 */
export const SIMULATOR_ADDRESSES = {
  bounce: "bounce@simulator.amazonses.com",
  complaint: "complaint@simulator.amazonses.com",
} as const;
type SimulatedOutcome = keyof typeof SIMULATOR_ADDRESSES | "delivery";

const EVENT_TYPE = { delivery: "Delivery", bounce: "Bounce", complaint: "Complaint" } as const;

export interface SesEventBridgeEvent {
  version: "0";
  id: string;
  "detail-type": string;
  source: "aws.ses";
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

export interface SesFeedbackOptions {
  sesEndpoint: string;
  /** Invokes the ses-events handler with the event, as the EventBridge rule's target. */
  deliver(event: SesEventBridgeEvent): Promise<unknown>;
  /** The clock the feedback is stamped with (the local clock). */
  clock: { now(): Date };
  region: string;
  account?: string;
  /** The tags a message was sent with (ses-tags.ts), taken once per message. */
  tagsOf?: (messageId: string) => Record<string, string[]> | undefined;
  log?: (line: string) => void;
}

export interface SesFeedback {
  /** Sends the events for simulator mail not yet seen; resolves with how many. Never throws. */
  deliverNew(): Promise<number>;
}

/** The events SES publishes for mail to this address, in the order it publishes them. */
function outcomesFor(address: string): SimulatedOutcome[] {
  const bare = (/<([^>]+)>/.exec(address)?.[1] ?? address).trim().toLowerCase();
  if (bare === SIMULATOR_ADDRESSES.bounce) return ["bounce"];
  if (bare === SIMULATOR_ADDRESSES.complaint) return ["delivery", "complaint"];
  return ["delivery"];
}

/**
 * The event SES publishes for a simulator address: the event-publishing record (the same shape
 * as AWS's SNS examples) as `detail` of an EventBridge envelope from aws.ses.
 */
export function simulatorEvent(
  outcome: SimulatedOutcome,
  email: StoredEmail,
  recipient: string,
  at: Date,
  context: { region: string; account: string; tags?: Record<string, string[]> | undefined },
): SesEventBridgeEvent {
  const timestamp = at.toISOString();
  const domain = /@([^>\s]+)/.exec(email.from)?.[1] ?? "localhost";
  const mail = {
    timestamp: new Date(email.at * 1000).toISOString(),
    source: email.from,
    sendingAccountId: context.account,
    messageId: email.messageId,
    destination: email.destination.to,
    headersTruncated: false,
    headers: email.headers ?? [],
    commonHeaders: {
      from: [email.from],
      to: email.destination.to,
      messageId: email.messageId,
      subject: email.subject,
    },
    tags: { ...context.tags, "ses:from-domain": [domain], "ses:caller-identity": ["local"] },
  };
  const feedbackId = `local-${randomUUID()}`;
  const detail =
    outcome === "delivery"
      ? {
          eventType: "Delivery",
          delivery: {
            timestamp,
            processingTimeMillis: Math.max(0, at.getTime() - email.at * 1000),
            recipients: [recipient],
            smtpResponse: "250 2.6.0 Message received",
            reportingMTA: "localhost",
          },
          mail,
        }
      : outcome === "bounce"
        ? {
            eventType: "Bounce",
            bounce: {
              bounceType: "Permanent",
              bounceSubType: "General",
              bouncedRecipients: [
                {
                  emailAddress: recipient,
                  action: "failed",
                  status: "5.1.1",
                  diagnosticCode: "smtp; 550 5.1.1 user unknown",
                },
              ],
              timestamp,
              feedbackId,
              reportingMTA: "dsn; simulator.amazonses.com",
            },
            mail,
          }
        : {
            eventType: "Complaint",
            complaint: {
              complainedRecipients: [{ emailAddress: recipient }],
              timestamp,
              feedbackId,
              complaintFeedbackType: "abuse",
              arrivalDate: timestamp,
            },
            mail,
          };
  return {
    version: "0",
    id: randomUUID(),
    "detail-type": SES_DETAIL_TYPES[EVENT_TYPE[outcome]],
    source: "aws.ses",
    account: context.account,
    time: `${timestamp.slice(0, 19)}Z`,
    region: context.region,
    resources: [],
    detail,
  };
}

/**
 * The handler, then the SES feedback for whatever it sent (also when it failed after sending);
 * resolves or rejects as the handler did.
 */
export function followedByFeedback<Event, Result>(
  handler: (event: Event) => Promise<Result>,
  feedback: SesFeedback,
): (event: Event) => Promise<Result> {
  return async (event) => {
    try {
      return await handler(event);
    } finally {
      await feedback.deliverNew();
    }
  };
}

export function createSesFeedback(options: SesFeedbackOptions): SesFeedback {
  const newMail = sesMailReader(options.sesEndpoint);
  const account = options.account ?? "000000000000";
  const log = options.log ?? (() => undefined);
  let queue: Promise<unknown> = Promise.resolve();

  async function deliverNewNow(): Promise<number> {
    let delivered = 0;
    for (const email of await newMail()) {
      const tags = options.tagsOf?.(email.messageId);
      const recipients = [...email.destination.to, ...email.destination.cc, ...email.destination.bcc];
      for (const recipient of recipients) {
        for (const outcome of outcomesFor(recipient)) {
          const event = simulatorEvent(outcome, email, recipient, options.clock.now(), {
            region: options.region,
            account,
            tags,
          });
          try {
            await options.deliver(event);
            delivered++;
          } catch (error) {
            // An EventBridge target that fails ends in its retry policy and dead-letter queue; locally, the log.
            log(
              `ses-events: the ${event["detail-type"]} event failed: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }
      }
    }
    return delivered;
  }

  return {
    deliverNew() {
      const run = queue.then(deliverNewNow).catch((error: unknown) => {
        log(`ses-feedback: could not read the SES store: ${String(error)}`);
        return 0;
      });
      queue = run;
      return run;
    },
  };
}
