import * as z from "zod";
import type { AwsClientSettings } from "#adapters/aws-clients.ts";
import type { WakeUpSettings } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { ConfigError } from "#errors";
import { FORM_PROVIDERS, type ProviderName } from "#intake/providers/list.ts";
import { parseKeyring } from "#links/link-token.ts";

/**
 * The one place that reads the process environment. Each function validates only what it needs,
 * once at cold start, from schemas that share their pieces; a missing or invalid variable is named
 * in a ConfigError so a deploy fails loudly on its first invocation.
 */
export type Environment = Readonly<Record<string, string | undefined>>;

const required = z.string().trim().min(1, { message: "is required" });
const optionalText = z.string().trim().min(1).optional();
const endpoint = z.url({ message: "must be a URL such as http://127.0.0.1:8000" }).optional();
const arn = z.string().regex(/^arn:aws[\w-]*:[\w-]+:[\w-]*:\d{12}:.+$/, { message: "must be an ARN" });

const awsPieces = {
  AWS_REGION: required,
  TABLE_NAME: required,
  MATCHPATH_DYNAMODB_ENDPOINT: endpoint,
  CLOCK: z.enum(["system", "local"]).default("system"),
};

const eventPieces = {
  EVENT_BUS_NAME: required,
  MATCHPATH_EVENTBRIDGE_ENDPOINT: endpoint,
};

const mailPieces = {
  SENDER_ADDRESS: required,
  SES_CONFIGURATION_SET: optionalText,
  MATCHPATH_SES_ENDPOINT: endpoint,
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }),
};

/**
 * Defaults are AWS's own: 185 attempts within 24 hours. Retrying is safe because the reminder
 * function claims before sending, and the retries only cover failures to deliver the invocation
 * (Scheduler invokes Lambda asynchronously; function errors follow the function's own async retry
 * policy and on-failure destination).
 * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html
 */
const SchedulerSchema = z.discriminatedUnion("WAKE_UP_SCHEDULER", [
  z.object({ WAKE_UP_SCHEDULER: z.literal("table") }),
  z.object({
    WAKE_UP_SCHEDULER: z.literal("eventbridge"),
    SCHEDULE_GROUP_NAME: required,
    SCHEDULER_ROLE_ARN: arn,
    /** Optional only for the reminder function, which may fall back to its own invoked ARN. */
    REMINDER_FUNCTION_ARN: arn.optional(),
    SCHEDULER_DLQ_ARN: arn,
    SCHEDULER_MAX_RETRY_ATTEMPTS: z.coerce.number().int().min(0).max(185).default(185),
    SCHEDULER_MAX_EVENT_AGE_SECONDS: z.coerce.number().int().min(60).max(86_400).default(86_400),
    MATCHPATH_SCHEDULER_ENDPOINT: endpoint,
  }),
]);

/** A secret given either as a value (local, tests) or as an SSM SecureString parameter name. */
function secretPieces<const V extends string, const P extends string>(valueKey: V, parameterKey: P) {
  return { [valueKey]: optionalText, [parameterKey]: optionalText } as Record<V | P, typeof optionalText>;
}

export type SecretSetting = { kind: "value"; value: string } | { kind: "parameter"; name: string };

function secretSetting(
  env: Record<string, string | undefined>,
  valueKey: string,
  parameterKey: string,
  check?: (value: string) => string | undefined,
): SecretSetting {
  const value = env[valueKey];
  const name = env[parameterKey];
  if (value !== undefined && name !== undefined) {
    throw new ConfigError(`Set only one of ${valueKey} and ${parameterKey}`);
  }
  if (name !== undefined) return { kind: "parameter", name };
  if (value === undefined) throw new ConfigError(`${valueKey} or ${parameterKey} is required`);
  const problem = check?.(value);
  if (problem) throw new ConfigError(`${valueKey} ${problem}`);
  return { kind: "value", value };
}

const checkWebhookSecret = (value: string) =>
  value.startsWith("whsec_") && value.length > "whsec_".length ? undefined : "must be a whsec_ value";
const checkUnsubscribeSecret = (value: string) =>
  value.length >= 32 ? undefined : "must be at least 32 characters";
const checkLinkKeys = (value: string) => {
  try {
    parseKeyring(value);
    return undefined;
  } catch (error) {
    return `is not a keyring (${(error as Error).message})`;
  }
};

/** Empty strings count as unset, so `FOO=` in a .env file does not defeat a default. */
function withoutEmpty(env: Environment): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
}

function parse<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const named = result.error.issues
    .map((issue) => `${issue.path.map(String).join(".") || "(environment)"} ${issue.message}`)
    .join("; ");
  throw new ConfigError(`Invalid configuration: ${named}`, { cause: result.error });
}

export interface AwsSettings extends AwsClientSettings {
  tableName: string;
  clock: "system" | "local";
}

export type { WakeUpSettings };

