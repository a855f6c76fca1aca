import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { header, queryParameter } from "#http/request.ts";
import { type ApplicantLinks, applicantLinks } from "#links/applicant-links.ts";
import {
  type FeedClaims,
  type LinkKeyring,
  type TimelineClaims,
  verifyLinkToken,
} from "#links/link-token.ts";
import type { MailStopped } from "#pages/mail-status.ts";
import { linkRefusedPage, type PageLinkKind, pageLinkExpiredPage } from "#pages/refused-links.ts";
import type { ApplicantRepository, ApplicantSettings, ApplicantState } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { IntakeStore } from "#ports/intake-store.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import { LinkRefusedError } from "#usecases/link-refused-error.ts";
import type { Planning } from "#usecases/planning.ts";

/**
 * The applicant's own pages, reached from the signed links in every email:
 * GET /timeline, GET|POST /actions, GET /calendar.ics, GET|POST /preferences. Each URL names the applicant and carries a
 * token; anything refused answers 401 (not genuine, altered, someone else's) or 410 (expired) with
 * a page saying what to do, and changes nothing. Only the POSTs write.
 */
export interface ApplicantPagesDeps {
  applicants: ApplicantRepository;
  intake: IntakeStore;
  /** Preferences and the calendar feed's address. */
  settings: ApplicantSettings;
  /** Whether (and why not) Matchpath emails the applicant, and "Subscribe again". */
  suppression: Pick<SuppressionList, "suppressionReason" | "resubscribe">;
  clock: Clock;
  planning: Planning;
  keyring: () => Promise<LinkKeyring>;
  /** Base of the links the pages print; absent: the request's own origin. */
  publicBaseUrl?: string;
  /** The deployment sends "Email me a fresh link" (POST /fresh-link): expired-link pages offer it. */
  offersFreshLinks?: boolean;
}

export type PageRoute = (
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Form posts from our own pages are a few hundred bytes. */
export const MAX_FORM_BYTES = 8 * 1024;

export function baseUrl(
  event: APIGatewayProxyEventV2,
  deps: Pick<ApplicantPagesDeps, "publicBaseUrl">,
): string {
  if (deps.publicBaseUrl) return deps.publicBaseUrl;
  const stage =
    event.requestContext.stage && event.requestContext.stage !== "$default"
      ? `/${event.requestContext.stage}`
      : "";
  return `https://${event.requestContext.domainName}${stage}`;
}

export async function linksFor(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
  state: ApplicantState,
): Promise<ApplicantLinks> {
  return applicantLinks({
    baseUrl: baseUrl(event, deps),
    keyring: await deps.keyring(),
    applicantId: state.profile.applicantId,
    feedGeneration: state.profile.feedGeneration ?? 0,
    now: deps.clock.now(),
  });
}

/**
 * Refusals become their page; everything else propagates to the RFC 9457 handler. `page` names a
 * timeline or preferences route, whose expired link is worded for that page, not for a button, and
 * offers "Email me a fresh link" through `freshLinkAction` (see freshLinkAction).
 */
export async function refusing(
  work: () => Promise<APIGatewayProxyStructuredResultV2>,
  page?: PageLinkKind,
  freshLinkAction?: string,
): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LinkRefusedError) {
      return page !== undefined && error.status === 410
        ? pageLinkExpiredPage(page, freshLinkAction)
        : linkRefusedPage(error.status);
    }
    throw error;
  }
}

/**
 * Where an expired timeline or preferences page posts "Email me a fresh link": POST /fresh-link
 * with the link's own applicant and token, relative to /timeline or /preferences (a stage prefix is
 * kept). Undefined when the deployment does not send them. The page only shows it for a genuine
 * token (410 is only ever reported for one); the route checks the token again.
 */
export function freshLinkAction(event: APIGatewayProxyEventV2, deps: ApplicantPagesDeps): string | undefined {
  if (!deps.offersFreshLinks) return undefined;
  const query = new URLSearchParams({
    applicant: queryParameter(event, "applicant") ?? "",
    token: queryParameter(event, "token") ?? "",
  });
  return `fresh-link?${query.toString()}`;
}

/**
 * The applicant a link speaks for, the one check every page link passes: its token verifies for
 * `purpose` (signature, key, expiry), was signed for the applicant the link names, and that
 * applicant exists. Throws LinkRefusedError otherwise; the refused-link page says which.
 */
export async function verifiedApplicant(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
  purpose: "timeline",
): Promise<{ state: ApplicantState; claims: TimelineClaims }>;
export async function verifiedApplicant(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
  purpose: "feed",
): Promise<{ state: ApplicantState; claims: FeedClaims }>;
export async function verifiedApplicant(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
  purpose: "timeline" | "feed",
): Promise<{ state: ApplicantState; claims: TimelineClaims | FeedClaims }> {
  const applicantId = queryParameter(event, "applicant");
  const result = verifyLinkToken(
    await deps.keyring(),
    queryParameter(event, "token"),
    purpose,
    deps.clock.now(),
  );
  if (!result.ok) throw new LinkRefusedError(result.reason);
  if (result.claims.applicantId !== applicantId) throw new LinkRefusedError("other-applicant");
  const state = await deps.applicants.loadApplicant(applicantId);
  if (!state) throw new LinkRefusedError("unknown-applicant");
  return { state, claims: result.claims };
}

/**
 * Why no email reaches the applicant, if none does: a bounce or complaint on the address comes
 * first (a link cannot lift it), then the applicant's own unsubscribe.
 */
export async function mailStopped(
  state: ApplicantState,
  deps: ApplicantPagesDeps,
): Promise<MailStopped | undefined> {
  const reason = await deps.suppression.suppressionReason(state.profile.email);
  if (reason === "bounce" || reason === "complaint") return reason;
  return state.profile.unsubscribedAt !== undefined || reason === "unsubscribe" ? "unsubscribe" : undefined;
}

export async function timelineState(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
): Promise<ApplicantState> {
  return (await verifiedApplicant(event, deps, "timeline")).state;
}

/** The form posts back to the very URL it came from (relative, so a stage prefix is kept). */
export function selfUrl(event: APIGatewayProxyEventV2): string {
  return `?${event.rawQueryString ?? ""}`;
}

/**
 * Whether a refused form answers as RFC 9457 JSON rather than as its page: only for an API client,
 * one whose Accept names JSON and not HTML. A browser's form post (Accept text/html, or none at
 * all) gets the page again with the error, still 400.
 */
export function wantsProblemJson(event: APIGatewayProxyEventV2): boolean {
  const accept = header(event, "accept")?.toLowerCase() ?? "";
  return /application\/(problem\+)?json/.test(accept) && !accept.includes("text/html");
}
