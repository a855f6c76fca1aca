import type { Plan } from "#domain/plan.ts";
import type { Applicant, Interview, MilestoneEntry, Submission } from "#domain/snapshot.ts";
import type { DeliveryOutcome } from "./email-feedback.ts";

/** Where an intake came from, for idempotency and audit. */
export interface IntakeSource {
  /** "webhook", "typeform", "tally", "jotform", "google-forms". */
  provider: string;
  /** The provider's own submission id: the idempotency key together with provider. */
  submissionId: string;
}

export interface IntakeResult {
  applicantId: string;
  outcome: "created" | "updated" | "duplicate";
}

export interface ApplicantProfile extends Applicant {
  applicantId: string;
  createdAt: string;
  updatedAt: string;
  /** Set by one-click unsubscribe: no further reminder mail. */
  unsubscribedAt?: string;
}

export interface LedgerEntry {
  reminderId: string;
  status: "claimed" | "sent";
  claimedAt: string;
  sentAt?: string;
  messageId?: string;
  /** What SES reported about that message, when it bounced, drew a complaint or was rejected. */
  delivery?: DeliveryOutcome;
  deliveryAt?: string;
}

/** Everything the planner and the reminder function need about one applicant, read at once. */
export interface ApplicantState {
  profile: ApplicantProfile;
  milestones: MilestoneEntry[];
  interviews: Interview[];
  /** The reminder ledger: reminders claimed or sent. */
  ledger: LedgerEntry[];
  /** The stored plan's summary, if one was stored. */
  storedPlan?: StoredPlanSummary;
}

export interface StoredPlanSummary {
  /** Hash of the plan content that matters to the applicant (steps, risks, reminders). */
  planHash: string;
  /** The wake-up instant armed for this plan (ISO UTC), if any. */
  wakeUpAt?: string;
  computedAt: string;
  /**
   * The season calendar's version the plan was computed with (`<matchYear>:<hash>`), so the daily
   * sweeper can re-plan everyone whose plan predates a moved date. Absent on plans stored before
   * versions existed: the sweeper treats those as computed with an older calendar.
   */
  calendarVersion?: string;
  /**
   * What the plan had overdue (`overdueSubjects`), so the next plan can tell what became overdue
   * since and publish MilestoneOverdue once per subject. Absent when nothing was overdue.
   */
  overdue?: string[];
}

/** A plan with the summary stored beside it. */
export interface StoredPlan {
  plan: Plan;
  summary: StoredPlanSummary;
}

/** The applicant store (one DynamoDB table in the cloud and locally). */
export interface ApplicantStore {
  /**
   * Writes one submission atomically and idempotently on (provider, submissionId).
   * A snapshot creates or replaces the applicant; an update changes milestones of an existing one.
   * Throws ApplicantNotFoundError for an update naming no known applicant.
   */
  applySubmission(submission: Submission, source: IntakeSource, receivedAt: Date): Promise<IntakeResult>;

  /** Profile, milestones, interviews, ledger and stored plan summary; undefined if unknown. */
  loadApplicant(applicantId: string): Promise<ApplicantState | undefined>;

  /** Stores the plan with its hash and the armed wake-up instant. */
  savePlan(applicantId: string, plan: Plan, summary: StoredPlanSummary): Promise<void>;

  /**
   * Claims reminders before sending: a reminder already sent, or claimed less than staleAfterMs
   * ago, is not claimed again, and each claim stands alone (one reminder held elsewhere does not
   * stop the others being claimed). Returns the ids claimed.
   */
  claimReminders(
    applicantId: string,
    reminderIds: string[],
    now: Date,
    staleAfterMs: number,
  ): Promise<string[]>;

  /**
   * Records that the claimed reminders went out in one message and, when `plan` is given, stores
   * that plan too (as savePlan would), in the same request where the store can. The marks are never
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

  /** True if the address bounced, complained or unsubscribed. */
  isSuppressed(email: string): Promise<boolean>;

  /** Adds the address to the suppression list. */
  suppress(email: string, reason: "bounce" | "complaint" | "unsubscribe", at: Date): Promise<void>;

  /** Marks the applicant unsubscribed and suppresses the address. */
  unsubscribe(applicantId: string, at: Date): Promise<void>;
}
