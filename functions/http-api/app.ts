import type { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { DateTime } from "luxon";
import { systemClock } from "#adapters/clock.ts";
import type { SecretSource } from "#config/secrets.ts";
import { InvalidInputError } from "#errors";
import { blankProblem, HttpProblem, problemFor } from "#http/problem.ts";
import { header, mediaType, queryParameter, rawBody, routePath } from "#http/request.ts";
import { parseJsonText } from "#intake/json.ts";
import { PROVIDERS, type ProviderName } from "#intake/providers/list.ts";
import { verify } from "#intake/standard-webhooks.ts";
import type { UnsubscribeKeySources } from "#links/unsubscribe-token.ts";
import { describeError } from "#observability/logger.ts";
import { humanDate } from "#pages/dates.ts";
import type { ApplicantRepository } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { IntakeStore } from "#ports/intake-store.ts";
import type { Mailer } from "#ports/mailer.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import { receiveSubmission } from "#usecases/receive-submission.ts";
import { checkUnsubscribeToken, unsubscribe } from "#usecases/unsubscribe.ts";
import type { ApplicantPagesDeps, PageRoute } from "./applicant-routes.ts";
import type { FormIntake } from "./form-routes.ts";
import { isOneClickForm } from "./one-click.ts";
import { alreadyUnsubscribedPage, confirmationPage, invalidLinkPage, unsubscribedPage } from "./pages.ts";
import { HTTP_API_ROUTES, type HttpApiMethod, type HttpApiRouteKey, splitRouteKey } from "./route-keys.ts";

/**
 * The HTTP API's routes over API Gateway HTTP API payload 2.0 events.
 *
 * A small typed route table rather than the Powertools HTTP router (event-handler 2.35): the
 * router answers a known path with a wrong method as 404, not 405 with Allow; it converts every
 * event into a Web Request (decoding base64 bodies as UTF-8 text) before our code can refuse an
 * oversized body; and its 405 for unknown verbs has no body. The routes (./route-keys.ts) do not need it.
 */
export interface HttpApiDeps {
  intake: IntakeStore;
  /** Read by the applicant's pages. */
  applicants: ApplicantRepository;
  suppression: Pick<SuppressionList, "unsubscribe" | "suppressionReason" | "resubscribe">;
  /** The planning clock (local in the local stack): stamps submissions and unsubscriptions. */
  clock: Clock;
  webhookSecret: SecretSource;
  /** What verifies unsubscribe links: the link keyring (and the pre-keyring secret during the transition). */
  unsubscribeKeys: UnsubscribeKeySources;
  logger: Pick<Logger, "info" | "error">;
  /** Webhook tolerance is judged by real time, never the local clock. Injectable for tests only. */
  signatureClock?: Clock;
  /** Form providers (POST /intake/<name>, one per provider in the list); absent: those routes answer 404. */
  forms?: FormIntake;
  /**
   * What the applicant's pages (timeline, one-tap actions, calendar feed, preferences) need, built on
   * their first request (the planner is imported then, not at cold start); absent: those routes answer 404.
   */
  applicantPages?: () => Promise<Omit<ApplicantPagesDeps, "applicants" | "intake" | "suppression" | "clock">>;
  /**
   * "Email me a fresh link" (POST /fresh-link): the ledger that allows one a
   * day and the mailer, built on the first request; absent (no sender configured): expired-link and
   * unsubscribe pages do not offer it and the route answers 404.
   */
  freshLinks?: () => Promise<FreshLinkPorts>;
}

/** What sending fresh links needs beyond the applicant's pages. */
export interface FreshLinkPorts {
  ledger: Pick<ReminderLedger, "claimReminders" | "markRemindersSent" | "releaseClaims">;
  mailer: Mailer;
}

type Method = HttpApiMethod;
type Route = (event: APIGatewayProxyEventV2, deps: HttpApiDeps) => Promise<APIGatewayProxyStructuredResultV2>;

/** One-click bodies are a few hundred bytes; anything larger is not one. */
const MAX_UNSUBSCRIBE_BODY_BYTES = 16 * 1024;

function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

const health: Route = async () => json(200, { status: "ok" });

/**
 * Browsers ask every site for /favicon.ico; a 404 there logs a console error on each page an
 * applicant opens. No icon, nothing to fetch again for a day.
 */
const favicon: Route = async () => ({
  statusCode: 204,
  headers: { "cache-control": "public, max-age=86400" },
});

const intakeWebhook: Route = async (event, deps) => {
  const body = rawBody(event);
  if (mediaType(event) !== "application/json") {
    throw new HttpProblem(blankProblem(415, "Send the submission as application/json."), {
      accept: "application/json",
    });
  }
  verify(await deps.webhookSecret(), event.headers ?? {}, body, deps.signatureClock ?? systemClock);
  const submission = parseJsonText(body.toString("utf8"), "The body", "(root)");
  const result = await receiveSubmission(submission, "webhook", deps);
  deps.logger.info("intake accepted", { applicantId: result.applicantId, outcome: result.outcome });
  return json(202, result);
};

const unsubscribeConfirm: Route = async (event, deps) => {
  const token = queryParameter(event, "token");
  let applicantId: string;
  try {
    applicantId = await checkUnsubscribeToken(token, deps.unsubscribeKeys);
  } catch (error) {
    if (error instanceof InvalidInputError) return invalidLinkPage();
    throw error;
  }
  const already = await unsubscribedAlready(applicantId, deps);
  return already
    ? alreadyUnsubscribedPage(already.since, freshLinkActionFor(token, deps))
    : confirmationPage(token ?? "", freshLinkActionFor(token, deps));
};

/**
 * Whether the link's address is unsubscribed already (this applicant's unsubscribe, or another
 * record's at the same address), and since which day in the applicant's zone when known.
 */
async function unsubscribedAlready(
  applicantId: string,
  deps: HttpApiDeps,
): Promise<{ since?: string } | undefined> {
  const state = await deps.applicants.loadApplicant(applicantId);
  if (!state) return undefined;
  const at = state.profile.unsubscribedAt;
  if (at === undefined && (await deps.suppression.suppressionReason(state.profile.email)) !== "unsubscribe") {
    return undefined;
  }
  const day = at && DateTime.fromISO(at).setZone(state.profile.timezone).toISODate();
  return day ? { since: humanDate(day) } : {};
}

/** "Email me a fresh link" from the unsubscribe pages, with their (never expiring) token. */
function freshLinkActionFor(token: string | undefined, deps: HttpApiDeps): string | undefined {
  return deps.freshLinks && token ? `fresh-link?token=${encodeURIComponent(token)}` : undefined;
}

const unsubscribeOneClick: Route = async (event, deps) => {
  const body = rawBody(event, MAX_UNSUBSCRIBE_BODY_BYTES);
  const type = mediaType(event);
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
    throw new HttpProblem(
      blankProblem(
        415,
        "Send the one-click form as application/x-www-form-urlencoded or multipart/form-data.",
      ),
      { accept: "application/x-www-form-urlencoded, multipart/form-data" },
    );
  }
  if (!(await isOneClickForm(header(event, "content-type"), body))) {
    throw new InvalidInputError("The body is not an RFC 8058 one-click request", [
      { path: "List-Unsubscribe", message: "must be One-Click" },
    ]);
  }
  const result = await unsubscribe(queryParameter(event, "token"), {
    suppression: deps.suppression,
    clock: deps.clock,
    keys: deps.unsubscribeKeys,
  }).catch((error: unknown) => {
    // A token that fails its signature is an authorisation failure (401), like every other link's.
    if (!(error instanceof InvalidInputError)) throw error;
    throw new HttpProblem({ ...blankProblem(401, error.message), errors: error.problems });
  });
  deps.logger.info("unsubscribed", { applicantId: result.applicantId, outcome: result.outcome });
  return unsubscribedPage(freshLinkActionFor(queryParameter(event, "token"), deps));
};

