import type { DeliveryOutcome, EmailFeedback, EmailLedger } from "#ports/email-feedback.ts";
import type { EventPublisher } from "#ports/event-publisher.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";

export interface RecordEmailEventDeps {
  suppression: Pick<SuppressionList, "suppress">;
  ledger: EmailLedger;
  events: EventPublisher;
}

export type EmailEventOutcome =
  /** Hard bounce or complaint: the address is on the suppression list now. */
  | "suppressed"
  /** Delivery, soft bounce, rejection or rendering failure: noted on the ledger, the address stays mailable. */
  | "recorded"
  /** Nothing to do (sends, opens, clicks, ...). */
  | "ignored";

export interface EmailEventResult {
  outcome: EmailEventOutcome;
  /** Applicants the event was traced to (from the mail tag or the address lookup). */
  applicantIds: string[];
  /** Ledger entries marked with the outcome. */
  ledgerEntries: number;
}

/**
 * Acts on SES feedback about a message we sent (DESIGN decision 7: bounces and complaints
 * suppress further mail, every notice is recorded in the ledger).
 *
 * A permanent bounce or a complaint suppresses each named recipient (the reminder function checks
 * the list before every send), marks the ledger entries of that message, and publishes
 * EmailSuppressed. Transient and undetermined bounces (SES had already retried), rejections and
 * rendering failures are only noted on the ledger, and so is a delivery: the advisor's console
 * shows each email's outcome, at the price of about one write per ledger entry of the
 * message plus one of the applicant's plan item when it is their last email. The ledger keeps the
 * outcome that wins by OUTCOME_RANK, so a delivery arriving after a bounce or complaint hides neither.
 * Sends, opens and the rest are ignored.
 *
 * Effects run in an order a retry can repeat: suppression first (what protects the sender's
 * reputation; idempotent, the first reason is kept), then the ledger (idempotent), then the
 * event (published at least once).
 */
export async function recordEmailEvent(
  feedback: EmailFeedback,
  deps: RecordEmailEventDeps,
): Promise<EmailEventResult> {
  if (feedback.kind === "other") return { outcome: "ignored", applicantIds: [], ledgerEntries: 0 };

  if (feedback.kind === "delivery") {
    const applicantIds = await tracedApplicants(feedback, deps.ledger);
    const ledgerEntries = await mark(applicantIds, feedback.messageId, "delivered", feedback.at, deps);
    return { outcome: "recorded", applicantIds, ledgerEntries };
  }

  if (feedback.kind === "reject" || feedback.kind === "rendering-failure") {
    const status: DeliveryOutcome = feedback.kind === "reject" ? "rejected" : "rendering-failed";
    const applicantIds = feedback.applicantId ? [feedback.applicantId] : [];
    const ledgerEntries = await mark(applicantIds, feedback.messageId, status, feedback.at, deps);
    return { outcome: "recorded", applicantIds, ledgerEntries };
  }

  const hard = feedback.kind === "complaint" || feedback.bounceType === "Permanent";
  const reason = feedback.kind === "complaint" ? "complaint" : "bounce";
  const status: DeliveryOutcome =
    feedback.kind === "complaint" ? "complained" : hard ? "bounced" : "soft-bounced";

  if (hard) {
    for (const recipient of feedback.recipients)
      await deps.suppression.suppress(recipient, reason, feedback.at);
  }
  const applicantIds = await tracedApplicants(feedback, deps.ledger);
  const ledgerEntries = await mark(applicantIds, feedback.messageId, status, feedback.at, deps);
  if (!hard) return { outcome: "recorded", applicantIds, ledgerEntries };

  const at = feedback.at.toISOString();
  await deps.events.publish(
    applicantIds.length > 0
      ? applicantIds.map((applicantId) => ({
          type: "EmailSuppressed" as const,
          applicantId,
          at,
          detail: { reason },
        }))
      : // An address we cannot trace is still suppressed; subscribers learn that much.
        [{ type: "EmailSuppressed" as const, at, detail: { reason } }],
  );
  return { outcome: "suppressed", applicantIds, ledgerEntries };
}

/** The tag our mailer sets names the applicant; without it (identity notifications, emulators) the address does. */
async function tracedApplicants(
  feedback: Extract<EmailFeedback, { recipients: string[] }>,
  ledger: EmailLedger,
): Promise<string[]> {
  if (feedback.applicantId) return [feedback.applicantId];
  const found = await Promise.all(feedback.recipients.map((email) => ledger.applicantIdForEmail(email)));
  return [...new Set(found.filter((id): id is string => id !== undefined))];
}

async function mark(
  applicantIds: readonly string[],
  messageId: string,
  status: DeliveryOutcome,
  at: Date,
  deps: RecordEmailEventDeps,
): Promise<number> {
  let marked = 0;
  for (const applicantId of applicantIds) {
    marked += await deps.ledger.recordDeliveryOutcome(applicantId, messageId, status, at);
  }
  return marked;
}
