import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parseKeyring } from "#links/link-token.ts";

/** A Standard Webhooks secret: "whsec_" and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** A random signing key or password: 32 random bytes, base64url. */
export function newSigningKey(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * A keyring for signing the applicant's links: one key, named by the day it was made. To rotate,
 * put a new `<kid>=<secret>` line first in .data/link-signing-keys and keep the old one below it.
 */
export function newLinkKeyring(now = new Date()): string {
  return `k${now.toISOString().slice(0, 10).replaceAll("-", "")}=${newSigningKey()}`;
}

export function isLinkKeyring(value: string): boolean {
  try {
    parseKeyring(value);
    return true;
  } catch {
    return false;
  }
}

/** Standard Webhooks secrets are "whsec_" followed by base64 of 24 to 64 bytes. */
export function isWebhookSecret(value: string): boolean {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(value);
  if (!match?.[1]) return false;
  const bytes = Buffer.from(match[1], "base64").length;
  return bytes >= 24 && bytes <= 64;
}

/**
 * The value from `given` if set, else the one kept in `file`, else a new one (kept in `file` so a
 * restart, and `npm run demo`, use the same). With no file nothing is written.
 */
export async function loadOrCreateSecret(options: {
  given?: string | undefined;
  file?: string | undefined;
  create: () => string;
  validate?: (value: string) => boolean;
  name: string;
}): Promise<{ value: string; origin: "given" | "file" | "generated" }> {
  const validate = options.validate ?? ((value: string) => value.length > 0);
  if (options.given !== undefined && options.given !== "") {
    if (!validate(options.given)) throw new Error(`${options.name} is not valid`);
    return { value: options.given, origin: "given" };
  }
  if (options.file) {
    const kept = await readKeptSecret(options.file);
    if (kept !== undefined && validate(kept)) return { value: kept, origin: "file" };
  }
  const value = options.create();
  if (options.file) {
    await mkdir(dirname(options.file), { recursive: true });
    await writeFile(options.file, `${value}\n`, { mode: 0o600 });
  }
  return { value, origin: "generated" };
}

/** The secret kept in `file`, or undefined when there is no such file. */
export async function readKeptSecret(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    },
  );
}
