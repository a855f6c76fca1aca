/**
 * One pending wake-up per applicant (DESIGN decision 3). Arming replaces any earlier one,
 * so re-planning never leaves a stale wake-up behind.
 */
export interface WakeUpScheduler {
  /** Creates or updates the applicant's one-time wake-up at the given instant. */
  arm(applicantId: string, at: Date): Promise<void>;
  /** Removes the applicant's wake-up, if any. */
  disarm(applicantId: string): Promise<void>;
}
