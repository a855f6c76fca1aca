import type { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Principal, TokenVerifier } from "#ports/token-verifier.ts";
import type { ResendDeps } from "#usecases/resend-notice.ts";
import type { ShellConfig } from "./pages/index.ts";

export interface ConsoleAppDeps extends ResendDeps {
  verifier: TokenVerifier;
  shell: ShellConfig;
  /** Static files by name: console.css, console.js, htmx.min.js. */
  assets: Record<string, string>;
  logger: Pick<Logger, "info" | "error">;
}

export type Result = APIGatewayProxyStructuredResultV2;
export type Handler = (request: ConsoleRequest, deps: ConsoleAppDeps) => Promise<Result>;
export interface ConsoleRequest {
  event: APIGatewayProxyEventV2;
  principal: Principal;
  params: string[];
}

/**
 * Pages: no script but our own files, no framing, no referrer; the token endpoint is the only
 * other origin the shell talks to (it exchanges the sign-in code itself, as a public client).
 */
export function pageHeaders(
  deps: ConsoleAppDeps,
  contentType = "text/html; charset=utf-8",
): Record<string, string> {
  const tokenOrigin = new URL(deps.shell.tokenUrl).origin;
  return {
    "content-type": contentType,
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "content-security-policy": `default-src 'self'; connect-src 'self' ${tokenOrigin}; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  };
}

/**
 * An HTML answer. `route` is the shell's #/address of the page shown (x-console-route), so the
 * address follows what is shown after an action too (a save shows the applicant, an erase the
 * cohort) and a reload or Back shows the same page.
 */
export function html(deps: ConsoleAppDeps, body: string, route?: string): Result {
  return {
    statusCode: 200,
    headers: { ...pageHeaders(deps), ...(route === undefined ? {} : { "x-console-route": route }) },
    body,
  };
}
