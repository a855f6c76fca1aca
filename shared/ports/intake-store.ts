import type { Submission } from "#domain/snapshot.ts";

/** Where an intake came from, for idempotency and audit. */
export interface IntakeSource {
  /** "webhook", "console", or a form provider's name (shared/intake/providers/list.ts). */
  provider: string;
  /** The provider's own submission id: the idempotency key together with provider. */
  submissionId: string;
}

export interface IntakeResult {
  applicantId: string;
  outcome: "created" | "updated" | "duplicate";
}

/** Where intake submissions are written. */
export interface IntakeStore {
  /**
   * Writes one submission atomically and idempotently on (provider, submissionId).
   * A snapshot creates or replaces the applicant; an update changes milestones of an existing one.
   * Throws ApplicantNotFoundError for an update naming no known applicant.
   */
  applySubmission(submission: Submission, source: IntakeSource, receivedAt: Date): Promise<IntakeResult>;
}
