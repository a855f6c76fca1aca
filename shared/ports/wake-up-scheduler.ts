/**
 * An applicant's pending wake-up (DESIGN decision 3). Normally one per applicant: arming a new
 * instant removes the one it replaces. Each wake-up is its own record, named by its instant, so a
 * wake-up that has just fired (and removes itself) can never take a newly armed one with it.
 * A stray extra wake-up is harmless: the reminder re-plans and claims before sending.
 */
export interface WakeUpScheduler {
  /**
   * Arms a wake-up at `at`. Arming the same instant twice is one wake-up. `replacing` is the
   * instant of the pending wake-up this one supersedes (removed after the new one exists, so the
   * applicant is never without one); `plannedFor` is the instant the reminder should plan at when
   * it fires, if not `at` itself (a retry of a send that was throttled).
   */
  arm(applicantId: string, at: Date, options?: ArmOptions): Promise<void>;
  /**
   * Removes the applicant's wake-up armed at `armedAt`, if it is still pending; without `armedAt`
   * (the applicant is gone, its stored plan with it), every pending wake-up of the applicant.
   */
  disarm(applicantId: string, armedAt?: Date): Promise<void>;
}

export interface ArmOptions {
  replacing?: Date;
  plannedFor?: Date;
  /** How many send attempts this wake-up follows (0 or absent: a planned wake-up). */
  attempt?: number;
}
