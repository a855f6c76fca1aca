/**
 * Every route of the public HTTP API, as API Gateway route keys (`METHOD /path`), all served by
 * this function. The one list: the handler's table (app.ts) must have exactly these (its type
 * says so), the CDK stack gives API Gateway exactly these, and the infra test checks the
 * template against them, so a route cannot work on the local stack and answer 404 in the cloud.
 * `{provider}` is a path parameter: one route in API Gateway, one path per form provider here.
 */
export const HTTP_API_ROUTES = [
  "GET /health",
  "GET /favicon.ico",
  "POST /intake/webhook",
  "POST /intake/{provider}",
  "GET /unsubscribe",
  "POST /unsubscribe",
  "GET /timeline",
  "GET /actions",
  "POST /actions",
  "GET /calendar.ics",
  "GET /preferences",
  "POST /preferences",
  // "Email me a fresh link" from an expired timeline/preferences link or the unsubscribe pages.
  "POST /fresh-link",
  // RFC 9110 §9.3.2: HEAD wherever GET works on the links emails carry (link checkers use it);
  // served by the GET route, without the body.
  "HEAD /unsubscribe",
  "HEAD /timeline",
  "HEAD /actions",
  "HEAD /calendar.ics",
  "HEAD /preferences",
] as const;

export type HttpApiRouteKey = (typeof HTTP_API_ROUTES)[number];
export type HttpApiMethod = HttpApiRouteKey extends `${infer Method} ${string}` ? Method : never;

/** A route key's method and path. */
export function splitRouteKey(key: HttpApiRouteKey): { method: HttpApiMethod; path: string } {
  const space = key.indexOf(" ");
  return { method: key.slice(0, space) as HttpApiMethod, path: key.slice(space + 1) };
}
