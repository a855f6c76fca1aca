import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { audit, authorizedApplicant, type ConsoleDeps } from "./console.ts";
import { lastEmailOf, type Planning } from "./planning.ts";
import { RESEND_ID_PREFIX } from "./resend-id.ts";
import { resendDecision } from "./resend-refusal.ts";
import { CLAIM_STALE_AFTER_MS } from "./send-due-reminders/claims.ts";
import { type ReminderMessageDeps, sendReminderMessage } from "./send-due-reminders/reminder-message.ts";

export interface ResendDeps extends ConsoleDeps, ReminderMessageDeps {
  ledger: ReminderLedger;
  suppression: Pick<SuppressionList, "isSuppressed" | "suppressionReason" | "suppressedSince">;
  planning: Planning;
}

// The page's rule too (resend-refusal.ts); importers of latestNotice keep finding it here.
export { latestNotice } from "./resend-refusal.ts";

export type ResendOutcome =
  /** One email went out again, with today's text for the reminders the notice held. */
  | { outcome: "resent"; messageId: string; resentMessageId: string; reminderIds: string[] }
  /** This notice was resent already (or is being resent): nothing sent twice. */
  | { outcome: "already-resent"; resentMessageId: string }
  /** Nothing sent, and why, in words for the advisor. */
  | { outcome: "refused"; reason: string };

/**
 * "Resend the latest notice" from the console: the applicant's latest reminder email, sent again
 * through the reminders' own path (sendReminderMessage: the same template, unsubscribe header,
 * signed links and interview invites), with today's plan text for the reminders it held whose
 * deadline is still ahead. Refused, with the reason, when the applicant unsubscribed, the address is
 * suppressed (bounce or complaint), reminders are paused, or nothing is left to resend. Idempotent:
 * the resend is claimed in the ledger as `resend:<message id>` before sending, so a double click or
 * a retried request sends once; a send that fails gives the claim back. Audited as `notice.resend`.
 */
export async function resendLatestNotice(
  principal: Principal,
  applicantId: string,
  deps: ResendDeps,
): Promise<ResendOutcome> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  const now = deps.clock.now();
  const decision = resendDecision(
    state,
    deps.planning.plan(state, now),
    await deps.suppression.isSuppressed(state.profile.email),
    now,
  );
  if ("refused" in decision) return { outcome: "refused", reason: decision.refused };
  const { latest, plan, reminders } = decision;

  const resendId = `${RESEND_ID_PREFIX}${latest.messageId}`;
  const claimed = await deps.ledger.claimReminders(applicantId, [resendId], now, CLAIM_STALE_AFTER_MS);
  if (claimed.length === 0) return { outcome: "already-resent", resentMessageId: latest.messageId };
  const sent = await sendReminderMessage(applicantId, state, plan, reminders, {
    ...deps,
    ledger: { releaseClaims: (id, ids) => deps.ledger.releaseClaims(id, [...ids, resendId]) },
  });
  if ("failure" in sent) throw sent.failure;
  await deps.ledger.markRemindersSent(applicantId, [resendId], sent.messageId, deps.clock.now());
  // The cohort row is written with each plan, and a resend writes none: its last email is this
  // one, with SES's report if it is in the ledger already, or lands
  // while the row is written (the store checks the resend's entry).
  const after = await deps.applicants.loadApplicant(applicantId);
  const lastEmail = after === undefined ? undefined : lastEmailOf(after);
  if (lastEmail?.messageId === sent.messageId)
    await deps.console.recordLastEmail(applicantId, lastEmail, resendId);
  const reminderIds = reminders.map((reminder) => reminder.id);
  await audit(principal, applicantId, "notice.resend", deps, {
    before: { messageId: latest.messageId },
    after: { messageId: sent.messageId, reminderIds },
  });
  return { outcome: "resent", messageId: sent.messageId, resentMessageId: latest.messageId, reminderIds };
}
