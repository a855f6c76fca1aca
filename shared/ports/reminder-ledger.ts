import type { DeliveryOutcome } from "./email-feedback.ts";
import type { StoredPlan } from "./plans.ts";
import type { SuppressionReason } from "./suppression-list.ts";

/**
 * What a sent reminder was about, stored on its ledger item with the sent mark (no extra request),
 * so the console still names it once the step is done, past its deadline or gone from the plan.
 */
export interface LedgerSubject {
  /** The step's key (a milestone key or "interview"). */
  milestone: string;
  interviewId?: string;
  /** The ladder rung, e.g. "start", "due-in-7d". */
  rung: string;
  /** The step's title as the applicant read it. */
  title: string;
  /** The Match year the plan targeted when the reminder was sent. */
  matchYear?: number;
  /**
   * The interview an interview reminder was about, as its email's calendar file (.ics) gave it:
   * once the interview leaves the record (cancelled), the sent marks still say which calendar
   * files went out, and what the cancelling file must name (SentInvite, interview-cancellations.ts).
   */
  interview?: LedgerInterview;
}

/** An interview as a sent reminder's calendar file gave it. */
export interface LedgerInterview {
  program: string;
  startsAt: string;
  timezone: string;
  format?: "virtual" | "in_person";
}

/**
 * Why an entry was handled without a send: the recipient's suppression reason when it was decided,
 * or "rejected" (the mail provider refused the message for good: EmailRejectedError).
 */
export type WithheldReason = SuppressionReason | "rejected";

export interface LedgerEntry {
  reminderId: string;
  /**
   * "withheld": handled without sending, for good (an escalation whose advisor address is on the
   * suppression list, or whose email SES rejected for good): never claimed or retried again, like
   * "sent", but no email went.
   */
  status: "claimed" | "sent" | "withheld";
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
  /** What the reminder was about, when it was claimed or sent after subjects were stored. */
  subject?: LedgerSubject;
  /** Why a "withheld" entry was not sent. */
  withheldBecause?: WithheldReason;
}

/** The per-applicant record of reminders claimed and sent: what makes each reminder go out once. */
export interface ReminderLedger {
  /**
   * Claims reminders before sending: a reminder already sent, or claimed less than staleAfterMs
   * ago, is not claimed again, and each claim stands alone (one reminder held elsewhere does not
   * stop the others being claimed). Each claim records `slotAt` (default `now`), the wake-up instant
   * it is for, and the reminder's subject from `subjects` (by reminder id), so a claim whose sender
   * died still names what it was about. Returns the ids claimed.
   */
  claimReminders(
    applicantId: string,
    reminderIds: string[],
    now: Date,
    staleAfterMs: number,
    slotAt?: Date,
    subjects?: ReadonlyMap<string, LedgerSubject>,
  ): Promise<string[]>;

  /**
   * Records that the claimed reminders went out in one message and, when `plan` is given, stores
   * that plan and its events' copies too (as savePlan would), in the same request where the store can. The marks are never
   * lost to a failure of the plan write: when it throws, the marks may be recorded already.
   * `subjects` (by reminder id) are stored on the marks themselves, in the same write.
   */
  markRemindersSent(
    applicantId: string,
    reminderIds: string[],
    messageId: string,
    sentAt: Date,
    plan?: StoredPlan,
    subjects?: ReadonlyMap<string, LedgerSubject>,
  ): Promise<void>;

  /**
   * Records claimed reminders as handled without a send (status "withheld", with why): the
   * recipient's address is suppressed, or the provider rejected the message for good, so no retry
   * or re-plan claims them again. `at` becomes their `claimedAt` when none is recorded.
   */
  markRemindersWithheld(
    applicantId: string,
    reminderIds: string[],
    because: WithheldReason,
    at: Date,
  ): Promise<void>;

  /** Gives back claims when the send failed, so a retry can send them. */
  releaseClaims(applicantId: string, reminderIds: string[]): Promise<void>;
}
