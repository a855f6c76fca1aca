import * as z from "zod/mini";
import {
  type AwsSettings,
  awsPieces,
  awsSettings,
  type Environment,
  linkSecrets,
  mailPieces,
  optionalText,
  parse,
  required,
  type SecretSetting,
  secretPieces,
  withoutEmpty,
} from "./env-pieces.ts";

/** The console function's configuration, read from the environment once at cold start (env-pieces.ts says how). */

export interface ConsoleConfig extends AwsSettings {
  /** The OpenID Connect issuer whose ID tokens the console accepts (Cognito user pool, or the local issuer). */
  issuer: string;
  /** The app client id: the tokens' audience. */
  clientId: string;
  /** Where the shell sends the browser to sign in, and where it exchanges the code. */
  authorizeUrl: string;
  tokenUrl: string;
  /** Default `<issuer>/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** The console's public base URL (the sign-in redirect is `<base>/console`). */
  publicBaseUrl: string;
  /** Folder holding console.css, console.js and htmx.min.js. */
  assetsDir: string;
  /** "Resend the latest notice" sends as the reminders do: their sender, configuration set and secrets. */
  senderAddress: string;
  sesConfigurationSet?: string;
  linkSigningKeys: SecretSetting;
}

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });
const ConsoleSchema = z.object({
  ...awsPieces,
  CONSOLE_ISSUER: httpUrl,
  CONSOLE_CLIENT_ID: required,
  CONSOLE_AUTHORIZE_URL: httpUrl,
  CONSOLE_TOKEN_URL: httpUrl,
  CONSOLE_JWKS_URL: z.optional(httpUrl),
  PUBLIC_BASE_URL: httpUrl,
  CONSOLE_ASSETS_DIR: optionalText,
  SENDER_ADDRESS: mailPieces.SENDER_ADDRESS,
  SES_CONFIGURATION_SET: mailPieces.SES_CONFIGURATION_SET,
  MATCHPATH_SES_ENDPOINT: mailPieces.MATCHPATH_SES_ENDPOINT,
  ...secretPieces("LINK_SIGNING_KEYS", "LINK_SIGNING_KEYS_PARAMETER"),
});

/** console: the AWS pieces, CONSOLE_ISSUER, CONSOLE_CLIENT_ID, CONSOLE_AUTHORIZE_URL, CONSOLE_TOKEN_URL, PUBLIC_BASE_URL, and for resends the reminder's SENDER_ADDRESS, SES_CONFIGURATION_SET, LINK_SIGNING_KEYS(_PARAMETER). */
export function loadConsoleConfig(env: Environment = process.env): ConsoleConfig {
  const values = withoutEmpty(env);
  const base = parse(ConsoleSchema, values);
  return {
    ...awsSettings(base, { ses: base.MATCHPATH_SES_ENDPOINT }),
    senderAddress: base.SENDER_ADDRESS,
    ...(base.SES_CONFIGURATION_SET ? { sesConfigurationSet: base.SES_CONFIGURATION_SET } : {}),
    ...linkSecrets(values),
    issuer: base.CONSOLE_ISSUER,
    clientId: base.CONSOLE_CLIENT_ID,
    authorizeUrl: base.CONSOLE_AUTHORIZE_URL,
    tokenUrl: base.CONSOLE_TOKEN_URL,
    ...(base.CONSOLE_JWKS_URL ? { jwksUrl: base.CONSOLE_JWKS_URL } : {}),
    publicBaseUrl: base.PUBLIC_BASE_URL.replace(/\/$/, ""),
    assetsDir: base.CONSOLE_ASSETS_DIR ?? `${process.cwd()}/functions/console/assets`,
  };
}
