import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
} from "aws-lambda";

/**
 * Turns a real HTTP request into the event API Gateway HTTP API hands a Lambda with payload format
 * 2.0 and a `$default` route, and writes the Lambda's result back. The local stack runs the very
 * handler the cloud runs (DESIGN decision 9), so the event must have the cloud's shape, down to the
 * raw body bytes that webhook signatures are computed over.
 *
 * Shape: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * and the captured events in test/unit/local/fixtures (with their sources).
 */

/** What API Gateway would know about the request besides its bytes. */
export interface RequestFacts {
  method: string;
  /** The request target as sent: path and query string, e.g. "/unsubscribe?token=abc". */
  url: string;
  /** Node's rawHeaders: names and values alternating, in arrival order, names as sent. */
  rawHeaders: readonly string[];
  httpVersion: string;
  sourceIp: string;
  body: Buffer;
  /** Arrival time (always the real clock: API Gateway stamps real time). */
  receivedAt: Date;
}

export interface EventOptions {
  /** The "domain" the API answers on; the Host header is used when absent. */
  domainName?: string;
  apiId?: string;
  accountId?: string;
  requestId?: string;
}

export const LOCAL_API_ID = "local";
export const LOCAL_ACCOUNT_ID = "000000000000";

/**
 * Content types HTTP APIs deliver as UTF-8 text; everything else, a missing Content-Type and
 * application/x-www-form-urlencoded included, arrives base64-encoded with isBase64Encoded: true.
 * The AWS docs do not list them; this split was verified against real AWS in
 * https://github.com/ministackorg/ministack/pull/766 and agrees with the multipart capture in
 * https://github.com/dherault/serverless-offline/pull/1776.
 */
export function isTextContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    mediaType.startsWith("text/") ||
    mediaType === "application/json" ||
    mediaType === "application/xml" ||
    mediaType === "application/javascript"
  );
}

/** Header names lower-cased; repeated headers joined with commas, as HTTP APIs do. */
export function joinHeaders(rawHeaders: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] as string).toLowerCase();
    const value = rawHeaders[index + 1] as string;
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return headers;
}

/** Query parameters URL-decoded; repeated names joined with commas; undefined when there are none. */
export function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === "") return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return parameters;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** requestContext.time: CLF format in UTC, e.g. "17/Jun/2024:15:52:39 +0000". */
export function clfTime(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return (
    `${pad(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:` +
    `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`
  );
}

/** API Gateway request ids look like "ZhNHJhhLjoEEPiw=": 10 random bytes, base64. */
export function newRequestId(): string {
  return randomBytes(10).toString("base64");
}

function traceId(at: Date): string {
  return `Root=1-${Math.floor(at.getTime() / 1000).toString(16)}-${randomBytes(12).toString("hex")}`;
}

/** Builds the payload v2.0 event for one request. */
export function toApiGatewayV2Event(
  request: RequestFacts,
  options: EventOptions = {},
): APIGatewayProxyEventV2 {
  const queryStart = request.url.indexOf("?");
  const rawPath = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? "" : request.url.slice(queryStart + 1);

  const joined = joinHeaders(request.rawHeaders);
  // HTTP APIs move the Cookie header into `cookies` and add the forwarding headers they set in front.
  const { cookie, ...rest } = joined;
  const cookies = cookie
    ?.split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const headers: Record<string, string> = {
    ...rest,
    "x-amzn-trace-id": traceId(request.receivedAt),
    "x-forwarded-for": rest["x-forwarded-for"]
      ? `${rest["x-forwarded-for"]},${request.sourceIp}`
      : request.sourceIp,
    "x-forwarded-port": rest["x-forwarded-port"] ?? hostPort(rest.host),
    "x-forwarded-proto": rest["x-forwarded-proto"] ?? "http",
  };
  if (request.body.length > 0 && headers["content-length"] === undefined) {
    headers["content-length"] = String(request.body.length);
  }

  const domainName = options.domainName ?? rest.host?.replace(/:\d+$/, "") ?? "localhost";
  const queryStringParameters = queryParameters(rawQueryString);
  const hasBody = request.body.length > 0;
  const asText = isTextContentType(headers["content-type"]);

  const event: APIGatewayProxyEventV2 = {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString,
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: options.accountId ?? LOCAL_ACCOUNT_ID,
      apiId: options.apiId ?? LOCAL_API_ID,
      domainName,
      domainPrefix: domainName.split(".")[0] ?? domainName,
      http: {
        method: request.method.toUpperCase(),
        path: decodePath(rawPath),
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: options.requestId ?? newRequestId(),
      routeKey: "$default",
      stage: "$default",
      time: clfTime(request.receivedAt),
      timeEpoch: request.receivedAt.getTime(),
    },
    ...(hasBody ? { body: asText ? request.body.toString("utf8") : request.body.toString("base64") } : {}),
    isBase64Encoded: hasBody && !asText,
  };
  return event;
}

