/**
 * Ledger ids of fresh-link emails (fresh-links.ts) start with this, then the applicant's local day
 * (YYYY-MM-DD): one id per day is what allows at most one such email per applicant per day. Apart
 * from fresh-links.ts so the reminders' claim code can tell these ledger items from its own
 * without importing the use case (which imports it).
 */
export const FRESH_LINKS_ID_PREFIX = "fresh-links:";

/** Whether a ledger item is a fresh-links email's, not a reminder's. */
export function isFreshLinksId(reminderId: string): boolean {
  return reminderId.startsWith(FRESH_LINKS_ID_PREFIX);
}
