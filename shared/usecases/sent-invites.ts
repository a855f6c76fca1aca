import { INTERVIEW_CANCELLED_RUNG, type SentInvite } from "#domain/interview-cancellations.ts";
import type { LedgerEntry } from "#ports/reminder-ledger.ts";

/**
 * The interviews whose calendar file (.ics) went out, from the ledger's sent marks: every email
 * about an interview carries its file (reminder-message.ts), and each mark keeps the interview as
 * that file gave it (LedgerSubject.interview). Per interview, the latest file sent. Marks written
 * before subjects kept the interview are not counted: their file cannot be named again. Pure; in
 * the ledger's order, so the same ledger gives the same list.
 */
export function sentInvitesOf(ledger: readonly LedgerEntry[]): SentInvite[] {
  const byInterview = new Map<string, SentInvite>();
  for (const entry of ledger) {
    const subject = entry.subject;
    if (entry.status !== "sent" || entry.sentAt === undefined || subject?.interview === undefined) continue;
    if (subject.interviewId === undefined || subject.rung === INTERVIEW_CANCELLED_RUNG) continue;
    const known = byInterview.get(subject.interviewId);
    if (known !== undefined && Date.parse(known.lastSentAt) >= Date.parse(entry.sentAt)) continue;
    byInterview.set(subject.interviewId, {
      interviewId: subject.interviewId,
      ...subject.interview,
      lastSentAt: entry.sentAt,
    });
  }
  return [...byInterview.values()];
}