function hostPort(host: string | undefined): string {
  const match = host?.match(/:(\d+)$/);
  return match?.[1] ?? "80";
}

function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

/** The HTTP response a Lambda result stands for. */
export interface HttpReply {
  statusCode: number;
  headers: Record<string, string>;
  /** Set-Cookie values, one header each. */
  cookies: string[];
  body: Buffer;
}

/**
 * Interprets a payload 2.0 result as API Gateway does: an object with `statusCode` is a structured
 * response; anything else (a string, or an object without statusCode) is a 200 JSON body.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html#http-api-develop-integrations-lambda.response
 */
export function fromLambdaResult(result: APIGatewayProxyResultV2 | undefined): HttpReply {
  if (isStructured(result)) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.headers ?? {}))
      headers[name.toLowerCase()] = String(value);
    const body = result.body ?? "";
    return {
      statusCode: result.statusCode ?? 200,
      headers,
      cookies: result.cookies ?? [],
      body: result.isBase64Encoded ? Buffer.from(body, "base64") : Buffer.from(body, "utf8"),
    };
  }
  const body = typeof result === "string" ? result : JSON.stringify(result ?? null);
  return {
    statusCode: 200,
    headers: { "content-type": "application/json" },
    cookies: [],
    body: Buffer.from(body),
  };
}

function isStructured(
  result: APIGatewayProxyResultV2 | undefined,
): result is APIGatewayProxyStructuredResultV2 {
  return typeof result === "object" && result !== null && "statusCode" in result;
}

/**
 * Reads a Node request into the facts the event is built from. Rejects bodies over maxBytes, but
 * only after reading the rest of the body (up to `drainBytes` more, then it gives up and the socket
 * is dropped): a server that closes a connection with unread bytes in it makes the kernel reset it
 * (RST), and the client loses the 413 it was about to read.
 */
export async function readRequest(
  request: IncomingMessage,
  maxBytes: number,
  drainBytes = maxBytes,
): Promise<RequestFacts> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes + drainBytes) break;
    if (size <= maxBytes) chunks.push(buffer);
  }
  if (size > maxBytes) throw new PayloadTooLargeError(maxBytes);
  return {
    method: request.method ?? "GET",
    url: request.url ?? "/",
    rawHeaders: request.rawHeaders,
    httpVersion: request.httpVersion,
    sourceIp: (request.socket.remoteAddress ?? "127.0.0.1").replace(/^::ffff:/, ""),
    body: Buffer.concat(chunks),
    receivedAt: new Date(),
  };
}

/** API Gateway's own payload limit (10 MB) was exceeded before the Lambda was called. */
export class PayloadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`);
    this.name = "PayloadTooLargeError";
  }
}

export function writeReply(response: ServerResponse, reply: HttpReply): void {
  const headers: Record<string, string | string[]> = { ...reply.headers };
  if (reply.cookies.length > 0) headers["set-cookie"] = reply.cookies;
  headers["content-length"] = String(reply.body.length);
  response.writeHead(reply.statusCode, headers);
  response.end(reply.body);
}
