import type { CohortRow, LastEmail } from "#domain/console/cohort-row.ts";

/** One console action, as the audit keeps it: who, what, when, before and after. */
export interface AuditEntry {
  /** ISO UTC instant. */
  at: string;
  /** The signed-in person's email. */
  actor: string;
  role: "admin" | "advisor";
  /** "reminders.pause", "reminders.resume", "milestone.mark", "notice.resend", "what-if.save", "applicant.erase". */
  action: string;
  applicantId: string;
  before?: unknown;
  after?: unknown;
}

/** One domain event the applicant's plan published, as the console lists it. */
export interface RecentEvent {
  /** "PlanChanged", "ReminderSent", "MilestoneOverdue", "EmailSuppressed". */
  type: string;
  /** ISO UTC instant. */
  at: string;
  /** The event's detail as JSON (ids, codes and times). */
  detail: string;
}

export interface ErasureReport {
  applicantId: string;
  /** Items deleted, all kinds together. */
  itemsDeleted: number;
}

/** What the advisor's console reads and writes beyond the applicant store. */
export interface ConsoleStore {
  /** Cohort rows: one advisor's applicants, or everyone's when advisorEmail is undefined. */
  listCohort(advisorEmail: string | undefined): Promise<CohortRow[]>;
  /**
   * Puts an email sent without a plan write (a console resend) into the applicant's cohort row as
   * its last email, when it is later than the row's: the row is otherwise written with each plan.
   * `sentAs` is the ledger entry (reminder id) that recorded the send: SES's report on it, when
   * already there, is the row's outcome, even one that arrives while this writes (else the row
   * says "sent" over a bounce).
   */
  recordLastEmail(applicantId: string, lastEmail: LastEmail, sentAs: string): Promise<void>;
  /** Pauses (an instant) or resumes (undefined) reminders; writes the profile, so the planner re-plans. */
  setRemindersPaused(applicantId: string, pausedAt: string | undefined): Promise<void>;
  recordAudit(entry: AuditEntry): Promise<void>;
  /** The applicant's audit trail, newest first. */
  listAudit(applicantId: string): Promise<AuditEntry[]>;
  /** Intake submissions received for the applicant, newest first. */
  listSubmissions(
    applicantId: string,
  ): Promise<{ provider: string; submissionId: string; type: string; receivedAt: string }[]>;
  /** The applicant's most recent domain events, newest first (a bounded copy; the bus has them all). */
  listEvents(applicantId: string): Promise<RecentEvent[]>;
  /**
   * Deletes every item of the applicant (profile, milestones, interviews, plan, ledger, wake-up,
   * audit, intake records, email lookup and suppression of their address) and keeps one erasure
   * record without personal data.
   */
  eraseApplicant(applicantId: string, audit: AuditEntry): Promise<ErasureReport>;
}
