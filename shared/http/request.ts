import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { InvalidInputError } from "#errors";
import { blankProblem, HttpProblem } from "./problem.ts";

/** Reading an API Gateway HTTP API (payload 2.0) request at the edge, for every HTTP function. */

/** Intake bodies above this are refused before any decoding or parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A header by name, whatever its case (HTTP APIs lower-case names; tests and tools may not). */
export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const headers = event.headers ?? {};
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** The media type without parameters, lower-cased: "application/json". */
export function mediaType(event: APIGatewayProxyEventV2): string | undefined {
  return header(event, "content-type")?.split(";")[0]?.trim().toLowerCase() || undefined;
}

/**
 * The raw body bytes (base64 decoded when isBase64Encoded), after checking their size from the
 * encoded length alone: an oversized body costs neither a decode nor a parse.
 */
export function rawBody(event: APIGatewayProxyEventV2, maxBytes = MAX_BODY_BYTES): Buffer {
  const body = event.body ?? "";
  const size = event.isBase64Encoded ? Buffer.byteLength(body, "base64") : Buffer.byteLength(body, "utf8");
  if (size > maxBytes) {
    throw new HttpProblem(blankProblem(413, `The body is ${size} bytes; the limit is ${maxBytes} bytes.`));
  }
  return event.isBase64Encoded ? Buffer.from(body, "base64") : Buffer.from(body, "utf8");
}

/** The request path without the stage prefix that named (non-$default) stages add. */
export function routePath(event: APIGatewayProxyEventV2): string {
  let path = event.rawPath || "/";
  const stage = event.requestContext?.stage;
  if (stage && stage !== "$default" && (path === `/${stage}` || path.startsWith(`/${stage}/`))) {
    path = path.slice(stage.length + 1) || "/";
  }
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

export function queryParameter(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const value = event.queryStringParameters?.[name];
  if (value !== undefined) return value;
  return new URLSearchParams(event.rawQueryString ?? "").get(name) ?? undefined;
}

/**
 * An application/x-www-form-urlencoded body as fields (no fields for any other media type), each
 * field sent at most once unless listed in `repeatable` (checkboxes). A repeated single-valued field
 * (`date=…&date=…`) is an InvalidInputError (400) naming it: which value was meant is not ours to guess.
 */
export function urlEncodedForm(
  event: APIGatewayProxyEventV2,
  maxBytes: number,
  repeatable: readonly string[] = [],
): URLSearchParams {
  if (mediaType(event) !== "application/x-www-form-urlencoded") return new URLSearchParams();
  const form = new URLSearchParams(rawBody(event, maxBytes).toString("utf8"));
  const seen = new Set<string>();
  for (const name of form.keys()) {
    if (seen.has(name) && !repeatable.includes(name)) {
      throw new InvalidInputError(`The field ${name} was sent more than once.`, [
        { path: name, message: "must be sent once" },
      ]);
    }
    seen.add(name);
  }
  return form;
}
