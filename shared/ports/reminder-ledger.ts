import type { DeliveryOutcome } from "./email-feedback.ts";
import type { StoredPlan } from "./plans.ts";

export interface LedgerEntry {
  reminderId: string;
  status: "claimed" | "sent";
  claimedAt: string;
  /**
   * The wake-up instant the claim was made for (ISO UTC): a claim left by a sender that died is
   * recovered by re-planning as of this instant, when the reminder was still due, so it is still
   * sent (before its deadline) instead of being re-timed past it. Absent on claims made before
   * slots were recorded.
   */
  slotAt?: string;
  sentAt?: string;
  messageId?: string;
  /** What SES reported about that message, when it bounced, drew a complaint or was rejected. */
  delivery?: DeliveryOutcome;
  deliveryAt?: string;
}

/** The per-applicant record of reminders claimed and sent: what makes each reminder go out once. */
export interface ReminderLedger {
  /**
   * Claims reminders before sending: a reminder already sent, or claimed less than staleAfterMs
   * ago, is not claimed again, and each claim stands alone (one reminder held elsewhere does not
   * stop the others being claimed). Each claim records `slotAt` (default `now`), the wake-up instant
   * it is for. Returns the ids claimed.
   */
  claimReminders(
    applicantId: string,
    reminderIds: string[],
    now: Date,
    staleAfterMs: number,
    slotAt?: Date,
  ): Promise<string[]>;

  /**
   * Records that the claimed reminders went out in one message and, when `plan` is given, stores
   * that plan and its events' copies too (as savePlan would), in the same request where the store can. The marks are never
   * lost to a failure of the plan write: when it throws, the marks may be recorded already.
   */
  markRemindersSent(
    applicantId: string,
    reminderIds: string[],
    messageId: string,
    sentAt: Date,
    plan?: StoredPlan,
  ): Promise<void>;

  /** Gives back claims when the send failed, so a retry can send them. */
  releaseClaims(applicantId: string, reminderIds: string[]): Promise<void>;
}
