import type { AddressInfo } from "node:net";
import sesModule from "aws-ses-v2-local";
import { closeServer } from "./eventbridge-local.ts";

/**
 * The SES v2 emulator (aws-ses-v2-local), run in this process from its exported server factory:
 * the SES v2 API the real mailer calls, every message with its headers at `GET /store`, and a web
 * inbox at `/`.
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
  const port = (server.address() as AddressInfo).port;
  return { endpoint: `http://${host}:${port}`, port, stop: () => closeServer(server) };
}

/** Every message in the emulator's store. */
export async function readSesStore(endpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  if (!response.ok) throw new Error(`SES emulator store answered ${response.status}`);
  const store = (await response.json()) as { emails: StoredEmail[] };
  return store.emails;
}
