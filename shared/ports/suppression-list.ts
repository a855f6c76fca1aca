/** Why an address gets no more mail. */
export type SuppressionReason = "bounce" | "complaint" | "unsubscribe";

/**
 * What "Subscribe again" did. Only the applicant's own one-click unsubscribe is lifted: a bounce
 * (the address cannot receive mail) or a complaint (the recipient marked an email as spam) stays,
 * and the outcome names it so the page can say why.
 */
export type ResubscribeOutcome = "resubscribed" | "already-subscribed" | "bounce" | "complaint";

/** Addresses that get no more reminder mail. */
export interface SuppressionList {
  /** True if the address bounced, complained or unsubscribed. */
  isSuppressed(email: string): Promise<boolean>;

  /** Why the address is suppressed (the first reason recorded), or undefined when it is not. */
  suppressionReason(email: string): Promise<SuppressionReason | undefined>;

  /** When the address was first suppressed (ISO UTC), or undefined when it is not (or the time is unknown). */
  suppressedSince(email: string): Promise<string | undefined>;

  /** Adds the address to the suppression list. */
  suppress(email: string, reason: SuppressionReason, at: Date): Promise<void>;

  /** Marks the applicant unsubscribed and suppresses the address. */
  unsubscribe(applicantId: string, at: Date): Promise<void>;

  /**
   * Undoes the applicant's own unsubscribe: clears the mark (recording `resubscribedAt`) and lifts
   * a suppression whose reason is "unsubscribe", never one for a bounce or complaint. Idempotent:
   * an applicant who is not unsubscribed gets "already-subscribed" and nothing is written.
   * ApplicantNotFoundError if unknown.
   */
  resubscribe(applicantId: string, at: Date): Promise<ResubscribeOutcome>;
}
