import { ApplicantIdSchema } from "#domain/applicant-id.ts";
import * as z from "#domain/zod-mini.ts";
import { parseOrThrow } from "#errors";
import type { EmailFeedback } from "#ports/email-feedback.ts";

/**
 * The event EventBridge delivers for an SES configuration set's event destination: source
 * "aws.ses", a detail-type per event type (Amazon EventBridge Events Reference, "Amazon Simple
 * Email Service events"), and in `detail` the same record SES publishes to SNS (`eventType`,
 * `mail`, and `bounce` / `complaint` / `delivery` / ... per type; SES Developer Guide, "Contents of
 * event data that Amazon SES publishes to Amazon SNS"). Only what we act on is required; the rest
 * passes through unread.
 */
export const SES_DETAIL_TYPES = {
  Bounce: "Email Bounced",
  Complaint: "Email Complaint Received",
  Delivery: "Email Delivered",
  Send: "Email Sent",
  Reject: "Email Rejected",
  Open: "Email Opened",
  Click: "Email Clicked",
  "Rendering Failure": "Email Rendering Failed",
  DeliveryDelay: "Email Delivery Delayed",
  Subscription: "Email Subscribed",
} as const;
type SesEventType = keyof typeof SES_DETAIL_TYPES;
const SES_EVENT_TYPES = Object.keys(SES_DETAIL_TYPES) as [SesEventType, ...SesEventType[]];

const Instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant" });
const Recipient = z.object({ emailAddress: z.string().check(z.minLength(3)) });

const MailSchema = z.object({
  messageId: z.string().check(z.minLength(1)),
  destination: z.array(z.string()),
  /** Set by event publishing through a configuration set: ses:* tags and ours (applicantId, kind). */
  tags: z.optional(z.record(z.string(), z.array(z.string()))),
});

const DetailSchema = z.object({
  eventType: z.enum(SES_EVENT_TYPES),
  mail: MailSchema,
  bounce: z.optional(
    z.object({
      bounceType: z.enum(["Permanent", "Transient", "Undetermined"]),
      bouncedRecipients: z.array(Recipient).check(z.minLength(1)),
      timestamp: Instant,
    }),
  ),
  complaint: z.optional(
    z.object({ complainedRecipients: z.array(Recipient).check(z.minLength(1)), timestamp: Instant }),
  ),
  delivery: z.optional(
    z.object({
      recipients: z.array(z.string().check(z.minLength(3))).check(z.minLength(1)),
      timestamp: Instant,
    }),
  ),
});

export const SesEventSchema = z
  .object({
    source: z.literal("aws.ses"),
    "detail-type": z.enum(Object.values(SES_DETAIL_TYPES) as [string, ...string[]]),
    time: Instant,
    detail: DetailSchema,
  })
  .check(
    z.superRefine((event, ctx) => {
      const type = event.detail.eventType;
      if (SES_DETAIL_TYPES[type] !== event["detail-type"]) {
        ctx.addIssue({
          code: "custom",
          path: ["detail-type"],
          message: `must be "${SES_DETAIL_TYPES[type]}" for eventType ${type}`,
        });
      }
      if (type === "Bounce" && !event.detail.bounce)
        ctx.addIssue({ code: "custom", path: ["detail", "bounce"], message: "is required for a Bounce" });
      if (type === "Complaint" && !event.detail.complaint)
        ctx.addIssue({
          code: "custom",
          path: ["detail", "complaint"],
          message: "is required for a Complaint",
        });
      if (type === "Delivery" && !event.detail.delivery)
        ctx.addIssue({ code: "custom", path: ["detail", "delivery"], message: "is required for a Delivery" });
    }),
  );

/**
 * Reads the event into what the use case acts on, or throws InvalidInputError (not retriable:
 * the event ends in the function's failure destination for a person to look at).
 */
export function parseSesEvent(event: unknown): EmailFeedback {
  const { detail, time } = parseOrThrow(SesEventSchema, event, "The SES event is malformed");
  const messageId = detail.mail.messageId;
  // Our applicant ids survive SES's tag character rules unchanged: a tag that is not one is ignored.
  const tagged = detail.mail.tags?.applicantId?.[0];
  const traced =
    tagged !== undefined && ApplicantIdSchema.safeParse(tagged).success ? { applicantId: tagged } : {};
  // A bounce, complaint or delivery names its recipients and is dated by its own timestamp.
  const about = (recipients: string[], timestamp: string) => ({
    recipients,
    messageId,
    ...traced,
    at: new Date(timestamp),
  });
  switch (detail.eventType) {
    case "Bounce": {
      const bounce = detail.bounce as NonNullable<typeof detail.bounce>;
      const recipients = bounce.bouncedRecipients.map((recipient) => recipient.emailAddress);
      return { kind: "bounce", bounceType: bounce.bounceType, ...about(recipients, bounce.timestamp) };
    }
    case "Complaint": {
      const complaint = detail.complaint as NonNullable<typeof detail.complaint>;
      const recipients = complaint.complainedRecipients.map((recipient) => recipient.emailAddress);
      return { kind: "complaint", ...about(recipients, complaint.timestamp) };
    }
    case "Delivery": {
      const delivery = detail.delivery as NonNullable<typeof detail.delivery>;
      return { kind: "delivery", ...about(delivery.recipients, delivery.timestamp) };
    }
    case "Reject":
      return { kind: "reject", messageId, ...traced, at: new Date(time) };
    case "Rendering Failure":
      return { kind: "rendering-failure", messageId, ...traced, at: new Date(time) };
    default:
      return { kind: "other", eventType: detail.eventType, messageId };
  }
}
