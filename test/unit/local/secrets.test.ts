import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isWebhookSecret, loadOrCreateSecret, newWebhookSecret } from "#local/secrets.ts";

describe("local secrets", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "matchpath-secrets-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("generates a Standard Webhooks secret of 32 random bytes", () => {
    const secret = newWebhookSecret();
    expect(isWebhookSecret(secret)).toBe(true);
    expect(Buffer.from(secret.slice("whsec_".length), "base64")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    // The official test vector's secret is valid; junk is not.
    expect(isWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBe(true);
    expect(isWebhookSecret("whsec_")).toBe(false);
    expect(isWebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBe(false);
  });

  it("keeps a generated secret in its file and reads it back on the next start", async () => {
    const file = join(dir, "nested", "webhook-secret");
    const first = await loadOrCreateSecret({
      name: "s",
      file,
      create: newWebhookSecret,
      validate: isWebhookSecret,
    });
    const second = await loadOrCreateSecret({
      name: "s",
      file,
      create: newWebhookSecret,
      validate: isWebhookSecret,
    });
    expect(first.origin).toBe("generated");
    expect(second).toEqual({ value: first.value, origin: "file" });
    expect((await readFile(file, "utf8")).trim()).toBe(first.value);
  });

  it("prefers a given value and refuses an invalid one", async () => {
    const given = newWebhookSecret();
    await expect(
      loadOrCreateSecret({
        name: "s",
        given,
        file: join(dir, "f"),
        create: newWebhookSecret,
        validate: isWebhookSecret,
      }),
    ).resolves.toEqual({ value: given, origin: "given" });
    await expect(
      loadOrCreateSecret({
        name: "MATCHPATH_WEBHOOK_SECRET",
        given: "nope",
        create: newWebhookSecret,
        validate: isWebhookSecret,
      }),
    ).rejects.toThrow(/MATCHPATH_WEBHOOK_SECRET is not valid/);
  });
});
