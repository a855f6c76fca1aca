import type { Plan } from "#domain/plan.ts";
import { EmailRejectedError } from "#errors";
import { ESCALATION_REJECTED_MESSAGE } from "#observability/alarmed-log-lines.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { Mailer } from "#ports/mailer.ts";
import type { ReminderLedger, WithheldReason } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import { ESCALATION_CLAIM_STALE_AFTER_MS, escalationsFor, strandedEscalations } from "./escalation.ts";
import { escalationEmail } from "./escalation-email.ts";

/*
 * Sending what escalation.ts decides the advisor is told: each escalation claimed in the
 * applicant's ledger, then mailed and marked sent, withheld for a suppressed address or an email
 * SES rejects for good, or kept for a retry when the failure may pass.
 */

export interface EscalationDeps {
  ledger: Pick<
    ReminderLedger,
    "claimReminders" | "markRemindersSent" | "markRemindersWithheld" | "releaseClaims"
  >;
  mailer: Mailer;
  /**
   * The list the applicant's own reminders honour: an advisor address that hard-bounced or
   * complained is on it too (record-email-event suppresses every recipient of an escalation).
   */
  suppression: Pick<SuppressionList, "suppressionReason">;
  /** The applicant's page in the advisor's console, e.g. `https://…/console#/applicants/a_…` (the shell signs in, then opens it). */
  consoleUrl(applicantId: string): string;
  /**
   * Told of each escalation SES rejected for good (recorded as not sent, never retried), so an
   * operator hears of it: the composition roots log it at error level (no address, no name).
   */
  onRejected?(rejection: RejectedEscalations): void;
}

/**
 * EscalationDeps' `onRejected` over a function's logger: one error-level line, with the
 * applicant's id, the escalation ids and the error's class and message (no address, no name). The
 * stack's EscalationsRejected alarm counts its message (ESCALATION_REJECTED_MESSAGE).
 */
export function logRejectedEscalations(logger: {
  error(message: string, extra: Record<string, unknown>): void;
}): (rejection: RejectedEscalations) => void {
  return (rejection) => logger.error(ESCALATION_REJECTED_MESSAGE, { ...rejection });
}

/** Escalations the mail provider refused for good in one escalate call, for an operator. */
export interface RejectedEscalations {
  applicantId: string;
  escalationIds: string[];
  /** The class and message of the first refusal (the SES error's name, never the recipient). */
  error: { name: string; message: string };
}

/**
 * What one escalate call did: the ids sent, the ids whose send failed with their claims kept, and
 * the ids withheld for good, because the advisor's address is suppressed or SES rejected the email.
 */
export interface EscalateResult {
  sent: string[];
  kept: string[];
  withheld: string[];
}

export interface EscalateOptions {
  /**
   * What a send that may pass on a retry does (throttling, a 5xx, any error but EmailRejectedError).
   * "release-and-throw" (the planner's default): the claims are given back and the error rethrown,
   * so the stream record is retried and the diff finds the risk again. "keep-claims" (the reminder
   * function, which must still send the applicant's own reminders): the claims stay, go stale, and
   * the timer escalationWakeUp arms sends them; nothing is thrown. A permanent refusal is the same
   * either way (see escalate).
   */
  onSendFailure?: "release-and-throw" | "keep-claims";
}

/**
 * Sends the advisor one email carrying every escalation not yet sent (new ones, and stranded ones),
 * where one email each went out in the same second: each is claimed in the applicant's ledger first
 * (a retry or a concurrent re-plan finds it claimed or sent and skips it) and all the claimed ones
 * are marked sent, with the one message id, after SES accepts it; a failed send is handled per
 * `onSendFailure`, for all of them alike.
 * When the advisor's address is on the suppression list (a hard bounce or a complaint), nothing is
 * sent: each escalation claimed is marked "withheld" with the reason, so it is handled once, like a
 * sent one, and no timer or re-plan tries it again; the console's ledger shows it as not sent.
 * An email SES rejects for good (EmailRejectedError: MessageRejected, an unverified sender, sending
 * paused) marks its escalations "withheld" as "rejected" the same way, reported through
 * `onRejected`: a retry would meet the same refusal, every 15 minutes, for ever.
 */
export async function escalate(
  state: ApplicantState,
  plan: Plan,
  now: Date,
  deps: EscalationDeps,
  options: EscalateOptions = {},
): Promise<EscalateResult> {
  const advisor = state.profile.advisorEmail;
  const escalations = [...escalationsFor(state, plan)];
  for (const stranded of strandedEscalations(state, plan, now)) {
    if (!escalations.some((escalation) => escalation.id === stranded.id)) escalations.push(stranded);
  }
  if (advisor === undefined || escalations.length === 0) return { sent: [], kept: [], withheld: [] };
  const { applicantId } = state.profile;
  const suppressed = await deps.suppression.suppressionReason(advisor);
  const claimed = new Set(
    await deps.ledger.claimReminders(
      applicantId,
      escalations.map((escalation) => escalation.id),
      now,
      ESCALATION_CLAIM_STALE_AFTER_MS,
    ),
  );
  const told = escalations.filter((escalation) => claimed.has(escalation.id));
  const ids = told.map((each) => each.id);
  if (ids.length === 0) return { sent: [], kept: [], withheld: [] };
  if (suppressed !== undefined) {
    await deps.ledger.markRemindersWithheld(applicantId, ids, suppressed, now);
    return { sent: [], kept: [], withheld: ids };
  }
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send(await escalationEmail(state, plan, told, advisor, deps)));
  } catch (error) {
    if (error instanceof EmailRejectedError) {
      await deps.ledger.markRemindersWithheld(applicantId, ids, "rejected", now);
      deps.onRejected?.({
        applicantId,
        escalationIds: ids,
        error: { name: error.name, message: error.message },
      });
      return { sent: [], kept: [], withheld: ids };
    }
    if (options.onSendFailure === "keep-claims") return { sent: [], kept: ids, withheld: [] };
    await deps.ledger.releaseClaims(applicantId, ids);
    throw error;
  }
  await deps.ledger.markRemindersSent(applicantId, ids, messageId, now);
  return { sent: ids, kept: [], withheld: [] };
}

/** Why an escalation was not sent, in the advisor console's words. */
export const WITHHELD_BECAUSE: Readonly<Record<WithheldReason, string>> = {
  bounce: "not sent: the advisor's address is suppressed after a bounce",
  complaint: "not sent: the advisor's address is suppressed after a spam complaint",
  unsubscribe: "not sent: the advisor's address is on the suppression list (unsubscribed)",
  rejected: "not sent: SES rejected the message",
};
