/** What a bounce, complaint or rejection means for one message, as the ledger records it. */
export type DeliveryOutcome = "bounced" | "soft-bounced" | "complained" | "rejected" | "rendering-failed";

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
  | { kind: "reject"; messageId: string; applicantId?: string; at: Date }
  | { kind: "rendering-failure"; messageId: string; applicantId?: string; at: Date }
  /** Deliveries, sends, opens, clicks, delays, subscriptions: nothing to do. */
  | { kind: "other"; eventType: string; messageId: string };

/** The per-applicant records a feedback event touches. */
export interface EmailLedger {
  /** The applicant an address belongs to (the latest one, when two shared it). */
  applicantIdForEmail(email: string): Promise<string | undefined>;
  /**
   * Marks the applicant's ledger entries sent in message `messageId` with the outcome. Idempotent;
   * resolves with the number of entries marked (0 when none names that message).
   */
  recordDeliveryOutcome(
    applicantId: string,
    messageId: string,
    outcome: DeliveryOutcome,
    at: Date,
  ): Promise<number>;
}
