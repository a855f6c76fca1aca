import { verifyUnsubscribeToken } from "#email/unsubscribe-token.ts";
import { ApplicantNotFoundError, InvalidInputError } from "#errors";
import type { Clock } from "#ports/clock.ts";
import type { EventPublisher } from "#ports/event-publisher.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";

export interface UnsubscribeDeps {
  store: Pick<SuppressionList, "unsubscribe">;
  clock: Clock;
  secret: string;
}

export type UnsubscribeOutcome = "unsubscribed" | "unknown-applicant";

/** Checks a link's token without changing anything: for the GET confirmation page. */
export function checkUnsubscribeToken(token: string | undefined, secret: string): string {
  const claims = token ? verifyUnsubscribeToken(secret, token) : undefined;
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
  const applicantId = checkUnsubscribeToken(token, deps.secret);
  const at = deps.clock.now();
  try {
    await deps.store.unsubscribe(applicantId, at);
  } catch (error) {
    if (error instanceof ApplicantNotFoundError) return { applicantId, outcome: "unknown-applicant" };
    throw error;
  }
  await deps.events?.publish([
    { type: "EmailSuppressed", applicantId, at: at.toISOString(), detail: { reason: "unsubscribe" } },
  ]);
  return { applicantId, outcome: "unsubscribed" };
}
