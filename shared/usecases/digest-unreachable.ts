import type { SuppressionReason } from "#ports/suppression-list.ts";

/** Why Matchpath cannot reach an applicant, and what the advisor can do, by suppression reason. */
const CANNOT_REACH: Readonly<Record<SuppressionReason, string>> = {
  bounce:
    "an email to their address bounced, so Matchpath sends them nothing more; ask them for a new address",
  complaint:
    "an email to them was marked as spam, so Matchpath sends them nothing more; ask them for a new address",
  unsubscribe: "they unsubscribed from Matchpath's emails; ask them for a new address or to subscribe again",
};

/** The digest's once-per-applicant line for an applicant no email reaches. Pure. */
export function cannotReachLine(fullName: string, reason: SuppressionReason): string {
  return `Matchpath cannot reach ${fullName}: ${CANNOT_REACH[reason]}.`;
}
