import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { MILESTONE_KEYS } from "#domain/snapshot-keys.ts";
import { STEP_ACTIONS, type StepAction } from "#domain/step-actions.ts";
import * as z from "#domain/zod-mini.ts";
import { KEY_ID, type LinkKeyring } from "./keyring.ts";

/**
 * Signed tokens for the links in every email (DESIGN decision 11): one-tap actions, the timeline
 * and preferences pages, the calendar feed, and one-click unsubscribe.
 *
 * Format: `mp1.<kid>.<payload>.<signature>`, payload and signature base64url; the signature is
 * HMAC-SHA256 with the key named by `kid` over `mp1.<kid>.<payload>`. The payload carries only
 * opaque ids: the applicant id (a hash of the operator's id, see keys.ts), the purpose, the
 * milestone key and action for an action link, times, and a random nonce. Never a name or address.
 *
 * Keys rotate: the first key of the {@link LinkKeyring} signs, every key in it verifies, so a
 * link signed before a rotation keeps working until its key is dropped.
 */

export { type LinkKeyring, parseKeyring } from "./keyring.ts";

export const LINK_PURPOSES = ["action", "timeline", "feed", "unsubscribe"] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

const VERSION = "mp1";
const MAX_TOKEN_LENGTH = 1024;

/**
 * The payload schema, built on the first verification: the reminder only signs links, and building
 * zod schemas is a large share of a function's module init (BENCHMARKS.md, bundles).
 */
let payloadSchema: ReturnType<typeof buildPayloadSchema> | undefined;

function buildPayloadSchema() {
  return z.discriminatedUnion("p", [
    z.object({
      p: z.literal("action"),
      a: z.string().check(z.minLength(1), z.maxLength(64)),
      m: z.enum(MILESTONE_KEYS),
      /** An action link's action: one of the domain's one-tap actions. */
      x: z.enum(STEP_ACTIONS),
      iat: z.number().check(z.int(), z.nonnegative()),
      exp: z.number().check(z.int(), z.nonnegative()),
      n: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,32}$/)),
    }),
    z.object({
      p: z.literal("timeline"),
      a: z.string().check(z.minLength(1), z.maxLength(64)),
      iat: z.number().check(z.int(), z.nonnegative()),
      exp: z.number().check(z.int(), z.nonnegative()),
      n: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,32}$/)),
    }),
    z.object({
      p: z.literal("feed"),
      a: z.string().check(z.minLength(1), z.maxLength(64)),
      /** The applicant's feed generation: revoking the feed bumps it and every older feed token dies. */
      g: z.number().check(z.int(), z.nonnegative()),
      iat: z.number().check(z.int(), z.nonnegative()),
      n: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,32}$/)),
    }),
    /** No expiry: an unsubscribe link must work as long as its email can be opened (RFC 8058 §3.1). */
    z.object({
      p: z.literal("unsubscribe"),
      a: z.string().check(z.minLength(1), z.maxLength(64)),
      iat: z.number().check(z.int(), z.nonnegative()),
      n: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,32}$/)),
    }),
  ]);
}

export type ActionClaims = {
  purpose: "action";
  applicantId: string;
  milestone: MilestoneKey;
  action: StepAction;
  issuedAt: Date;
  expiresAt: Date;
  /** Unique per token: what makes a second tap on the same link "already recorded". */
  nonce: string;
  keyId: string;
};
export type TimelineClaims = {
  purpose: "timeline";
  applicantId: string;
  issuedAt: Date;
  expiresAt: Date;
  nonce: string;
  keyId: string;
};
export type FeedClaims = {
  purpose: "feed";
  applicantId: string;
  generation: number;
  issuedAt: Date;
  nonce: string;
  keyId: string;
};
export type UnsubscribeClaims = {
  purpose: "unsubscribe";
  applicantId: string;
  issuedAt: Date;
  nonce: string;
  keyId: string;
};
export type LinkClaims = ActionClaims | TimelineClaims | FeedClaims | UnsubscribeClaims;

