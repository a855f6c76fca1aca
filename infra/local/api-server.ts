import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";
import { closeServer } from "./eventbridge-local.ts";
import {
  fromLambdaResult,
  PayloadTooLargeError,
  readRequest,
  toApiGatewayV2Event,
  writeReply,
} from "./http-event.ts";

/** API Gateway's own limit on a request payload, checked before the Lambda is called. */
const API_GATEWAY_MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export type Router = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface ApiServer {
  url: string;
  port: number;
  /** Replaces the router (until then every request answers 503 "starting"). */
  serve(router: Router): void;
  stop(): Promise<void>;
}

/**
 * The local HTTP API's server. It listens before the handlers load, because their configuration
 * (PUBLIC_BASE_URL, the unsubscribe links) needs its real port; requests meanwhile answer 503.
 */
export async function startApiServer(options: {
  port: number;
  host: string;
  log: (line: string) => void;
}): Promise<ApiServer> {
  let route: Router = async (_request, response) => writeJson(response, 503, { message: "starting" });
  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      options.log(`local API: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!response.headersSent) writeJson(response, 500, { message: "Internal Server Error" });
      else response.end();
    });
  });
  await listen(server, options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    serve: (router) => {
      route = router;
    },
    stop: () => closeServer(server),
  };
}

/**
 * Serves one request through a Lambda HTTP handler as API Gateway would: the payload limit first,
 * a payload 2.0 event, and a 500 when the integration throws.
 */
export async function invokeHttpHandler(
  request: IncomingMessage,
  response: ServerResponse,
  handler: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>,
  log: (line: string) => void,
): Promise<void> {
  let facts: Awaited<ReturnType<typeof readRequest>>;
  try {
    facts = await readRequest(request, API_GATEWAY_MAX_PAYLOAD_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) {
      // The body was read to its end (readRequest): answer, then close the connection in order
      // (FIN, not RST), as API Gateway does after refusing a payload.
      response.shouldKeepAlive = false;
      writeJson(response, 413, { message: "Request Entity Too Large" });
      return;
    }
    throw error;
  }
  let result: APIGatewayProxyResultV2;
  try {
    result = await handler(toApiGatewayV2Event(facts));
  } catch (error) {
    // What API Gateway answers when the integration fails.
    log(`http-api handler threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    writeJson(response, 500, { message: "Internal Server Error" });
    return;
  }
  writeReply(response, fromLambdaResult(result));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} on ${host} is in use: stop whatever holds it or set PORT`, {
              cause: error,
            })
          : error,
      );
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.removeListener("error", onError);
      resolve();
    });
  });
}

export async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function writeJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = "application/json",
): void {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/** An RFC 9457 problem (`about:blank` type) with any extra members. */
export function writeProblem(
  response: ServerResponse,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
): void {
  writeJson(
    response,
    status,
    { type: "about:blank", title, status, detail, ...extra },
    "application/problem+json",
  );
}
