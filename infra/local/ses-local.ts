import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sesModule from "aws-ses-v2-local";
import { closeServer } from "./eventbridge-local.ts";
import { localClockInboxPage } from "./ses-local-time.ts";

/**
 * The SES v2 emulator (aws-ses-v2-local), run in this process from its exported server factory:
 * the SES v2 API the real mailer calls, every message with its headers at `GET /store`, and a web
 * inbox at `/`, dated by the local clock (ses-local-time.ts).
 */

/** One message as the emulator keeps it (its `Email` type, see node_modules/aws-ses-v2-local/dist/store.d.ts). */
export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  /** Epoch seconds, real time. */
  at: number;
}

export interface SesEmulator {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export async function startSesEmulator(options: { port?: number; host?: string }): Promise<SesEmulator> {
  const host = options.host ?? "127.0.0.1";
  // The package is CommonJS with `exports.default`: Node's ESM loader hands over the exports object
  // (factory one level down), Vite's module runner (vitest) the factory itself.
  const loaded: unknown = sesModule;
  const start = (typeof loaded === "function" ? loaded : sesModule.default) as typeof sesModule.default;
  const server = await start({ port: options.port ?? 8005, host });
  // Express 5 resolves the factory's promise on a listen error too (e.g. the port is taken).
  if (!server.listening) {
    throw new Error(
      `the SES emulator could not listen on ${host}:${options.port ?? 8005} (is the port in use?)`,
    );
  }
  servingInboxPage(server);
  const port = (server.address() as AddressInfo).port;
  return { endpoint: `http://${host}:${port}`, port, stop: () => closeServer(server) };
}

/**
 * The emulator's server answering `GET /` with its inbox page dated by the local clock
 * (localClockInboxPage), every other request as before.
 */
function servingInboxPage(server: Server): void {
  const page = localClockInboxPage();
  const [emulator] = server.listeners("request") as ((...args: unknown[]) => void)[];
  if (page === undefined || emulator === undefined) return;
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET" || path !== "/") return emulator.call(server, request, response);
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(page);
  });
}

/**
 * Every message in the emulator's store, or with `sinceSeconds` those it stored at or after that
 * epoch second (its `GET /store?since=`).
 */
export async function readSesStore(endpoint: string, sinceSeconds?: number): Promise<StoredEmail[]> {
  const query = sinceSeconds === undefined ? "" : `?since=${Math.max(0, Math.floor(sinceSeconds))}`;
  const response = await fetch(`${endpoint}/store${query}`);
  if (!response.ok) throw new Error(`SES emulator store answered ${response.status}`);
  const store = (await response.json()) as { emails: StoredEmail[] };
  return store.emails;
}

/**
 * A clock step backwards this large (seconds) still loses no message: reads start this far before
 * the newest message seen, and what they return twice is recognised by its id.
 */
const REREAD_SECONDS = 5;

/**
 * Reads the messages the emulator stored since the previous read, each exactly once. The first read
 * takes the whole store; later ones ask only from the newest message seen (`?since=`: the emulator
 * stamps each message with the real second it stored it, in the order it stored them). The whole
 * store grows with every email the stack ever sent, bodies and calendar files included: reading it
 * after every reminder made a long test run's clock walks spend most of their time in `GET /store`.
 * Reads are serialised, so two concurrent reads never return the same message.
 */
export function sesMailReader(endpoint: string): () => Promise<StoredEmail[]> {
  let since: number | undefined;
  /** The messages seen from `since` on: a read returns them again. */
  let recent = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();
  const readNew = async (): Promise<StoredEmail[]> => {
    const emails = await readSesStore(endpoint, since);
    const fresh = emails.filter((email) => !recent.has(email.messageId));
    for (const email of fresh) recent.set(email.messageId, email.at);
    const newest = Math.max(since ?? 0, ...emails.map((email) => email.at - REREAD_SECONDS));
    if (since === undefined || newest > since) {
      since = newest;
      recent = new Map([...recent].filter(([, at]) => at >= newest));
    }
    return fresh;
  };
  return () => {
    const read = queue.then(readNew);
    queue = read.catch(() => undefined);
    return read;
  };
}