export interface HttpApiConfig extends AwsSettings {
  webhookSecret: SecretSetting;
  unsubscribeSecret: SecretSetting;
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
  unsubscribeSecret: SecretSetting;
  linkSigningKeys: SecretSetting;
}

function wakeUpSettings(scheduler: z.output<typeof SchedulerSchema>): WakeUpSettings {
  if (scheduler.WAKE_UP_SCHEDULER === "table") return { kind: "table" };
  return {
    kind: "eventbridge",
    groupName: scheduler.SCHEDULE_GROUP_NAME,
    roleArn: scheduler.SCHEDULER_ROLE_ARN,
    ...(scheduler.REMINDER_FUNCTION_ARN ? { reminderFunctionArn: scheduler.REMINDER_FUNCTION_ARN } : {}),
    deadLetterArn: scheduler.SCHEDULER_DLQ_ARN,
    maxRetryAttempts: scheduler.SCHEDULER_MAX_RETRY_ATTEMPTS,
    maxEventAgeSeconds: scheduler.SCHEDULER_MAX_EVENT_AGE_SECONDS,
  };
}

function awsSettings(
  base: z.output<z.ZodObject<typeof awsPieces>>,
  extra: { ses?: string | undefined; eventbridge?: string | undefined; scheduler?: string | undefined },
): AwsSettings {
  const endpoints: AwsSettings["endpoints"] = {};
  if (base.MATCHPATH_DYNAMODB_ENDPOINT) endpoints.dynamodb = base.MATCHPATH_DYNAMODB_ENDPOINT;
  if (extra.ses) endpoints.ses = extra.ses;
  if (extra.eventbridge) endpoints.eventbridge = extra.eventbridge;
  if (extra.scheduler) endpoints.scheduler = extra.scheduler;
  return { region: base.AWS_REGION, tableName: base.TABLE_NAME, clock: base.CLOCK, endpoints };
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

/** http-api: TABLE_NAME, AWS_REGION, CLOCK, WEBHOOK_SECRET(_PARAMETER), UNSUBSCRIBE_SECRET(_PARAMETER), LINK_SIGNING_KEYS(_PARAMETER), optional PUBLIC_BASE_URL. */
export function loadHttpApiConfig(env: Environment = process.env): HttpApiConfig {
  const values = withoutEmpty(env);
  const base = parse(HttpApiSchema, values);
  return {
    ...awsSettings(base, {}),
    webhookSecret: secretSetting(values, "WEBHOOK_SECRET", "WEBHOOK_SECRET_PARAMETER", checkWebhookSecret),
    unsubscribeSecret: secretSetting(
      values,
      "UNSUBSCRIBE_SECRET",
      "UNSUBSCRIBE_SECRET_PARAMETER",
      checkUnsubscribeSecret,
    ),
    linkSigningKeys: secretSetting(values, "LINK_SIGNING_KEYS", "LINK_SIGNING_KEYS_PARAMETER", checkLinkKeys),
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
  ...secretPieces("UNSUBSCRIBE_SECRET", "UNSUBSCRIBE_SECRET_PARAMETER"),
  ...secretPieces("LINK_SIGNING_KEYS", "LINK_SIGNING_KEYS_PARAMETER"),
});

/** reminder: the planner's settings plus SENDER_ADDRESS, SES_CONFIGURATION_SET, PUBLIC_BASE_URL, UNSUBSCRIBE_SECRET(_PARAMETER), LINK_SIGNING_KEYS(_PARAMETER). */
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
    unsubscribeSecret: secretSetting(
      values,
      "UNSUBSCRIBE_SECRET",
      "UNSUBSCRIBE_SECRET_PARAMETER",
      checkUnsubscribeSecret,
    ),
    linkSigningKeys: secretSetting(values, "LINK_SIGNING_KEYS", "LINK_SIGNING_KEYS_PARAMETER", checkLinkKeys),
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
});

/** console: the AWS pieces, CONSOLE_ISSUER, CONSOLE_CLIENT_ID, CONSOLE_AUTHORIZE_URL, CONSOLE_TOKEN_URL, PUBLIC_BASE_URL. */
export function loadConsoleConfig(env: Environment = process.env): ConsoleConfig {
  const base = parse(ConsoleSchema, withoutEmpty(env));
  return {
    ...awsSettings(base, {}),
    issuer: base.CONSOLE_ISSUER,
    clientId: base.CONSOLE_CLIENT_ID,
    authorizeUrl: base.CONSOLE_AUTHORIZE_URL,
    tokenUrl: base.CONSOLE_TOKEN_URL,
    ...(base.CONSOLE_JWKS_URL ? { jwksUrl: base.CONSOLE_JWKS_URL } : {}),
    publicBaseUrl: base.PUBLIC_BASE_URL.replace(/\/$/, ""),
    assetsDir: base.CONSOLE_ASSETS_DIR ?? `${process.cwd()}/functions/console/assets`,
  };
}
