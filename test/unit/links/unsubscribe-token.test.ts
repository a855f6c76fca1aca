import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from "#links/unsubscribe-token.ts";

const OLD = `k1=${"o".repeat(43)}`;
const NEW = `k2=${"n".repeat(43)}`;
const keyring = parseKeyring(`${NEW}\n${OLD}`);
const issuedAt = new Date("2026-09-17T08:00:00Z");

/**
 * A real pre-keyring token, as the version before this one put in every email's List-Unsubscribe
 * header and footer: minted by that version's createUnsubscribeToken with this secret for "a_ada"
 * at 2026-09-17T08:00:00Z. Links already sent must keep working during the transition.
 */
const LEGACY_SECRET = "legacy-unsubscribe-secret-".padEnd(40, "x");
const LEGACY_TOKEN =
  "eyJzdWIiOiJhX2FkYSIsImlhdCI6MTc4OTYzMjAwMH0.gUnoRDeeh6SFHaLc2OytjeoDRV6JJ6e5QQlPHCf1-dU";

describe("unsubscribe tokens on the link keyring", () => {
  it("round-trip the applicant id and issue time, signed by the newest key and naming it, URL-safe", () => {
    const token = createUnsubscribeToken(keyring, "a_abc", issuedAt);
    expect(token).toMatch(/^mp1\.k2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken({ keyring }, token)).toEqual({ applicantId: "a_abc", issuedAt });
    expect(unsubscribeUrl("https://api.example.org/", token)).toBe(
      `https://api.example.org/unsubscribe?token=${token}`,
    );
  });

  it("carry no personal data: the payload holds the opaque applicant id, purpose, issue time and a nonce", () => {
    const token = createUnsubscribeToken(keyring, "a_abc", issuedAt);
    const payload = JSON.parse(Buffer.from(token.split(".")[2] ?? "", "base64url").toString("utf8"));
    expect(Object.keys(payload).sort()).toEqual(["a", "iat", "n", "p"]);
    expect(payload).toMatchObject({ p: "unsubscribe", a: "a_abc" });
  });

  it("keep working while their key is an older key of the ring, and never expire", () => {
    const signedBefore = createUnsubscribeToken(parseKeyring(OLD), "a_abc", new Date("2020-01-01T00:00:00Z"));
    expect(verifyUnsubscribeToken({ keyring }, signedBefore)?.applicantId).toBe("a_abc");
    expect(verifyUnsubscribeToken({ keyring: parseKeyring(NEW) }, signedBefore)).toBeUndefined();
  });

  it.each([
    [
      "a changed payload",
      (token: string) => token.replace(/\.([^.]+)\./, (_m, b: string) => `.${b.slice(0, -2)}AA.`),
    ],
    ["a truncated signature", (token: string) => token.slice(0, -2)],
    ["no signature", (token: string) => token.split(".").slice(0, 3).join(".")],
    ["extra parts", (token: string) => `${token}.x`],
    ["a key id swapped for another of the ring", (token: string) => token.replace(".k2.", ".k1.")],
  ])("refuse %s", (_name, tamper) => {
    expect(
      verifyUnsubscribeToken({ keyring }, tamper(createUnsubscribeToken(keyring, "a_abc", issuedAt))),
    ).toBeUndefined();
  });

  it("refuse a genuine link token of another purpose", async () => {
    const { applicantLinks } = await import("#links/applicant-links.ts");
    const links = applicantLinks({
      baseUrl: "https://x.example",
      keyring,
      applicantId: "a_abc",
      feedGeneration: 0,
      now: issuedAt,
    });
    for (const url of [links.timeline, links.feed, links.action("usmle_step2ck", "done")]) {
      const token = new URL(url).searchParams.get("token") ?? "";
      expect(verifyUnsubscribeToken({ keyring }, token), url).toBeUndefined();
    }
  });
});

describe("pre-keyring unsubscribe tokens (links in emails already sent)", () => {
  it("are honoured while the old secret is configured, with their applicant and issue time", () => {
    expect(verifyUnsubscribeToken({ keyring, legacySecret: LEGACY_SECRET }, LEGACY_TOKEN)).toEqual({
      applicantId: "a_ada",
      issuedAt: new Date("2026-09-17T08:00:00Z"),
    });
  });

  it("are refused once the old secret is removed, which ends the transition", () => {
    expect(verifyUnsubscribeToken({ keyring }, LEGACY_TOKEN)).toBeUndefined();
  });

  const resign = (payload: string) =>
    `${payload}.${createHmac("sha256", LEGACY_SECRET).update("matchpath.unsubscribe.v1.").update(payload).digest("base64url")}`;

  it.each([
    ["another secret", LEGACY_TOKEN, "t".repeat(40)],
    [
      "a changed payload",
      `${Buffer.from('{"sub":"a_other","iat":1}').toString("base64url")}.${LEGACY_TOKEN.split(".")[1]}`,
      LEGACY_SECRET,
    ],
    ["a truncated signature", LEGACY_TOKEN.slice(0, -2), LEGACY_SECRET],
    ["no signature", LEGACY_TOKEN.split(".")[0] ?? "", LEGACY_SECRET],
    ["extra parts", `${LEGACY_TOKEN}.x`, LEGACY_SECRET],
    [
      "a signed payload that is not a token's",
      resign(Buffer.from('{"sub":""}').toString("base64url")),
      LEGACY_SECRET,
    ],
  ])("refuse %s", (_name, token, legacySecret) => {
    expect(verifyUnsubscribeToken({ keyring, legacySecret }, token)).toBeUndefined();
  });

  it("the fixture is what the legacy signature scheme produces (so the test above can fail)", () => {
    expect(resign(LEGACY_TOKEN.split(".")[0] ?? "")).toBe(LEGACY_TOKEN);
  });
});
