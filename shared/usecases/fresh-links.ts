import { localDate } from "#domain/time.ts";
import { renderFreshLinksEmail } from "#email/fresh-links-email.ts";
import { TransientError } from "#errors";
import { type ApplicantLinks, TIMELINE_LINK_DAYS } from "#links/applicant-links.ts";
import type { ApplicantRepository, ApplicantState } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { Mailer } from "#ports/mailer.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import { FRESH_LINKS_ID_PREFIX } from "./fresh-links-id.ts";
import { CLAIM_STALE_AFTER_MS } from "./send-due-reminders/claims.ts";

export interface FreshLinksDeps {
  applicants: Pick<ApplicantRepository, "loadApplicant">;
  suppression: Pick<SuppressionList, "suppressionReason">;
  ledger: Pick<ReminderLedger, "claimReminders" | "markRemindersSent" | "releaseClaims">;
  mailer: Mailer;
  clock: Clock;
  /** Fresh signed links for the applicant (timeline and preferences, valid TIMELINE_LINK_DAYS). */
  links(profile: ApplicantState["profile"]): Promise<ApplicantLinks>;
}

/**
 * What a request for fresh links came to. Only for logs and tests: the page the applicant sees is
 * the same for every outcome, so it says nothing about the address or the account.
 */
export type FreshLinksOutcome =
  /** One email with fresh timeline and preferences links went to the address on file. */
  | { outcome: "sent"; messageId: string }
  /** One went today already (or is being sent): nothing sent twice. */
  | { outcome: "already-sent-today" }
  /** The address bounced or drew a complaint: it is never mailed. */
  | { outcome: "suppressed" }
  /** No such applicant (erased since the link was sent). */
  | { outcome: "unknown-applicant" };

/**
 * "Email me a fresh link": the applicant behind a genuine link (the caller
 * verified it, expired or not) gets one email with fresh timeline and preferences links, to the
 * address on file only; the link itself never names where to send.
 *
 * - A bounced or complained-about address is never mailed. An applicant who unsubscribed from
 *   reminders is: they asked for this message, and the preferences page it opens is their only way
 *   to "Subscribe again".
 * - At most one per applicant per day (their own day): claimed in the ledger as
 *   `fresh-links:<day>` by a conditional write before sending, as every notice is (DESIGN decision
 *   5), so a retried or repeated POST sends nothing more. A failed send gives the claim back, so
 *   the next request can send; the sent mark records the message (decision 7).
 */
export async function sendFreshLinks(applicantId: string, deps: FreshLinksDeps): Promise<FreshLinksOutcome> {
  const state = await deps.applicants.loadApplicant(applicantId);
  if (state === undefined) return { outcome: "unknown-applicant" };
  const { profile } = state;
  const reason = await deps.suppression.suppressionReason(profile.email);
  if (reason === "bounce" || reason === "complaint") return { outcome: "suppressed" };

  const now = deps.clock.now();
  const claimId = `${FRESH_LINKS_ID_PREFIX}${localDate(profile.timezone, now.getTime())}`;
  const claimed = await deps.ledger.claimReminders(applicantId, [claimId], now, CLAIM_STALE_AFTER_MS);
  if (claimed.length === 0) return { outcome: "already-sent-today" };

  let messageId: string;
  try {
    const links = await deps.links(profile);
    const email = renderFreshLinksEmail({
      recipientName: profile.fullName,
      timelineUrl: links.timeline,
      preferencesUrl: links.preferences,
      validDays: TIMELINE_LINK_DAYS,
      unsubscribed: profile.unsubscribedAt !== undefined || reason === "unsubscribe",
    });
    ({ messageId } = await deps.mailer.send({
      to: profile.email,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: [],
      tags: { applicantId, kind: "fresh-links" },
    }));
  } catch (sendError) {
    try {
      await deps.ledger.releaseClaims(applicantId, [claimId]);
    } catch (releaseError) {
      // The claim goes stale in CLAIM_STALE_AFTER_MS and can be claimed again; report both failures.
      throw new TransientError("Sending fresh links failed and the claim could not be released", {
        cause: new AggregateError([sendError, releaseError]),
      });
    }
    throw sendError;
  }
  await deps.ledger.markRemindersSent(applicantId, [claimId], messageId, deps.clock.now());
  return { outcome: "sent", messageId };
}
