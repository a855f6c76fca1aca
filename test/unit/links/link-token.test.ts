import { describe, expect, it } from "vitest";
import { createLinkToken, parseKeyring, verifyLinkToken } from "#links/link-token.ts";

const OLD = `k1=${"o".repeat(43)}`;
const NEW = `k2=${"n".repeat(43)}`;
const keyring = parseKeyring(`${NEW}\n${OLD}`);
const issuedAt = new Date("2026-06-01T00:00:00Z");
const expiresAt = new Date("2026-06-22T00:00:00Z");
const action = {
  purpose: "action",
  applicantId: "a_abc",
  milestone: "usmle_step2ck",
  action: "done",
  expiresAt,
} as const;

describe("link tokens", () => {
  it("round-trips an action token signed with the newest key, naming that key", () => {
    const token = createLinkToken(keyring, action, issuedAt);
    expect(token.split(".")[1]).toBe("k2");
    const result = verifyLinkToken(keyring, token, "action", issuedAt);
    expect(result).toMatchObject({
      ok: true,
      claims: { applicantId: "a_abc", milestone: "usmle_step2ck", action: "done", keyId: "k2" },
    });
  });

  it("carries no personal data: the payload holds only ids, times and a nonce", () => {
    const token = createLinkToken(keyring, action, issuedAt);
    const payload = JSON.parse(Buffer.from(token.split(".")[2] ?? "", "base64url").toString("utf8"));
    expect(Object.keys(payload).sort()).toEqual(["a", "exp", "iat", "m", "n", "p", "x"]);
  });

  it("gives every token its own nonce, so two links for the same step record separately", () => {
    const one = verifyLinkToken(keyring, createLinkToken(keyring, action, issuedAt), "action", issuedAt);
    const two = verifyLinkToken(keyring, createLinkToken(keyring, action, issuedAt), "action", issuedAt);
    expect(one.ok && two.ok && one.claims.nonce !== two.claims.nonce).toBe(true);
  });

  it("still accepts a token signed with an older key of the ring, and refuses it once the key is dropped", () => {
    const signedBefore = createLinkToken(parseKeyring(OLD), action, issuedAt);
    expect(verifyLinkToken(keyring, signedBefore, "action", issuedAt).ok).toBe(true);
    expect(verifyLinkToken(parseKeyring(NEW), signedBefore, "action", issuedAt)).toEqual({
      ok: false,
      reason: "unknown-key",
    });
  });

  it.each([
    [
      "a changed payload",
      (token: string) => token.replace(/\.([^.]+)\./, (_m, body: string) => `.${body.slice(0, -2)}AA.`),
    ],
    [
      "a changed signature",
      (token: string) => `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`,
    ],
    ["a key id swapped for another of the ring", (token: string) => token.replace(".k2.", ".k1.")],
  ])("refuses %s as a bad signature", (_name, tamper) => {
    const token = tamper(createLinkToken(keyring, action, issuedAt));
    expect(verifyLinkToken(keyring, token, "action", issuedAt)).toMatchObject({ ok: false });
    expect(verifyLinkToken(keyring, token, "action", issuedAt)).not.toMatchObject({ reason: "expired" });
  });

  it("reports a genuine token past its expiry as expired", () => {
    const token = createLinkToken(keyring, action, issuedAt);
    expect(verifyLinkToken(keyring, token, "action", expiresAt)).toEqual({ ok: false, reason: "expired" });
  });

  it("with acceptExpired, gives a genuine expired token's claims and still refuses a tampered one", () => {
    const token = createLinkToken(
      keyring,
      { purpose: "timeline", applicantId: "a_abc", expiresAt },
      issuedAt,
    );
    expect(verifyLinkToken(keyring, token, "timeline", expiresAt, { acceptExpired: true })).toMatchObject({
      ok: true,
      claims: { purpose: "timeline", applicantId: "a_abc", expiresAt },
    });
    const tampered = `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`;
    expect(verifyLinkToken(keyring, tampered, "timeline", expiresAt, { acceptExpired: true })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyLinkToken(keyring, token, "action", expiresAt, { acceptExpired: true })).toEqual({
      ok: false,
      reason: "wrong-purpose",
    });
  });

  it("refuses a token made for another purpose", () => {
    const timeline = createLinkToken(
      keyring,
      { purpose: "timeline", applicantId: "a_abc", expiresAt },
      issuedAt,
    );
    expect(verifyLinkToken(keyring, timeline, "action", issuedAt)).toEqual({
      ok: false,
      reason: "wrong-purpose",
    });
  });

  it.each(["", "x", "mp1.k2.e30.", "mp2.k2.e30.abc", "a.b.c.d.e", "mp1.k2.!!.abc"])(
    "refuses the malformed token %j",
    (token) => {
      expect(verifyLinkToken(keyring, token, "action", issuedAt)).toMatchObject({ ok: false });
    },
  );

  it.each([
    ["", /no key/],
    ["k1=short", /32\+ characters/],
    [`${OLD}\n${OLD}`, /must differ/],
    [`=${"x".repeat(40)}`, /kid/],
  ])("refuses the keyring %j", (text, message) => {
    expect(() => parseKeyring(text)).toThrow(message);
  });
});
