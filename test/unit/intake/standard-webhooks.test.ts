import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, SignatureError } from "#errors";
import { decodeWebhookSecret, sign, signedHeaders, verify } from "#intake/standard-webhooks.ts";

const vectors = JSON.parse(
  readFileSync(new URL("./fixtures/standard-webhooks.test-vectors.json", import.meta.url), "utf8"),
) as {
  sign: { secret: string; msgId: string; timestamp: number; payload: string; expectedSignature: string }[];
};
const vector = vectors.sign[0];
if (!vector) throw new Error("fixture has no signing vector");

const at = (seconds: number) => ({ now: () => new Date(seconds * 1000) });
const headersFor = (signature: string, timestamp = String(vector.timestamp), id = vector.msgId) => ({
  "webhook-id": id,
  "webhook-timestamp": timestamp,
  "webhook-signature": signature,
});

describe("Standard Webhooks", () => {
  it("signs the official vector", () => {
    expect(sign(vector.secret, vector.msgId, vector.timestamp, vector.payload)).toBe(
      vector.expectedSignature,
    );
  });

  it("verifies the official vector at its own instant", () => {
    const verified = verify(
      vector.secret,
      headersFor(vector.expectedSignature),
      vector.payload,
      at(vector.timestamp),
    );
    expect(verified).toEqual({ id: vector.msgId, timestamp: new Date(vector.timestamp * 1000) });
  });

  it("accepts a secret without the whsec_ prefix and a Buffer body", () => {
    const bare = vector.secret.slice("whsec_".length);
    expect(() =>
      verify(bare, headersFor(vector.expectedSignature), Buffer.from(vector.payload), at(vector.timestamp)),
    ).not.toThrow();
  });

  it("accepts a list where one v1 entry matches and skips other versions", () => {
    const list = `v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${vector.expectedSignature}`;
    expect(() => verify(vector.secret, headersFor(list), vector.payload, at(vector.timestamp))).not.toThrow();
  });

  it("finds headers whatever their case", () => {
    const headers = {
      "Webhook-Id": vector.msgId,
      "Webhook-Timestamp": String(vector.timestamp),
      "Webhook-Signature": vector.expectedSignature,
    };
    expect(() => verify(vector.secret, headers, vector.payload, at(vector.timestamp))).not.toThrow();
  });

  describe.each([
    ["last base64 character changed", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="],
    ["a change only in the unused trailing bits", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF="],
    ["garbage", "v1,dawfeoifkpqwoekfpqoekf"],
    ["bare prefix", "v1,"],
    ["truncated", vector.expectedSignature.slice(0, -5)],
    ["right signature, wrong version", vector.expectedSignature.replace("v1,", "v2,")],
    ["only non-matching entries", "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="],
    ["no version", vector.expectedSignature.slice(3)],
  ])("rejects a signature: %s", (_name, signature) => {
    it("throws SignatureError", () => {
      expect(() =>
        verify(vector.secret, headersFor(signature), vector.payload, at(vector.timestamp)),
      ).toThrow(SignatureError);
    });
  });

  it("rejects a body changed after signing", () => {
    expect(() =>
      verify(
        vector.secret,
        headersFor(vector.expectedSignature),
        '{"test": 2432232315}',
        at(vector.timestamp),
      ),
    ).toThrow(SignatureError);
  });

  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"] as const)(
    "rejects a missing %s",
    (name) => {
      const headers: Record<string, string | undefined> = headersFor(vector.expectedSignature);
      delete headers[name];
      expect(() => verify(vector.secret, headers, vector.payload, at(vector.timestamp))).toThrow(
        SignatureError,
      );
    },
  );

  it("rejects a non-integer timestamp", () => {
    expect(() =>
      verify(
        vector.secret,
        headersFor(vector.expectedSignature, "hello"),
        vector.payload,
        at(vector.timestamp),
      ),
    ).toThrow(SignatureError);
  });

  it.each([
    ["too old", vector.timestamp + 301, "Message timestamp too old"],
    ["too new", vector.timestamp - 301, "Message timestamp too new"],
  ])("rejects a timestamp %s (5 min + 1 s)", (_name, now, message) => {
    expect(() =>
      verify(vector.secret, headersFor(vector.expectedSignature), vector.payload, at(now)),
    ).toThrow(message);
  });

  it("accepts the edges of the 5-minute tolerance", () => {
    for (const now of [vector.timestamp + 300, vector.timestamp - 300]) {
      expect(() =>
        verify(vector.secret, headersFor(vector.expectedSignature), vector.payload, at(now)),
      ).not.toThrow();
    }
  });

  it("judges tolerance by the real clock by default", () => {
    expect(() => verify(vector.secret, headersFor(vector.expectedSignature), vector.payload)).toThrow(
      "Message timestamp too old",
    );
    const body = '{"type":"applicant.snapshot"}';
    expect(() => verify(vector.secret, signedHeaders(vector.secret, "msg_1", body), body)).not.toThrow();
  });

  it.each(["", "whsec_", "whsec_not base64!"])("refuses an empty or malformed secret %j", (secret) => {
    expect(() => decodeWebhookSecret(secret)).toThrow(ConfigError);
  });
});
