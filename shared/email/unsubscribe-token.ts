import { createHmac, timingSafeEqual } from "node:crypto";
import * as z from "zod";

/**
 * Unsubscribe tokens: `<payload>.<signature>`, both base64url, where the payload is
 * `{"sub": applicantId, "iat": epochSeconds}` and the signature is HMAC-SHA256 over a versioned
 * label and the payload. Opaque and hard to forge (RFC 8058 §3.1). They do not expire: an
 * unsubscribe link must keep working long after the mail was sent.
 */
const LABEL = "matchpath.unsubscribe.v1.";
const MAX_TOKEN_LENGTH = 512;

const PayloadSchema = z.object({ sub: z.string().min(1).max(200), iat: z.number().int().nonnegative() });

export interface UnsubscribeClaims {
  applicantId: string;
  issuedAt: Date;
}

function signature(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(LABEL).update(payload).digest();
}

export function createUnsubscribeToken(secret: string, applicantId: string, issuedAt: Date): string {
  const payload = Buffer.from(
    JSON.stringify({ sub: applicantId, iat: Math.floor(issuedAt.getTime() / 1000) }),
  ).toString("base64url");
  return `${payload}.${signature(secret, payload).toString("base64url")}`;
}

/** The claims of a genuine token, or undefined for anything else (compared in constant time). */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaims | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split(".");
  if (parts.length !== 2) return undefined;
  const [payload = "", given = ""] = parts;
  if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(given)) return undefined;
  const expected = Buffer.from(signature(secret, payload).toString("base64url"));
  const candidate = Buffer.from(given);
  if (candidate.length !== expected.length || !timingSafeEqual(candidate, expected)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const claims = PayloadSchema.safeParse(decoded);
  if (!claims.success) return undefined;
  return { applicantId: claims.data.sub, issuedAt: new Date(claims.data.iat * 1000) };
}

/** The one-click link: `${publicBaseUrl}/unsubscribe?token=...` (HTTPS in the cloud). */
export function unsubscribeUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/unsubscribe?token=${encodeURIComponent(token)}`;
}
