import { createHmac, timingSafeEqual } from "node:crypto";
import * as z from "#domain/zod-mini.ts";
import { createLinkToken, type LinkKeyring, verifyLinkToken } from "./link-token.ts";

/**
 * One-click unsubscribe tokens (RFC 8058 §3.1: opaque and hard to forge). They are link tokens of
 * purpose `unsubscribe` on the same rotating keyring as every other link (link-token.ts): key id in
 * the token, the applicant's opaque id, the issue time and a nonce, nothing personal. They do not
 * expire: an unsubscribe link must keep working as long as its email can be opened, so a key stays
 * in the keyring as long as unsubscribe links signed with it should work (as for feed links).
 *
 * Emails sent before the keyring carried `<payload>.<signature>` tokens signed with the one
 * UNSUBSCRIBE_SECRET. Those are still honoured while that secret is configured (`legacySecret`):
 * nothing mints them any more, so dropping the secret is what ends the transition.
 */
export interface UnsubscribeKeys {
  keyring: LinkKeyring;
  /** The pre-keyring unsubscribe secret, while links it signed may still be clicked. */
  legacySecret?: string | undefined;
}

/** Where the keys come from, read only when a token needs them (the legacy secret may live in SSM). */
export interface UnsubscribeKeySources {
  keyring: () => Promise<LinkKeyring>;
  legacySecret?: (() => Promise<string>) | undefined;
}

/** Whether a token has the pre-keyring shape (so only `legacySecret` can verify it). */
export function isLegacyUnsubscribeToken(token: string): boolean {
  return token.length <= MAX_LEGACY_TOKEN_LENGTH && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
}

export interface UnsubscribeClaims {
  applicantId: string;
  issuedAt: Date;
}

/** Signs an unsubscribe token with the keyring's current key. */
export function createUnsubscribeToken(keyring: LinkKeyring, applicantId: string, issuedAt: Date): string {
  return createLinkToken(keyring, { purpose: "unsubscribe", applicantId }, issuedAt);
}

/**
 * The claims of a genuine unsubscribe token (signed by any key of the keyring, or a pre-keyring
 * token under `legacySecret`), or undefined for anything else. Compared in constant time.
 */
export function verifyUnsubscribeToken(keys: UnsubscribeKeys, token: string): UnsubscribeClaims | undefined {
  if (token.startsWith("mp1.")) {
    // Unsubscribe tokens never expire, so the instant only matters to purposes that do.
    const verified = verifyLinkToken(keys.keyring, token, "unsubscribe", new Date(0));
    return verified.ok
      ? { applicantId: verified.claims.applicantId, issuedAt: verified.claims.issuedAt }
      : undefined;
  }
  return keys.legacySecret !== undefined && isLegacyUnsubscribeToken(token)
    ? verifyLegacyToken(keys.legacySecret, token)
    : undefined;
}

/** The one-click link: `${publicBaseUrl}/unsubscribe?token=...` (HTTPS in the cloud). */
export function unsubscribeUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** The pre-keyring format: `<payload>.<signature>`, HMAC-SHA256 over this label and the payload. */
const LEGACY_LABEL = "matchpath.unsubscribe.v1.";
const MAX_LEGACY_TOKEN_LENGTH = 512;
const LegacyPayloadSchema = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(200)),
  iat: z.number().check(z.int(), z.nonnegative()),
});

function verifyLegacyToken(secret: string, token: string): UnsubscribeClaims | undefined {
  const [payload = "", given = ""] = token.split(".");
  const expected = Buffer.from(
    createHmac("sha256", secret).update(LEGACY_LABEL).update(payload).digest().toString("base64url"),
  );
  const candidate = Buffer.from(given);
  if (candidate.length !== expected.length || !timingSafeEqual(candidate, expected)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const claims = LegacyPayloadSchema.safeParse(decoded);
  if (!claims.success) return undefined;
  return { applicantId: claims.data.sub, issuedAt: new Date(claims.data.iat * 1000) };
}
