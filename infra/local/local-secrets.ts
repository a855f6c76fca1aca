import { join } from "node:path";
import { FORM_PROVIDERS, type ProviderName } from "#intake/providers/list.ts";
import {
  isLinkKeyring,
  isWebhookSecret,
  loadOrCreateSecret,
  newLinkKeyring,
  newSigningKey,
  newWebhookSecret,
  readKeptSecret,
} from "./secrets.ts";

/**
 * How the local stack makes a provider's secret: Typeform and Tally sign with any shared string,
 * Jotform's route takes a URL token, and the Google Apps Script signs per Standard Webhooks.
 */
const NEW_SECRET = { "shared-string": newSigningKey, "standard-webhooks": newWebhookSecret } as const;

export interface LocalSecrets {
  webhookSecret: string;
  /** Where the webhook secret is kept, if on disk. */
  webhookSecretFile?: string;
  /**
   * The key that signed unsubscribe links before they moved onto the keyring: read from a data
   * folder an older version wrote, so the unsubscribe links of the emails already in the local
   * inbox keep working. Never generated.
   */
  legacyUnsubscribeSecret?: string;
  /** The keyring signing the applicant's links (actions, timeline, calendar feed, unsubscribe). */
  linkSigningKeys: string;
  /** The secret (Jotform: URL token) each form-provider route checks. */
  formSecrets: Record<ProviderName, string>;
}

/**
 * The local stack's secrets: each one given, else read from `dataDir`, else generated (and kept in
 * `dataDir` when there is one, so the URLs and signatures a person set up survive a restart).
 */
export async function loadLocalSecrets(options: {
  dataDir?: string | undefined;
  webhookSecret?: string | undefined;
  legacyUnsubscribeSecret?: string | undefined;
  formSecrets?: Partial<Record<ProviderName, string>> | undefined;
}): Promise<LocalSecrets> {
  const { dataDir } = options;
  const webhookSecretFile = dataDir ? join(dataDir, "webhook-secret") : undefined;
  const webhookSecret = await loadOrCreateSecret({
    name: "MATCHPATH_WEBHOOK_SECRET",
    given: options.webhookSecret,
    file: webhookSecretFile,
    create: newWebhookSecret,
    validate: isWebhookSecret,
  });
  const legacyUnsubscribeSecret =
    options.legacyUnsubscribeSecret ??
    (dataDir ? await readKeptSecret(join(dataDir, "unsubscribe-secret")) : undefined);
  const linkSigningKeys = await loadOrCreateSecret({
    name: "the link-signing keyring",
    file: dataDir ? join(dataDir, "link-signing-keys") : undefined,
    create: newLinkKeyring,
    validate: isLinkKeyring,
  });
  const formSecrets = {} as Record<ProviderName, string>;
  for (const { name, secretVariable, secretFormat } of FORM_PROVIDERS) {
    const secret = await loadOrCreateSecret({
      name: `MATCHPATH_${secretVariable}`,
      given: options.formSecrets?.[name] ?? process.env[`MATCHPATH_${secretVariable}`],
      file: dataDir ? join(dataDir, `${name}-secret`) : undefined,
      create: NEW_SECRET[secretFormat],
      ...(secretFormat === "standard-webhooks" ? { validate: isWebhookSecret } : {}),
    });
    formSecrets[name] = secret.value;
  }
  return {
    webhookSecret: webhookSecret.value,
    // A secret given in the environment is not kept in the file: the banner must not point there.
    ...(webhookSecretFile && webhookSecret.origin !== "given" ? { webhookSecretFile } : {}),
    ...(legacyUnsubscribeSecret ? { legacyUnsubscribeSecret } : {}),
    linkSigningKeys: linkSigningKeys.value,
    formSecrets,
  };
}