function sign(secret: string, signed: string): string {
  return createHmac("sha256", secret).update(signed).digest("base64url");
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export type LinkRequest =
  | {
      purpose: "action";
      applicantId: string;
      milestone: ActionClaims["milestone"];
      action: StepAction;
      expiresAt: Date;
    }
  | { purpose: "timeline"; applicantId: string; expiresAt: Date }
  | { purpose: "feed"; applicantId: string; generation: number }
  | { purpose: "unsubscribe"; applicantId: string };

/** Signs a link token with the keyring's current (first) key. */
export function createLinkToken(keyring: LinkKeyring, request: LinkRequest, issuedAt: Date): string {
  const key = keyring.keys[0];
  if (!key) throw new Error("the link keyring holds no key");
  const common = { a: request.applicantId, iat: seconds(issuedAt), n: randomBytes(9).toString("base64url") };
  const payload =
    request.purpose === "action"
      ? { p: "action", ...common, m: request.milestone, x: request.action, exp: seconds(request.expiresAt) }
      : request.purpose === "timeline"
        ? { p: "timeline", ...common, exp: seconds(request.expiresAt) }
        : request.purpose === "feed"
          ? { p: "feed", ...common, g: request.generation }
          : { p: "unsubscribe", ...common };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const signed = `${VERSION}.${key.id}.${body}`;
  return `${signed}.${sign(key.secret, signed)}`;
}

/** Why a token was refused: the page says which, without saying more than that. */
export type LinkRefusal = "malformed" | "unknown-key" | "bad-signature" | "wrong-purpose" | "expired";

export type LinkVerification<C extends LinkClaims> =
  | { ok: true; claims: C }
  | { ok: false; reason: LinkRefusal };

/**
 * Verifies a token for one purpose at `now`: the signature (constant-time) with the key its kid
 * names, then the payload's shape, purpose and expiry. Expired is only reported for a genuine token.
 * `acceptExpired` skips the expiry check only: for "email me a fresh link" (fresh-links.ts), which a
 * genuine but expired link may ask for, since that sends nothing but to the address on file.
 */
export function verifyLinkToken<P extends LinkPurpose>(
  keyring: LinkKeyring,
  token: string | undefined,
  purpose: P,
  now: Date,
  options: { acceptExpired?: boolean } = {},
): LinkVerification<Extract<LinkClaims, { purpose: P }>> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 4) return { ok: false, reason: "malformed" };
  const [version = "", keyId = "", body = "", given = ""] = parts;
  if (version !== VERSION || !KEY_ID.test(keyId) || !/^[A-Za-z0-9_-]+$/.test(body + given)) {
    return { ok: false, reason: "malformed" };
  }
  const key = keyring.keys.find((candidate) => candidate.id === keyId);
  if (!key) return { ok: false, reason: "unknown-key" };
  const expected = Buffer.from(sign(key.secret, `${version}.${keyId}.${body}`));
  const candidate = Buffer.from(given);
  if (candidate.length !== expected.length || !timingSafeEqual(candidate, expected)) {
    return { ok: false, reason: "bad-signature" };
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  payloadSchema ??= buildPayloadSchema();
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const payload = parsed.data;
  if (payload.p !== purpose) return { ok: false, reason: "wrong-purpose" };
  const base = { applicantId: payload.a, issuedAt: new Date(payload.iat * 1000), nonce: payload.n, keyId };
  let claims: LinkClaims;
  if (payload.p === "feed") {
    claims = { purpose: "feed", ...base, generation: payload.g };
  } else if (payload.p === "unsubscribe") {
    claims = { purpose: "unsubscribe", ...base };
  } else {
    const expiresAt = new Date(payload.exp * 1000);
    if (!options.acceptExpired && now.getTime() >= expiresAt.getTime())
      return { ok: false, reason: "expired" };
    claims =
      payload.p === "action"
        ? { purpose: "action", ...base, milestone: payload.m, action: payload.x, expiresAt }
        : { purpose: "timeline", ...base, expiresAt };
  }
  return { ok: true, claims: claims as Extract<LinkClaims, { purpose: P }> };
}
