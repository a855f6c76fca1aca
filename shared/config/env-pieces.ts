import * as z from "zod/mini";
import type { AwsClientSettings } from "#adapters/aws-clients.ts";
import type { WakeUpSettings } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { ConfigError } from "#errors";
import { parseKeyring } from "#links/keyring.ts";

/**
 * The pieces every function's configuration is made of: shared zod schemas of variables, secrets
 * given as a value or an SSM parameter name, and the parse that names every invalid variable in
 * one ConfigError. Each function has its own loader module beside this one (http-api.ts,
 * planner.ts, reminder.ts, sweeper.ts, ses-events.ts, console.ts), the only place it reads the
 * process environment, validated once at cold start; one module per function so a cold start
 * builds only its own schemas (the form-provider list stays in the http-api).
 *
 * The schemas use zod's "mini" API: classic zod's schema classes cost about 40 ms of module init at
 * the first schema a cold start builds, mini's a few (BENCHMARKS.md, bundles). Mini registers no
 * locale: ConfigError's messages are worded by the domain's issue-words.ts, which `#errors` loads.
 */

export type Environment = Readonly<Record<string, string | undefined>>;

export const required = z.string().check(z.trim(), z.minLength(1, { message: "is required" }));
export const optionalText = z.optional(z.string().check(z.trim(), z.minLength(1)));
export const endpoint = z.optional(z.url({ message: "must be a URL such as http://127.0.0.1:8000" }));
export const arn = z
  .string()
  .check(z.regex(/^arn:aws[\w-]*:[\w-]+:[\w-]*:\d{12}:.+$/, { message: "must be an ARN" }));

export const awsPieces = {
  AWS_REGION: required,
  TABLE_NAME: required,
  MATCHPATH_DYNAMODB_ENDPOINT: endpoint,
  CLOCK: z._default(z.enum(["system", "local"]), "system"),
};

export const eventPieces = {
  EVENT_BUS_NAME: required,
  MATCHPATH_EVENTBRIDGE_ENDPOINT: endpoint,
};

export const mailPieces = {
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
export const SchedulerSchema = z.discriminatedUnion("WAKE_UP_SCHEDULER", [
  z.object({ WAKE_UP_SCHEDULER: z.literal("table") }),
  z.object({
    WAKE_UP_SCHEDULER: z.literal("eventbridge"),
    SCHEDULE_GROUP_NAME: required,
    SCHEDULER_ROLE_ARN: arn,
    /** Optional only for the reminder function, which may fall back to its own invoked ARN. */
    REMINDER_FUNCTION_ARN: z.optional(arn),
    SCHEDULER_DLQ_ARN: arn,
    SCHEDULER_MAX_RETRY_ATTEMPTS: z._default(
      z.coerce.number().check(z.int(), z.minimum(0), z.maximum(185)),
      185,
    ),
    SCHEDULER_MAX_EVENT_AGE_SECONDS: z._default(
      z.coerce.number().check(z.int(), z.minimum(60), z.maximum(86_400)),
      86_400,
    ),
    MATCHPATH_SCHEDULER_ENDPOINT: endpoint,
  }),
]);

/** A secret given either as a value (local, tests) or as an SSM SecureString parameter name. */
export function secretPieces<const V extends string, const P extends string>(valueKey: V, parameterKey: P) {
  return { [valueKey]: optionalText, [parameterKey]: optionalText } as Record<V | P, typeof optionalText>;
}

export type SecretSetting = { kind: "value"; value: string } | { kind: "parameter"; name: string };

export function secretSetting(
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

export const checkWebhookSecret = (value: string) =>
  value.startsWith("whsec_") && value.length > "whsec_".length ? undefined : "must be a whsec_ value";
export const checkUnsubscribeSecret = (value: string) =>
  value.length >= 32 ? undefined : "must be at least 32 characters";
export const checkLinkKeys = (value: string) => {
  try {
    parseKeyring(value);
    return undefined;
  } catch (error) {
    return `is not a keyring (${(error as Error).message})`;
  }
};

/** Empty strings count as unset, so `FOO=` in a .env file does not defeat a default. */
export function withoutEmpty(env: Environment): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
}

export function parse<S extends z.ZodMiniType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.output<S> {
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

export function wakeUpSettings(scheduler: z.output<typeof SchedulerSchema>): WakeUpSettings {
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

export function awsSettings(
  base: z.output<z.ZodMiniObject<typeof awsPieces>>,
  extra: { ses?: string | undefined; eventbridge?: string | undefined; scheduler?: string | undefined },
): AwsSettings {
  const endpoints: AwsSettings["endpoints"] = {};
  if (base.MATCHPATH_DYNAMODB_ENDPOINT) endpoints.dynamodb = base.MATCHPATH_DYNAMODB_ENDPOINT;
  if (extra.ses) endpoints.ses = extra.ses;
  if (extra.eventbridge) endpoints.eventbridge = extra.eventbridge;
  if (extra.scheduler) endpoints.scheduler = extra.scheduler;
  return { region: base.AWS_REGION, tableName: base.TABLE_NAME, clock: base.CLOCK, endpoints };
}

/** The keyring of the applicant's links (actions, pages, feed, unsubscribe), read alike by every function that mints or verifies them. */
export function linkSecrets(values: Record<string, string | undefined>): { linkSigningKeys: SecretSetting } {
  return {
    linkSigningKeys: secretSetting(values, "LINK_SIGNING_KEYS", "LINK_SIGNING_KEYS_PARAMETER", checkLinkKeys),
  };
}
