import { applicantLinks } from "#links/applicant-links.ts";
import type { LinkKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken, unsubscribeUrl } from "#links/unsubscribe-token.ts";

/**
 * The signed links every email to an applicant carries, as the send path asks for them: the
 * one-click unsubscribe URL and the applicant's action, timeline, preferences and calendar links.
 * One wiring for every function that sends the reminder email (the reminder function, and the
 * console's "resend the latest notice"). All are signed with the link keyring, read once per call.
 */
export function recipientLinks(options: {
  publicBaseUrl: string;
  linkKeyring: () => Promise<LinkKeyring>;
  clock: { now(): Date };
}) {
  const { publicBaseUrl, clock } = options;
  return {
    unsubscribeUrl: async (applicantId: string) =>
      unsubscribeUrl(
        publicBaseUrl,
        createUnsubscribeToken(await options.linkKeyring(), applicantId, clock.now()),
      ),
    applicantLinks: async (profile: { applicantId: string; feedGeneration?: number }) =>
      applicantLinks({
        baseUrl: publicBaseUrl,
        keyring: await options.linkKeyring(),
        applicantId: profile.applicantId,
        feedGeneration: profile.feedGeneration ?? 0,
        now: clock.now(),
      }),
  };
}
