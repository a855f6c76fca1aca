import { createHmac, timingSafeEqual } from "node:crypto";
import { ConfigError, SignatureError } from "#errors";
import type { Clock } from "#ports/clock.ts";

/**
 * Standard Webhooks (https://www.standardwebhooks.com, spec v1.0.0), symmetric scheme:
 * HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${raw body}` keyed with the base64 secret
 * that follows `whsec_`; `webhook-signature` is a space-separated list of `v1,<base64>` entries.
 */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

const SECRET_PREFIX = "whsec_";

/** The HMAC key: the secret's bytes after the optional `whsec_` prefix, base64-decoded. */
export function decodeWebhookSecret(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (encoded.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new ConfigError("Webhook secret is empty or not base64");
  }
  return Buffer.from(encoded, "base64");
}

function signatureOf(key: Buffer, id: string, timestamp: string, body: string | Uint8Array): string {
  return createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest("base64");
}

/** The `webhook-signature` value (`v1,<base64>`) for a payload: for the demo, the local stack and tests. */
export function sign(secret: string, id: string, timestamp: number, body: string | Uint8Array): string {
  return `v1,${signatureOf(decodeWebhookSecret(secret), id, String(timestamp), body)}`;
}

/** The three headers a signed request carries, ready to send. */
export function signedHeaders(
  secret: string,
  id: string,
  body: string,
  now: Date = new Date(),
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": sign(secret, id, timestamp, body),
  };
}

export interface VerifiedWebhook {
  id: string;
  timestamp: Date;
}

function headerValue(
  headers: Readonly<Record<string, string | undefined>>,
  name: string,
): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * Verifies a delivery or throws SignatureError. Tolerance is judged by the REAL clock (the
 * default, and what the functions pass): the local stack's movable clock must never widen a
 * replay window.
 */
export function verify(
  secret: string,
  headers: Readonly<Record<string, string | undefined>>,
  rawBody: string | Uint8Array,
  clock?: Clock,
): VerifiedWebhook {
  const key = decodeWebhookSecret(secret);
  const id = headerValue(headers, "webhook-id");
  const timestamp = headerValue(headers, "webhook-timestamp");
  const signatures = headerValue(headers, "webhook-signature");
  if (!id || !timestamp || !signatures) {
    throw new SignatureError("Missing webhook-id, webhook-timestamp or webhook-signature header");
  }
  if (!/^\d{1,12}$/.test(timestamp)) throw new SignatureError("webhook-timestamp is not a Unix timestamp");

  const nowSeconds = Math.floor((clock?.now() ?? new Date()).getTime() / 1000);
  const sentSeconds = Number(timestamp);
  if (nowSeconds - sentSeconds > WEBHOOK_TOLERANCE_SECONDS)
    throw new SignatureError("Message timestamp too old");
  if (sentSeconds - nowSeconds > WEBHOOK_TOLERANCE_SECONDS)
    throw new SignatureError("Message timestamp too new");

  // Compare the base64 text, not decoded bytes: Node's decoder ignores trailing bits and junk, so
  // two different strings can decode alike. Equal lengths first, as timingSafeEqual requires.
  const expected = Buffer.from(signatureOf(key, id, timestamp, rawBody));
  let matched = false;
  for (const entry of signatures.split(" ")) {
    const comma = entry.indexOf(",");
    if (comma < 0 || entry.slice(0, comma) !== "v1") continue;
    const candidate = Buffer.from(entry.slice(comma + 1));
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
  }
  if (!matched) throw new SignatureError("No matching v1 signature");
  return { id, timestamp: new Date(sentSeconds * 1000) };
}
