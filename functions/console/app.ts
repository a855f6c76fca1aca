import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { bearerToken } from "#adapters/auth/jwt-verifier.ts";
import { ApplicantNotFoundError, ForbiddenError, UnauthorizedError } from "#errors";
import { blankProblem, HttpProblem, problemFor, problemResponse } from "#http/problem.ts";
import { header, routePath } from "#http/request.ts";
import { describeError } from "#observability/logger.ts";
import { problemFragment, shellPage } from "./pages/index.ts";

import { type ConsoleAppDeps, html, pageHeaders, type Result } from "./respond.ts";
import { PROTECTED } from "./routes.ts";

export type { ConsoleAppDeps } from "./respond.ts";

const ASSET_TYPES: Record<string, string> = {
  "console.css": "text/css; charset=utf-8",
  "console.js": "text/javascript; charset=utf-8",
  "htmx.min.js": "text/javascript; charset=utf-8",
};

/** Builds the console's request handler: every failure becomes a problem (HTML for htmx, RFC 9457 otherwise). */
export function createConsoleApp(deps: ConsoleAppDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<Result> => {
    const path = routePath(event);
    const method = event.requestContext.http.method.toUpperCase();
    try {
      // The public routes (./route-keys.ts, PUBLIC_CONSOLE_ROUTES): the shell and its static files.
      if (path === "/console" && method === "GET") return html(deps, shellPage(deps.shell));
      const asset = /^\/console\/assets\/([a-z.]+)$/.exec(path)?.[1];
      if (asset !== undefined && method === "GET") {
        const body = deps.assets[asset];
        if (body === undefined) throw new HttpProblem(blankProblem(404, `No asset ${asset}.`));
        return {
          statusCode: 200,
          headers: {
            "content-type": ASSET_TYPES[asset] ?? "text/plain",
            "cache-control": "public, max-age=300",
            "x-content-type-options": "nosniff",
          },
          body,
        };
      }
      for (const [pattern, methods] of PROTECTED) {
        const match = pattern.exec(path);
        if (match === null) continue;
        // Authenticate before anything else, even a wrong method: an unsigned caller learns nothing.
        const principal = await deps.verifier.verify(bearerToken(header(event, "authorization")));
        const handler = methods[method as "GET" | "POST"];
        if (handler === undefined) {
          const allow = Object.keys(methods).join(", ");
          throw new HttpProblem(blankProblem(405, `${path} accepts ${allow}.`), { allow });
        }
        return await handler({ event, principal, params: match.slice(1) }, deps);
      }
      // Every other /console/* path is protected too: without a valid token it answers 401.
      if (path.startsWith("/console/"))
        await deps.verifier.verify(bearerToken(header(event, "authorization")));
      throw new HttpProblem(blankProblem(404, `No console route for ${path}.`));
    } catch (error) {
      return failure(error, event, path, deps);
    }
  };
}

function failure(error: unknown, event: APIGatewayProxyEventV2, path: string, deps: ConsoleAppDeps): Result {
  let response: Result;
  if (error instanceof UnauthorizedError) {
    response = problemResponse(blankProblem(401, "Sign in: this console route needs a valid bearer token."), {
      "www-authenticate": 'Bearer realm="matchpath-console"',
    });
  } else if (error instanceof ForbiddenError) {
    response = problemResponse({
      type: "about:blank",
      title: "Forbidden",
      status: 403,
      detail: error.message,
    });
  } else if (error instanceof ApplicantNotFoundError) {
    response = problemResponse(blankProblem(404, "No such applicant."));
  } else response = problemFor(error);
  const status = response.statusCode ?? 500;
  const details = { status, route: path, error: describeError(error) };
  if (status >= 500) deps.logger.error("console request failed", { ...details, cause: error });
  else deps.logger.info("console request refused", details);
  if (header(event, "hx-request") === "true" && status !== 401) {
    const problem = JSON.parse(String(response.body)) as {
      title: string;
      detail: string;
      errors?: { path: string; message: string }[];
    };
    return {
      statusCode: status,
      headers: {
        ...pageHeaders(deps),
        ...(response.headers as Record<string, string>),
        "content-type": "text/html; charset=utf-8",
      },
      body: problemFragment(problem.title, problem.detail, problem.errors),
    };
  }
  return response;
}
