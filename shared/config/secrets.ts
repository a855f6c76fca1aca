import { ConfigError } from "#errors";
import { type LinkKeyring, parseKeyring } from "#links/keyring.ts";
import type { SecretSetting } from "./env-pieces.ts";

/** Resolves a secret when needed: a value at once, an SSM parameter through the Parameters cache. */
export type SecretSource = () => Promise<string>;

/** SSM reads are cached for five minutes, so a rotated secret is picked up without a redeploy. */
const PARAMETER_MAX_AGE_SECONDS = 300;

export function secretSource(setting: SecretSetting): SecretSource {
  if (setting.kind === "value") {
    const value = setting.value;
    return () => Promise.resolve(value);
  }
  const name = setting.name;
  return async () => {
    // Imported on the first read, not at cold start: the SSM client is a large module and a
    // function configured with values (local stack, tests) never needs it.
    const { getParameter } = await import("@aws-lambda-powertools/parameters/ssm");
    const value = await getParameter(name, { decrypt: true, maxAge: PARAMETER_MAX_AGE_SECONDS });
    if (typeof value !== "string" || value.length === 0) {
      throw new ConfigError(`SSM parameter ${name} is empty or missing`);
    }
    return value;
  };
}

/**
 * The link-signing keyring from its secret: parsed on each read, so a rotation stored in SSM is
 * picked up within the Parameters cache's five minutes.
 */
export function keyringSource(setting: SecretSetting): () => Promise<LinkKeyring> {
  const source = secretSource(setting);
  let cached: { text: string; keyring: LinkKeyring } | undefined;
  return async () => {
    const text = await source();
    if (cached?.text !== text) cached = { text, keyring: parseKeyring(text) };
    return cached.keyring;
  };
}
