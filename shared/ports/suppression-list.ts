/** Why an address gets no more mail. */
export type SuppressionReason = "bounce" | "complaint" | "unsubscribe";

/** Addresses that get no more reminder mail. */
export interface SuppressionList {
  /** True if the address bounced, complained or unsubscribed. */
  isSuppressed(email: string): Promise<boolean>;

  /** Adds the address to the suppression list. */
  suppress(email: string, reason: SuppressionReason, at: Date): Promise<void>;

  /** Marks the applicant unsubscribed and suppresses the address. */
  unsubscribe(applicantId: string, at: Date): Promise<void>;
}
