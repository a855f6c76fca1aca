import type { ScheduledReminder } from "#domain/scheduled-reminders.ts";
import type { MilestoneEntry, MilestoneKey, Submission } from "#domain/snapshot.ts";

/** Where an intake came from, for idempotency and audit. */
export interface IntakeSource {
  /** "webhook", "console", or a form provider's name (shared/intake/providers/list.ts). */
  provider: string;
  /** The provider's own submission id: the idempotency key together with provider. */
  submissionId: string;
  /**
   * The milestones as the caller read them when it decided this update (undefined: none was
   * recorded). When any differs from what is stored at write time, nothing is written and
   * ConcurrentChangeError is thrown, so the caller decides again (a Done and a Snooze tapped at
   * once never both answer "Recorded" while one is lost).
   */
  decidedOn?: ReadonlyMap<MilestoneKey, MilestoneEntry | undefined>;
  /**
   * The reminders the caller's plan, made now from the state it decided on, still had scheduled:
   * what the notice ledger showed as scheduled (a plan made now, not the one stored at the last
   * wake-up). Kept beside the stored plan with the change, so the re-plan the change causes counts
   * every one of them it drops as cancelled (an exam day passed since the
   * last wake-up, and three of four scheduled rows vanished after Mark done). Written only when the
   * submission changes something and a plan is stored; the next stored plan replaces them.
   */
  shownScheduled?: readonly ScheduledReminder[];
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
   * Throws ApplicantNotFoundError for an update naming no known applicant, InvalidInputError when
   * an update marks a step done after today in the applicant's stored zone (storedZoneRefusal: the
   * update names no zone), ConcurrentChangeError when a milestone or interview it writes changed
   * since it was read (see `decidedOn`); nothing is written.
   */
  applySubmission(submission: Submission, source: IntakeSource, receivedAt: Date): Promise<IntakeResult>;
  /**
   * Whether a submission with this (provider, submissionId) was written (within the idempotency
   * records' lifetime): a used action link, so its page says it records once before any form.
   * Absent: not known, and the page shows the form.
   */
  submissionApplied?(provider: string, submissionId: string): Promise<boolean>;
}