/**
 * A route whose module is imported on its first request, once per function instance. The form
 * providers' mappings and the applicant's pages (planner, calendar, HTML) are most of the bundle's
 * evaluation; a cold start pays for them only when it serves one of those routes. esbuild keeps
 * such a module in the one bundle and evaluates it on that first call, so the deploy is unchanged.
 */
function lazyRoute<M>(load: () => Promise<M>, pick: (module: M) => Route): Route {
  let route: Promise<Route> | undefined;
  return async (event, deps) => {
    route ??= load().then(pick);
    return (await route)(event, deps);
  };
}

const applicantPagesModule = () => import("./applicant-routes.ts");

function applicantPage(
  path: string,
  pick: (module: Awaited<ReturnType<typeof applicantPagesModule>>) => PageRoute,
): Route {
  return lazyRoute(applicantPagesModule, (module) => async (event, deps) => {
    if (!deps.applicantPages) throw new HttpProblem(blankProblem(404, `No route for ${path}.`));
    return pick(module)(event, {
      applicants: deps.applicants,
      intake: deps.intake,
      suppression: deps.suppression,
      clock: deps.clock,
      ...(deps.freshLinks ? { offersFreshLinks: true } : {}),
      ...(await deps.applicantPages()),
    });
  });
}

/** Each route's handler; the form route takes the provider its path names. */
type RouteHandlers = {
  [Key in HttpApiRouteKey]: Key extends `${string}{provider}` ? (provider: ProviderName) => Route : Route;
};

