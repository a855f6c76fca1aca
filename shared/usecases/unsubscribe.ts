import { ApplicantNotFoundError, InvalidInputError } from "#errors";
import {
  isLegacyUnsubscribeToken,
  type UnsubscribeKeySources,
  verifyUnsubscribeToken,
} from "#links/unsubscribe-token.ts";
import type { Clock } from "#ports/clock.ts";
import type { EventPublisher } from "#ports/event-publisher.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";

export interface UnsubscribeDeps {
  suppression: Pick<SuppressionList, "unsubscribe">;
  clock: Clock;
  /** The link keyring, and the pre-keyring secret while its links are honoured. */
  keys: UnsubscribeKeySources;
}

export type UnsubscribeOutcome = "unsubscribed" | "unknown-applicant";

/**
 * Checks a link's token without changing anything: for the GET confirmation page. The pre-keyring
 * secret is read only for a token in that format, so a stage without it answers every other link.
 */
export async function checkUnsubscribeToken(
  token: string | undefined,
  keys: UnsubscribeKeySources,
): Promise<string> {
  const legacySecret =
    token && isLegacyUnsubscribeToken(token) && keys.legacySecret ? await keys.legacySecret() : undefined;
  const claims = token
    ? verifyUnsubscribeToken({ keyring: await keys.keyring(), legacySecret }, token)
    : undefined;
  if (!claims) {
    throw new InvalidInputError("The unsubscribe link is not valid", [
      { path: "token", message: "is missing, altered or not a Matchpath unsubscribe token" },
    ]);
  }
  return claims.applicantId;
}

/**
 * One-click unsubscribe (RFC 8058): the signed token alone authorises it. Idempotent; an applicant
 * already removed counts as done, since there is nobody left to mail.
 */
export async function unsubscribe(
  token: string | undefined,
  deps: UnsubscribeDeps & { events?: EventPublisher },
): Promise<{ applicantId: string; outcome: UnsubscribeOutcome }> {
  const applicantId = await checkUnsubscribeToken(token, deps.keys);
  const at = deps.clock.now();
  try {
    await deps.suppression.unsubscribe(applicantId, at);
  } catch (error) {
    if (error instanceof ApplicantNotFoundError) return { applicantId, outcome: "unknown-applicant" };
    throw error;
  }
  await deps.events?.publish([
    { type: "EmailSuppressed", applicantId, at: at.toISOString(), detail: { reason: "unsubscribe" } },
  ]);
  return { applicantId, outcome: "unsubscribed" };
}
