import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring, verifyLinkToken } from "#links/link-token.ts";
import { createUnsubscribeToken, verifyUnsubscribeToken } from "#links/unsubscribe-token.ts";
import { loadLocalSecrets } from "#local/local-secrets.ts";

/**
 * The secrets `npm start` signs with (infra/local/local-secrets.ts, called by startLocalStack with
 * the data folder): a fresh clone's first start makes them and keeps them in the folder; the next
 * start reads the same ones, so the links in the local inbox's emails keep working.
 */
describe("the local stack's secrets", () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "matchpath-start-secrets-"));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("on a first start makes a webhook secret and a link keyring, kept in the data folder for its owner only", async () => {
    const first = await loadLocalSecrets({ dataDir });
    expect(first.webhookSecret).toMatch(/^whsec_/);
    expect(() => parseKeyring(first.linkSigningKeys)).not.toThrow();
    for (const [file, value] of [
      ["webhook-secret", first.webhookSecret],
      ["link-signing-keys", first.linkSigningKeys],
    ] as const) {
      expect((await readFile(join(dataDir, file), "utf8")).trim(), file).toBe(value);
      expect((await stat(join(dataDir, file))).mode & 0o777, file).toBe(0o600);
    }
    // Unsubscribe links are signed by the keyring: no other key is made.
    expect(first.legacyUnsubscribeSecret).toBeUndefined();
    await expect(stat(join(dataDir, "unsubscribe-secret"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("on the next start reads the same keys, so links signed before the restart still verify", async () => {
    const first = await loadLocalSecrets({ dataDir });
    const now = new Date("2026-11-30T12:00:00Z");
    const links = applicantLinks({
      baseUrl: "http://127.0.0.1:3000",
      keyring: parseKeyring(first.linkSigningKeys),
      applicantId: "a_local",
      feedGeneration: 0,
      now,
    });
    const unsubscribe = createUnsubscribeToken(parseKeyring(first.linkSigningKeys), "a_local", now);

    const second = await loadLocalSecrets({ dataDir });
    expect(second).toEqual(first);
    const keyring = parseKeyring(second.linkSigningKeys);
    const token = new URL(links.action("usmle_step2ck", "done")).searchParams.get("token") ?? undefined;
    expect(verifyLinkToken(keyring, token, "action", now).ok).toBe(true);
    expect(verifyUnsubscribeToken({ keyring }, unsubscribe)?.applicantId).toBe("a_local");
  });

  it("a webhook secret given in the environment is used as given and never said to be kept in the folder", async () => {
    const given = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    const secrets = await loadLocalSecrets({ dataDir, webhookSecret: given });
    expect(secrets.webhookSecret).toBe(given);
    expect(secrets.webhookSecretFile).toBeUndefined();
    await expect(stat(join(dataDir, "webhook-secret"))).rejects.toMatchObject({ code: "ENOENT" });
    expect((await loadLocalSecrets({ dataDir })).webhookSecretFile).toBe(join(dataDir, "webhook-secret"));
  });

  it("gives a fresh data folder fresh keys: another clone's links do not verify here", async () => {
    const mine = await loadLocalSecrets({ dataDir });
    const otherDir = await mkdtemp(join(tmpdir(), "matchpath-start-secrets-"));
    try {
      const theirs = await loadLocalSecrets({ dataDir: otherDir });
      expect(theirs.webhookSecret).not.toBe(mine.webhookSecret);
      const token = createUnsubscribeToken(parseKeyring(theirs.linkSigningKeys), "a_local", new Date());
      expect(verifyUnsubscribeToken({ keyring: parseKeyring(mine.linkSigningKeys) }, token)).toBeUndefined();
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it("keeps honouring the unsubscribe key an older version left in the folder, so its emails' links still work", async () => {
    const legacy = "l".repeat(43);
    await writeFile(join(dataDir, "unsubscribe-secret"), `${legacy}\n`);
    expect((await loadLocalSecrets({ dataDir })).legacyUnsubscribeSecret).toBe(legacy);
  });

  it("keeps nothing on disk without a data folder (the test stacks)", async () => {
    const secrets = await loadLocalSecrets({});
    expect(secrets.webhookSecretFile).toBeUndefined();
    expect(() => parseKeyring(secrets.linkSigningKeys)).not.toThrow();
  });
});