const HANDLERS: RouteHandlers = {
  "GET /health": health,
  "GET /favicon.ico": favicon,
  "POST /intake/webhook": intakeWebhook,
  "POST /intake/{provider}": (provider) =>
    lazyRoute(
      () => import("./form-routes.ts"),
      (module) => module.formRoute(provider),
    ),
  "GET /unsubscribe": unsubscribeConfirm,
  "POST /unsubscribe": unsubscribeOneClick,
  "GET /timeline": applicantPage("/timeline", (module) => module.timeline),
  "GET /actions": applicantPage("/actions", (module) => module.actionPreview),
  "POST /actions": applicantPage("/actions", (module) => module.actionApply),
  "GET /calendar.ics": applicantPage("/calendar.ics", (module) => module.calendarFeed),
  "GET /preferences": applicantPage("/preferences", (module) => module.preferencesView),
  "POST /preferences": applicantPage("/preferences", (module) => module.preferencesSave),
  "POST /fresh-link": lazyRoute(
    () => import("./fresh-link-route.ts"),
    (module) => module.freshLinkRequest,
  ),
  // The GET routes, whose body createHttpApi drops (RFC 9110 HEAD).
  "HEAD /unsubscribe": unsubscribeConfirm,
  "HEAD /timeline": applicantPage("/timeline", (module) => module.timeline),
  "HEAD /actions": applicantPage("/actions", (module) => module.actionPreview),
  "HEAD /calendar.ics": applicantPage("/calendar.ics", (module) => module.calendarFeed),
  "HEAD /preferences": applicantPage("/preferences", (module) => module.preferencesView),
};

/** The table requests are looked up in: HTTP_API_ROUTES by path, `{provider}` as each provider's name. */
const ROUTES: Record<string, Partial<Record<Method, Route>>> = {};
for (const key of HTTP_API_ROUTES) {
  const { method, path } = splitRouteKey(key);
  const handler = HANDLERS[key];
  const paths: Array<[string, Route]> =
    key === "POST /intake/{provider}"
      ? PROVIDERS.map((provider) => [path.replace("{provider}", provider), HANDLERS[key](provider)])
      : [[path, handler as Route]];
  for (const [concrete, route] of paths) ROUTES[concrete] = { ...ROUTES[concrete], [method]: route };
}

function routeFor(event: APIGatewayProxyEventV2): Route {
  const path = routePath(event);
  const methods = ROUTES[path];
  if (!methods) throw new HttpProblem(blankProblem(404, `No route for ${path}.`));
  const route = methods[event.requestContext.http.method.toUpperCase() as Method];
  if (!route) {
    const allow = Object.keys(methods).join(", ");
    throw new HttpProblem(blankProblem(405, `${path} accepts ${allow}.`), { allow });
  }
  return route;
}

function isHead(event: APIGatewayProxyEventV2): boolean {
  return event.requestContext.http.method.toUpperCase() === "HEAD";
}

/** Builds the request handler: every failure becomes an RFC 9457 response; nothing is written on one. */
export function createHttpApi(deps: HttpApiDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      const response = await routeFor(event)(event, deps);
      return isHead(event) ? { ...response, body: "" } : response;
    } catch (error) {
      const response = problemFor(error);
      if (isHead(event)) response.body = "";
      const details = { status: response.statusCode, route: routePath(event), error: describeError(error) };
      if ((response.statusCode ?? 500) >= 500)
        deps.logger.error("request failed", { ...details, cause: error });
      else deps.logger.info("request refused", details);
      return response;
    }
  };
}
