import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import type { ApplicantSettings } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import { type InMemoryApplicantStore, storePorts } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { createHttpApi, type HttpApiDeps } from "../../../functions/http-api/app.ts";
import { httpEvent } from "./events.ts";

/**
 * The http-api as the applicant's pages see it (timeline, one-tap actions, preferences, calendar),
 * over an in-memory store: what the page tests share. Each test keeps its own store contents,
 * clock and assertions.
 */

/** The keyring the applicant's links are signed with. */
export const LINK_KEYRING = parseKeyring(`k1=${"s".repeat(40)}`);
/** The keyring unsubscribe links are checked with, unless a test passes its own. */
const UNSUBSCRIBE_KEYRING = parseKeyring(`k1=${"u".repeat(40)}`);
export const PUBLIC_BASE_URL = "https://api.example.org";

export interface ApplicantPagesApiOptions {
  clock: Clock;
  /** Replaces the settings port's methods (default: a save that keeps nothing, a feed revoked to generation 1). */
  settings?: Partial<ApplicantSettings>;
  /** The unsubscribe links' keyring (default: one of its own, not the link keyring). */
  unsubscribeKeyring?: typeof LINK_KEYRING;
  /** "Email me a fresh link"; absent: not offered. */
  freshLinks?: HttpApiDeps["freshLinks"];
}

/** The http-api over `store`, with the applicant's pages on and no form providers. */
export function applicantPagesApi(store: InMemoryApplicantStore, options: ApplicantPagesApiOptions) {
  const unsubscribeKeyring = options.unsubscribeKeyring ?? UNSUBSCRIBE_KEYRING;
  return createHttpApi({
    ...storePorts(store),
    clock: options.clock,
    webhookSecret: async () => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    unsubscribeKeys: { keyring: async () => unsubscribeKeyring },
    logger: new Logger({ logLevel: "SILENT" }),
    applicantPages: async () => ({
      settings: { savePreferences: async () => undefined, revokeFeed: async () => 1, ...options.settings },
      planning: domainPlanning,
      keyring: async () => LINK_KEYRING,
      publicBaseUrl: PUBLIC_BASE_URL,
    }),
    ...(options.freshLinks === undefined ? {} : { freshLinks: options.freshLinks }),
  });
}

/** The applicant's links (Ada's unless named), signed at `now`. */
export function linksSignedAt(now: Date, applicantId = "a_ada") {
  return applicantLinks({
    baseUrl: PUBLIC_BASE_URL,
    keyring: LINK_KEYRING,
    applicantId,
    feedGeneration: 0,
    now,
  });
}

/**
 * A request to one of the links: a GET, or with `body` a form POST (urlencoded) that accepts
 * `accept` when given.
 */
export function linkRequest(
  method: string,
  url: string,
  body?: string,
  accept?: string,
): APIGatewayProxyEventV2 {
  const { pathname, search } = new URL(url);
  return httpEvent({
    method,
    path: pathname,
    query: search.slice(1),
    ...(body === undefined
      ? {}
      : {
          body,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            ...(accept === undefined ? {} : { accept }),
          },
        }),
  });
}
