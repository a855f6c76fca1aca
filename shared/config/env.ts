import * as z from "zod";
import type { WakeUpSettings } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { ConfigError } from "#errors";
import { FORM_PROVIDERS, type ProviderName } from "#intake/providers/list.ts";
import {
  type AwsSettings,
  awsPieces,
  awsSettings,
  checkUnsubscribeSecret,
  checkWebhookSecret,
  type Environment,
  eventPieces,
  linkSecrets,
  mailPieces,
  optionalText,
  parse,
  required,
  SchedulerSchema,
  type SecretSetting,
  secretPieces,
  secretSetting,
  wakeUpSettings,
  withoutEmpty,
} from "./env-pieces.ts";

/**
 * The one place that reads the process environment. Each function validates only what it needs,
 * once at cold start, from schemas that share their pieces (env-pieces.ts); a missing or invalid
 * variable is named in a ConfigError so a deploy fails loudly on its first invocation.
 */

export interface HttpApiConfig extends AwsSettings {
  webhookSecret: SecretSetting;
  /** The pre-keyring unsubscribe key: set only while links it signed are still honoured. */
  unsubscribeSecret?: SecretSetting;
  /** The keyring signing the applicant's links (`<kid>=<secret>` per line, newest first). */
  linkSigningKeys: SecretSetting;
  /** Base of links printed on the applicant's pages; absent: the request's own origin. */
  publicBaseUrl?: string;
  /** Only the connected providers appear. */
  formSecrets: Partial<Record<ProviderName, SecretSetting>>;
  formMappingsDir: string;
}

export interface PlannerConfig extends AwsSettings {
  eventBusName: string;
  wakeUps: WakeUpSettings;
  /**
   * Where advisor escalations are sent from and link to (issue 15): set when SENDER_ADDRESS and
   * PUBLIC_BASE_URL are; absent, the planner escalates nothing.
   */
  escalation?: { senderAddress: string; sesConfigurationSet?: string; publicBaseUrl: string };
}

export interface ReminderConfig extends PlannerConfig {
  senderAddress: string;
  sesConfigurationSet?: string;
  publicBaseUrl: string;
  linkSigningKeys: SecretSetting;
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
  PUBLIC_BASE_URL: mailPieces.PUBLIC_BASE_URL.optional(),
  ...Object.fromEntries(
    FORM_PROVIDER_SECRETS.flatMap(([, value, parameter]) => [
      [value, optionalText],
      [parameter, optionalText],
    ]),
  ),
  /** Folder of form mapping files; default shared/intake/forms under the working directory. */
  FORM_MAPPINGS_DIR: optionalText,
});

/** http-api: TABLE_NAME, AWS_REGION, CLOCK, WEBHOOK_SECRET(_PARAMETER), LINK_SIGNING_KEYS(_PARAMETER), optional PUBLIC_BASE_URL and UNSUBSCRIBE_SECRET(_PARAMETER) (pre-keyring unsubscribe links). */
export function loadHttpApiConfig(env: Environment = process.env): HttpApiConfig {
  const values = withoutEmpty(env);
  const base = parse(HttpApiSchema, values);
  return {
    ...awsSettings(base, {}),
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
    formMappingsDir: values.FORM_MAPPINGS_DIR ?? `${process.cwd()}/shared/intake/forms`,
  };
}

const PlannerSchema = z.object({
  ...awsPieces,
  ...eventPieces,
  SENDER_ADDRESS: mailPieces.SENDER_ADDRESS.optional(),
  SES_CONFIGURATION_SET: mailPieces.SES_CONFIGURATION_SET,
  MATCHPATH_SES_ENDPOINT: mailPieces.MATCHPATH_SES_ENDPOINT,
  PUBLIC_BASE_URL: mailPieces.PUBLIC_BASE_URL.optional(),
});

