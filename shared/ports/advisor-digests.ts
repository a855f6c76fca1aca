import type { SuppressionReason } from "./suppression-list.ts";

/**
 * What each applicant of an advisor had open when their last daily digest was made: risks as
 * `<severity>:<CODE>`, overdue subjects (milestone key, or `<milestone>:<interview id>`) and, while
 * Matchpath could not reach them, why (the suppression reason). Opaque applicant ids and codes only,
 * nothing personal. The next digest lists what is not in here. Baselines stored before
 * `unreachable` existed read as reachable, so the next digest names who is unreachable once.
 */
export type DigestBaseline = Record<
  string,
  { risks: string[]; overdue: string[]; unreachable?: SuppressionReason }
>;

/**
 * The latest baseline and its version: every write of it (a digest finishing, an erase taking an
 * applicant out) makes a new version, so a digest that read an older one never writes over an erase.
 */
export interface LatestDigest {
  baseline: DigestBaseline;
  version: number;
  /** The UTC day (YYYY-MM-DD) the latest digest was sent; absent before the first. */
  lastSentDay?: string;
}

/** The advisor daily digests' record: one claim per advisor and day, and the latest baseline. */
export interface AdvisorDigestLog {
  /**
   * Claims the advisor's digest for `day` (YYYY-MM-DD, UTC). False when that day's digest is done,
   * or claimed less than `staleAfterMs` ago by a run that may still finish it.
   */
  claimDay(advisorEmail: string, day: string, now: Date, staleAfterMs: number): Promise<boolean>;
  /** The baseline the advisor's latest finished digest left (or an erase changed), if any. */
  latestBaseline(advisorEmail: string): Promise<LatestDigest | undefined>;
  /**
   * Stores the baseline and, in the same write, marks the day sent (never again that day) or, when
   * nothing was new, gives its claim back (a later run that day may still find news and send).
   * Only if the stored baseline is still at `readVersion` (undefined: none stored); false, and
   * nothing written, when it changed meanwhile (an erase took an applicant out of it).
   */
  finishDay(
    advisorEmail: string,
    day: string,
    outcome: { status: "sent"; messageId: string } | { status: "nothing-new" },
    baseline: DigestBaseline,
    at: Date,
    readVersion: number | undefined,
    /** Kept with the baseline (LatestDigest.lastSentDay): `day` when sent, else the one before. */
    lastSentDay?: string,
  ): Promise<boolean>;
  /** Gives the day's claim back (a send failed), so a retry may make it. */
  releaseDay(advisorEmail: string, day: string): Promise<void>;
}
