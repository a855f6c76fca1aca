import * as z from "zod/mini";
import { FORM_PROVIDERS, MAPPING_FOLDERS, type ProviderName } from "#intake/providers/list.ts";
import {
  type AwsSettings,
  awsPieces,
  awsSettings,
  checkUnsubscribeSecret,
  checkWebhookSecret,
  type Environment,
  linkSecrets,
  mailPieces,
  optionalText,
  parse,
  type SecretSetting,
  secretPieces,
  secretSetting,
  withoutEmpty,
} from "./env-pieces.ts";

/** The http-api function's configuration, read from the environment once at cold start (env-pieces.ts says how). */

export interface HttpApiConfig extends AwsSettings {
  webhookSecret: SecretSetting;
  /** The pre-keyring unsubscribe key: set only while links it signed are still honoured. */
  unsubscribeSecret?: SecretSetting;
  /** The keyring signing the applicant's links (`<kid>=<secret>` per line, newest first). */
  linkSigningKeys: SecretSetting;
  /** Base of links printed on the applicant's pages; absent: the request's own origin. */
  publicBaseUrl?: string;
  /**
   * The reminders' sender, for "Email me a fresh link" (POST /fresh-link); absent: not offered.
   * Sent as the reminders are: their SENDER_ADDRESS and SES_CONFIGURATION_SET.
   */
  freshLinks?: { senderAddress: string; sesConfigurationSet?: string };
  /** Only the connected providers appear. */
  formSecrets: Partial<Record<ProviderName, SecretSetting>>;
  /** Folders of form mapping files: FORM_MAPPINGS_DIR, else each provider's `forms/` under the working directory. */
  formMappingsDirs: string[];
}

/** Form providers: each is connected only when its secret (or SSM parameter name) is set. */
const FORM_PROVIDER_SECRETS = FORM_PROVIDERS.map(
  ({ name, secretVariable, secretFormat }) =>
    [name, secretVariable, `${secretVariable}_PARAMETER`, secretFormat] as const,
);

const HttpApiSchema = z.object({
  ...awsPieces,
  ...secretPieces("WEBHOOK_SECRET", "WEBHOOK_SECRET_PARAMETER"),
  ...secretPieces("UNSUBSCRIBE_SECRET", "UNSUBSCRIBE_SECRET_PARAMETER"),
  ...secretPieces("LINK_SIGNING_KEYS", "LINK_SIGNING_KEYS_PARAMETER"),
  PUBLIC_BASE_URL: z.optional(mailPieces.PUBLIC_BASE_URL),
  SENDER_ADDRESS: optionalText,
  SES_CONFIGURATION_SET: mailPieces.SES_CONFIGURATION_SET,
  MATCHPATH_SES_ENDPOINT: mailPieces.MATCHPATH_SES_ENDPOINT,
  ...Object.fromEntries(
    FORM_PROVIDER_SECRETS.flatMap(([, value, parameter]) => [
      [value, optionalText],
      [parameter, optionalText],
    ]),
  ),
  /** Folder of form mapping files; default each provider's `forms/` under the working directory. */
  FORM_MAPPINGS_DIR: optionalText,
});

/** http-api: TABLE_NAME, AWS_REGION, CLOCK, WEBHOOK_SECRET(_PARAMETER), LINK_SIGNING_KEYS(_PARAMETER), optional PUBLIC_BASE_URL, UNSUBSCRIBE_SECRET(_PARAMETER) (pre-keyring unsubscribe links), and SENDER_ADDRESS with SES_CONFIGURATION_SET (fresh links by email). */
export function loadHttpApiConfig(env: Environment = process.env): HttpApiConfig {
  const values = withoutEmpty(env);
  const base = parse(HttpApiSchema, values);
  return {
    ...awsSettings(base, { ses: base.MATCHPATH_SES_ENDPOINT }),
    webhookSecret: secretSetting(values, "WEBHOOK_SECRET", "WEBHOOK_SECRET_PARAMETER", checkWebhookSecret),
    ...linkSecrets(values),
    ...((values.UNSUBSCRIBE_SECRET ?? values.UNSUBSCRIBE_SECRET_PARAMETER)
      ? {
          unsubscribeSecret: secretSetting(
            values,
            "UNSUBSCRIBE_SECRET",
            "UNSUBSCRIBE_SECRET_PARAMETER",
            checkUnsubscribeSecret,
          ),
        }
      : {}),
    ...(base.PUBLIC_BASE_URL ? { publicBaseUrl: base.PUBLIC_BASE_URL.replace(/\/+$/, "") } : {}),
    ...(base.SENDER_ADDRESS
      ? {
          freshLinks: {
            senderAddress: base.SENDER_ADDRESS,
            ...(base.SES_CONFIGURATION_SET ? { sesConfigurationSet: base.SES_CONFIGURATION_SET } : {}),
          },
        }
      : {}),
    formSecrets: Object.fromEntries(
      FORM_PROVIDER_SECRETS.filter(([, value, parameter]) => values[value] ?? values[parameter]).map(
        ([provider, value, parameter, format]) => [
          provider,
          secretSetting(
            values,
            value,
            parameter,
            format === "standard-webhooks" ? checkWebhookSecret : undefined,
          ),
        ],
      ),
    ),
    formMappingsDirs: values.FORM_MAPPINGS_DIR
      ? [values.FORM_MAPPINGS_DIR]
      : MAPPING_FOLDERS.map((folder) => `${process.cwd()}/${folder}`),
  };
}