/** planner: the AWS pieces, EVENT_BUS_NAME, the wake-up scheduler settings, and for escalations optional SENDER_ADDRESS + PUBLIC_BASE_URL (SES_CONFIGURATION_SET). */
export function loadPlannerConfig(env: Environment = process.env): PlannerConfig {
  const values = withoutEmpty(env);
  const base = parse(PlannerSchema, values);
  const scheduler = parse(SchedulerSchema, values);
  if (scheduler.WAKE_UP_SCHEDULER === "eventbridge" && !scheduler.REMINDER_FUNCTION_ARN) {
    throw new ConfigError("Invalid configuration: REMINDER_FUNCTION_ARN is required");
  }
  return {
    ...awsSettings(base, {
      ses: base.SENDER_ADDRESS ? base.MATCHPATH_SES_ENDPOINT : undefined,
      eventbridge: base.MATCHPATH_EVENTBRIDGE_ENDPOINT,
      scheduler:
        scheduler.WAKE_UP_SCHEDULER === "eventbridge" ? scheduler.MATCHPATH_SCHEDULER_ENDPOINT : undefined,
    }),
    eventBusName: base.EVENT_BUS_NAME,
    wakeUps: wakeUpSettings(scheduler),
    ...(base.SENDER_ADDRESS && base.PUBLIC_BASE_URL
      ? {
          escalation: {
            senderAddress: base.SENDER_ADDRESS,
            ...(base.SES_CONFIGURATION_SET ? { sesConfigurationSet: base.SES_CONFIGURATION_SET } : {}),
            publicBaseUrl: base.PUBLIC_BASE_URL.replace(/\/+$/, ""),
          },
        }
      : {}),
  };
}

const ReminderSchema = z.object({
  ...awsPieces,
  ...eventPieces,
  ...mailPieces,
  ...secretPieces("LINK_SIGNING_KEYS", "LINK_SIGNING_KEYS_PARAMETER"),
});

/** reminder: the planner's settings plus SENDER_ADDRESS, SES_CONFIGURATION_SET, PUBLIC_BASE_URL, LINK_SIGNING_KEYS(_PARAMETER). */
export function loadReminderConfig(env: Environment = process.env): ReminderConfig {
  const values = withoutEmpty(env);
  const base = parse(ReminderSchema, values);
  const scheduler = parse(SchedulerSchema, values);
  return {
    ...awsSettings(base, {
      ses: base.MATCHPATH_SES_ENDPOINT,
      eventbridge: base.MATCHPATH_EVENTBRIDGE_ENDPOINT,
      scheduler:
        scheduler.WAKE_UP_SCHEDULER === "eventbridge" ? scheduler.MATCHPATH_SCHEDULER_ENDPOINT : undefined,
    }),
    eventBusName: base.EVENT_BUS_NAME,
    wakeUps: wakeUpSettings(scheduler),
    senderAddress: base.SENDER_ADDRESS,
    ...(base.SES_CONFIGURATION_SET ? { sesConfigurationSet: base.SES_CONFIGURATION_SET } : {}),
    publicBaseUrl: base.PUBLIC_BASE_URL.replace(/\/+$/, ""),
    ...linkSecrets(values),
  };
}

export interface SweeperConfig extends PlannerConfig {
  /** How late a stored wake-up may be before the sweep re-arms it. */
  graceMs: number;
  /** Re-plans per run at most; the next run continues. */
  maxApplicants: number;
}

const SweeperSchema = z.object({
  ...awsPieces,
  ...eventPieces,
  SWEEP_GRACE_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SWEEP_MAX_APPLICANTS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
});

/** sweeper: the planner's settings plus SWEEP_GRACE_MINUTES (default 15) and SWEEP_MAX_APPLICANTS (default 20000). */
export function loadSweeperConfig(env: Environment = process.env): SweeperConfig {
  const planner = loadPlannerConfig(env);
  const sweep = parse(SweeperSchema, withoutEmpty(env));
  return {
    ...planner,
    graceMs: sweep.SWEEP_GRACE_MINUTES * 60_000,
    maxApplicants: sweep.SWEEP_MAX_APPLICANTS,
  };
}

export interface SesEventsConfig extends AwsSettings {
  eventBusName: string;
}

const SesEventsSchema = z.object({ ...awsPieces, ...eventPieces });

/** ses-events: the AWS pieces (TABLE_NAME, AWS_REGION, …) and EVENT_BUS_NAME (EmailSuppressed goes there). */
export function loadSesEventsConfig(env: Environment = process.env): SesEventsConfig {
  const base = parse(SesEventsSchema, withoutEmpty(env));
  return {
    ...awsSettings(base, { eventbridge: base.MATCHPATH_EVENTBRIDGE_ENDPOINT }),
    eventBusName: base.EVENT_BUS_NAME,
  };
}

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
  CONSOLE_JWKS_URL: httpUrl.optional(),
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
