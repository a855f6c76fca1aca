import { getParameter } from "@aws-lambda-powertools/parameters/ssm";
import { ConfigError } from "#errors";
import { type LinkKeyring, parseKeyring } from "#links/keyring.ts";
import type { SecretSetting } from "./env-pieces.ts";

/** Resolves a secret when needed: a value at once, an SSM parameter through the Parameters cache. */
export type SecretSource = () => Promise<string>;

/** SSM reads are cached for five minutes, so a rotated secret is picked up without a redeploy. */
const PARAMETER_MAX_AGE_SECONDS = 300;

/**
 * Statically imported although a function configured with values (local stack, tests) never reads
 * SSM: esbuild keeps every module behind a dynamic import whole in a one-file bundle (no tree-shaking:
 * 173 KB of the SSM client instead of 79), and a deployed function reads its parameters on its first
 * request anyway, so the lazy import saved nothing in the cloud and cost 100 KB of parsing.
 */
export function secretSource(setting: SecretSetting): SecretSource {
  if (setting.kind === "value") {
    const value = setting.value;
    return () => Promise.resolve(value);
  }
  const name = setting.name;
  return async () => {
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
