/** What SES reported about one message, as the ledger records it. */
export type DeliveryOutcome =
  | "delivered"
  | "bounced"
  | "soft-bounced"
  | "complained"
  | "rejected"
  | "rendering-failed";

/**
 * Which outcome a later-arriving event may replace, since SES does not publish events in order: a
 * higher rank always wins; within one rank the event that happened later (its own timestamp) wins.
 * "delivered" and a soft bounce are both reports of one attempt to deliver (ranked alike, newest
 * wins); a rejection or rendering failure is final for SES; a hard bounce can follow an accepted
 * delivery (the receiving server bounces afterwards); a complaint comes after a delivery and is
 * what the recipient did with the message. So "delivered" never hides a bounce or a complaint,
 * whichever arrives first. https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 */
export const OUTCOME_RANK: Readonly<Record<DeliveryOutcome, number>> = {
  delivered: 1,
  "soft-bounced": 1,
  rejected: 2,
  "rendering-failed": 2,
  bounced: 3,
  complained: 4,
};

/**
 * The provider's feedback about one message we sent, read at the edge from the provider's event
 * (SES event publishing through EventBridge in the cloud and locally).
 */
export type EmailFeedback =
  | {
      kind: "bounce";
      /** Permanent: the address does not take mail. Transient/Undetermined: SES gave up for now. */
      bounceType: "Permanent" | "Transient" | "Undetermined";
      recipients: string[];
      messageId: string;
      /** The applicant our mailer tagged the message with, when the event carries the tag. */
      applicantId?: string;
      at: Date;
    }
  | { kind: "complaint"; recipients: string[]; messageId: string; applicantId?: string; at: Date }
  /** The recipients' mail servers accepted the message (at: when SES delivered it). */
  | { kind: "delivery"; recipients: string[]; messageId: string; applicantId?: string; at: Date }
  | { kind: "reject"; messageId: string; applicantId?: string; at: Date }
  | { kind: "rendering-failure"; messageId: string; applicantId?: string; at: Date }
  /** Sends, opens, clicks, delays, subscriptions: nothing to do. */
  | { kind: "other"; eventType: string; messageId: string };

/** The per-applicant records a feedback event touches. */
export interface EmailLedger {
  /** The applicant an address belongs to (the latest one, when two shared it). */
  applicantIdForEmail(email: string): Promise<string | undefined>;
  /**
   * Marks the applicant's ledger entries sent in message `messageId` with the outcome, unless an
   * entry holds one that OUTCOME_RANK says wins (so events arriving out of order end in the same
   * state), and the applicant's cohort row when that message is its last email. Idempotent;
   * resolves with the number of entries marked (0 when none names that message, or all hold a
   * winning outcome).
   */
  recordDeliveryOutcome(
    applicantId: string,
    messageId: string,
    outcome: DeliveryOutcome,
    at: Date,
  ): Promise<number>;
}
