import { randomUUID } from "node:crypto";
import { appendFile, mkdir } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";

/**
 * A local EventBridge endpoint that answers the one call Matchpath makes, PutEvents, over the AWS
 * JSON 1.1 protocol (`X-Amz-Target: AWSEvents.PutEvents`), so the real EventBridge adapter and its
 * SDK client run unchanged against it. Events are kept in memory, in the envelope EventBridge
 * delivers to targets, and appended to a JSON Lines file when one is given.
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 */

export interface PublishedEvent {
  version: "0";
  id: string;
  "detail-type": string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
  /** Not part of the delivered envelope: the bus the event was put on. */
  eventBusName: string;
}

export interface LocalEventBridge {
  endpoint: string;
  port: number;
  /** Every event accepted so far, oldest first. */
  events(): readonly PublishedEvent[];
  stop(): Promise<void>;
}

interface PutEventsEntry {
  Source?: unknown;
  DetailType?: unknown;
  Detail?: unknown;
  EventBusName?: unknown;
  Resources?: unknown;
  Time?: unknown;
}

type EntryResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

const MAX_ENTRIES = 10;
/** PutEvents' limit on the total entry size. */
const MAX_REQUEST_BYTES = 256 * 1024;

/** Validates and accepts PutEvents entries the way the service does: per entry, not all-or-nothing. */
export function acceptEntries(
  entries: readonly PutEventsEntry[],
  context: { region: string; account: string; now: () => Date },
): { results: EntryResult[]; accepted: PublishedEvent[] } {
  const results: EntryResult[] = [];
  const accepted: PublishedEvent[] = [];
  for (const entry of entries) {
    if (typeof entry.Source !== "string" || entry.Source === "") {
      results.push({
        ErrorCode: "InvalidArgument",
        ErrorMessage: "Parameter Source is not valid. Reason: Source is a required argument.",
      });
      continue;
    }
    if (typeof entry.DetailType !== "string" || entry.DetailType === "") {
      results.push({
        ErrorCode: "InvalidArgument",
        ErrorMessage: "Parameter DetailType is not valid. Reason: DetailType is a required argument.",
      });
      continue;
    }
    if (typeof entry.Detail !== "string") {
      results.push({
        ErrorCode: "InvalidArgument",
        ErrorMessage: "Parameter Detail is not valid. Reason: Detail is a required argument.",
      });
      continue;
    }
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail);
    } catch {
      results.push({ ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." });
      continue;
    }
    if (typeof detail !== "object" || detail === null || Array.isArray(detail)) {
      results.push({ ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." });
      continue;
    }
    const id = randomUUID();
    accepted.push({
      version: "0",
      id,
      "detail-type": entry.DetailType,
      source: entry.Source,
      account: context.account,
      time: eventTime(entry.Time, context.now()),
      region: context.region,
      resources: Array.isArray(entry.Resources) ? entry.Resources.map(String) : [],
      detail,
      eventBusName:
        typeof entry.EventBusName === "string" && entry.EventBusName !== "" ? entry.EventBusName : "default",
    });
    results.push({ EventId: id });
  }
  return { results, accepted };
}

/** The SDK sends Time as epoch seconds; EventBridge envelopes carry it as an ISO instant without millis. */
function eventTime(time: unknown, now: Date): string {
  const at =
    typeof time === "number" ? new Date(time * 1000) : typeof time === "string" ? new Date(time) : now;
  const valid = Number.isNaN(at.getTime()) ? now : at;
  return `${valid.toISOString().slice(0, 19)}Z`;
}

export async function startLocalEventBridge(options: {
  port?: number;
  host?: string;
  region?: string;
  /** Appends every accepted event as one JSON line. */
  eventsFile?: string;
}): Promise<LocalEventBridge> {
  const host = options.host ?? "127.0.0.1";
  const region = options.region ?? "us-east-1";
  const events: PublishedEvent[] = [];
  if (options.eventsFile) await mkdir(dirname(options.eventsFile), { recursive: true });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      sendJson(response, 500, { __type: "InternalException", message: String(error) });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.headers["x-amz-target"];
    if (request.method !== "POST" || typeof target !== "string") {
      sendJson(response, 400, {
        __type: "UnknownOperationException",
        message: "expected POST with X-Amz-Target",
      });
      return;
    }
    if (target !== "AWSEvents.PutEvents") {
      sendJson(response, 400, {
        __type: "UnknownOperationException",
        message: `${target} is not served locally: only AWSEvents.PutEvents is`,
      });
      return;
    }
    const body = await readBody(request);
    if (body.length > MAX_REQUEST_BYTES) {
      sendJson(response, 400, {
        __type: "ValidationException",
        message: "Total size of the entries in the request is over the limit.",
      });
      return;
    }
    let input: { Entries?: unknown };
    try {
      input = JSON.parse(body.toString("utf8")) as { Entries?: unknown };
    } catch {
      sendJson(response, 400, { __type: "SerializationException", message: "request body is not JSON" });
      return;
    }
    if (!Array.isArray(input.Entries) || input.Entries.length === 0 || input.Entries.length > MAX_ENTRIES) {
      sendJson(response, 400, {
        __type: "ValidationException",
        message: `Entries must hold 1 to ${MAX_ENTRIES} entries`,
      });
      return;
    }
    const { results, accepted } = acceptEntries(input.Entries as PutEventsEntry[], {
      region,
      account: "000000000000",
      now: () => new Date(),
    });
    events.push(...accepted);
    if (options.eventsFile && accepted.length > 0) {
      await appendFile(options.eventsFile, accepted.map((event) => `${JSON.stringify(event)}\n`).join(""));
    }
    sendJson(response, 200, {
      FailedEntryCount: results.filter((result) => "ErrorCode" in result).length,
      Entries: results,
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://${host}:${port}`,
    port,
    events: () => events,
    stop: () => closeServer(server),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/x-amz-json-1.1",
    "content-length": Buffer.byteLength(text),
    "x-amzn-requestid": randomUUID(),
  });
  response.end(text);
}

/** Closes a server, dropping idle keep-alive connections so close() does not wait for them. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
