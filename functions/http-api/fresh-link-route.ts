import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { InvalidInputError } from "#errors";
import { blankProblem, HttpProblem } from "#http/problem.ts";
import { queryParameter } from "#http/request.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { type LinkKeyring, verifyLinkToken } from "#links/link-token.ts";
import { freshLinkRequestedPage } from "#pages/fresh-link.ts";
import { linkRefusedPage } from "#pages/refused-links.ts";
import { sendFreshLinks } from "#usecases/fresh-links.ts";
import { checkUnsubscribeToken } from "#usecases/unsubscribe.ts";
import type { HttpApiDeps } from "./app.ts";
import { baseUrl } from "./applicant-access.ts";

/**
 * The applicant a fresh-link request speaks for: a genuine timeline/preferences token (expired or
 * not) signed for the applicant the URL names, or a genuine unsubscribe token (they never expire).
 * Anything else (altered, cut, an unknown key, an action or calendar token, someone else's id in
 * `applicant=`): undefined, and the request is refused as any bad link is (401).
 */
async function requester(
  event: APIGatewayProxyEventV2,
  deps: HttpApiDeps,
  keyring: LinkKeyring,
): Promise<string | undefined> {
  const token = queryParameter(event, "token");
  const named = queryParameter(event, "applicant");
  const timeline = verifyLinkToken(keyring, token, "timeline", deps.clock.now(), { acceptExpired: true });
  if (timeline.ok) return timeline.claims.applicantId === named ? named : undefined;
  try {
    const applicantId = await checkUnsubscribeToken(token, deps.unsubscribeKeys);
    return named === undefined || named === applicantId ? applicantId : undefined;
  } catch (error) {
    if (error instanceof InvalidInputError) return undefined;
    throw error;
  }
}

/**
 * POST /fresh-link, "Email me a fresh link", offered where a genuine link
 * no longer opens anything. The answer is one page whatever happened (fresh-links.ts says what can
 * happen); only a link that is not genuine is refused, and then nothing is sent.
 */
export async function freshLinkRequest(
  event: APIGatewayProxyEventV2,
  deps: HttpApiDeps,
): Promise<APIGatewayProxyStructuredResultV2> {
  if (!deps.freshLinks || !deps.applicantPages) {
    throw new HttpProblem(blankProblem(404, "No route for /fresh-link."));
  }
  const pages = await deps.applicantPages();
  const keyring = await pages.keyring();
  const applicantId = await requester(event, deps, keyring);
  if (applicantId === undefined) return linkRefusedPage(401);
  const base = baseUrl(event, pages);
  const result = await sendFreshLinks(applicantId, {
    applicants: deps.applicants,
    suppression: deps.suppression,
    clock: deps.clock,
    ...(await deps.freshLinks()),
    links: async (profile) =>
      applicantLinks({
        baseUrl: base,
        keyring,
        applicantId: profile.applicantId,
        feedGeneration: profile.feedGeneration ?? 0,
        now: deps.clock.now(),
      }),
  });
  deps.logger.info("fresh links requested", { applicantId, outcome: result.outcome });
  return freshLinkRequestedPage();
}
