/**
 * The keyring that signs the applicant's links (link-token.ts): parsed from its stored text by
 * the configuration at cold start, so it lives apart from the tokens, whose schemas need the
 * domain catalog. A function that only checks its configuration never loads the catalog.
 */

/** A key id: 1-16 of `A-Za-z0-9_-`. */
export const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

/** Signing keys, newest first. The first signs; all verify. */
export interface LinkKeyring {
  keys: readonly { id: string; secret: string }[];
}

/**
 * Parses a keyring from its stored text: one `<kid>=<secret>` per line (or separated by commas),
 * newest first; kid is 1-16 of `A-Za-z0-9_-`, the secret at least 32 characters.
 * @throws Error naming the line that is wrong.
 */
export function parseKeyring(text: string): LinkKeyring {
  const entries = text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
  const keys = entries.map((entry, index) => {
    const at = entry.indexOf("=");
    const id = at > 0 ? entry.slice(0, at) : "";
    const secret = at > 0 ? entry.slice(at + 1) : "";
    if (!KEY_ID.test(id)) throw new Error(`link key ${index + 1}: expected <kid>=<secret> with a short kid`);
    if (secret.length < 32) throw new Error(`link key ${index + 1} (${id}): the secret needs 32+ characters`);
    return { id, secret };
  });
  if (keys.length === 0) throw new Error("the link keyring holds no key");
  if (new Set(keys.map((key) => key.id)).size !== keys.length) throw new Error("link key ids must differ");
  return { keys };
}
