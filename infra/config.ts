import * as z from "zod";
import { PROVIDERS } from "#intake/providers/list.ts";
import { DEFAULT_DIGEST_HOUR_UTC } from "../functions/sweeper/schedule-input.ts";

/**
 * One deployment stage's settings, validated once. `infra/app.ts` reads them from CDK context
 * (`cdk.json` → `matchpath:stages.<stage>`, or `-c`); the stack and its constructs only receive
 * this typed object and never read the environment themselves.
 */
export type StageConfig = z.output<typeof StageConfigSchema>;

/** CloudWatch Logs accepts only these retention periods (days). */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const ssmParameterName = z
  .string()
  .regex(/^\/[A-Za-z0-9_.\-/]+$/, { message: "must be an SSM parameter name starting with /" });

export const StageConfigSchema = z
  .object({
    /** Stage name, part of the stack name. `dev` is disposable: its table is destroyed with the stack. */
    stage: z.string().regex(/^[a-z][a-z0-9-]{1,20}$/, { message: "must be lowercase letters, digits, -" }),
    /** The From address of reminders; must belong to `senderDomain`. */
    senderAddress: z.email(),
    /** Display name in the From header ("Matchpath <reminders@…>"). */
    senderName: z
      .string()
      .regex(/^[A-Za-z0-9 .'-]{1,64}$/, { message: "must be plain letters, digits, spaces, . ' -" })
      .default("Matchpath"),
    /** The SES domain identity that signs the mail (Easy DKIM). */
    senderDomain: z
      .string()
      .regex(/^(?=.{4,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, { message: "must be a domain" }),
    /**
     * Declare the SES domain identity in this stack. An identity exists once per account and
     * Region, so when two stages share a domain only one of them may declare it.
     */
    manageEmailIdentity: z.boolean().default(true),
    /**
     * Verified recipient addresses allowed while the account is in the SES sandbox: there SES also
     * authorizes the send against each recipient's identity. Leave empty in production.
     */
    sandboxRecipients: z.array(z.email()).default([]),
    /** Base of the links in emails (unsubscribe). Defaults to the HTTP API's own endpoint. */
    publicBaseUrl: z.url({ protocol: /^https$/, message: "must be an https URL" }).optional(),
    /**
     * Operators' address for alarms (SNS email subscription, confirmed by a link AWS mails).
     * Required: an alarm that notifies no one is no alarm.
     */
    alarmEmail: z.email({ message: "is required: the address the alarms notify" }),
    /**
     * Reserved concurrency of the reminder function: how many sends run at once, which bounds the
     * pace at which wake-ups reach SES (each invocation sends at most one email). Size it to the
     * account's SES sending rate (about rate × 0.3 s per send; e.g. 4 for 14 emails/s). Unset, the
     * function shares the account's unreserved pool: a new account's limit of 10 concurrent
     * executions refuses any reservation (Lambda keeps 10 unreserved), so leave it unset there and
     * rely on the throttle retries. Throttled or failed sends re-arm a short retry wake-up.
     */
    reminderConcurrency: z.number().int().min(1).max(1000).optional(),
    logRetentionDays: z
      .number()
      .int()
      .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
        message: `must be one of ${LOG_RETENTION_DAYS.join(", ")}`,
      })
      .default(90),
    logLevel: z.enum(["DEBUG", "INFO", "WARN", "ERROR"]).default("INFO"),
    /** HTTP API stage throttling: steady requests per second and burst. */
    api: z
      .object({
        rateLimit: z.number().int().min(1).default(50),
        burstLimit: z.number().int().min(1).default(100),
      })
      .strict()
      .default({ rateLimit: 50, burstLimit: 100 }),
    /**
     * SSM SecureString parameter names. CloudFormation cannot create SecureString parameters, so
     * the operator creates them once per stage (README.md, "Create the secrets (once per stage)"); the
     * stack only grants reads.
     */
    secrets: z
      .object({
        webhookSecretParameter: ssmParameterName,
        /**
         * The key that signed unsubscribe links before they moved onto the link keyring. Set it only
         * while emails sent by an older version may still be answered; nothing signs with it any more.
         */
        unsubscribeSecretParameter: ssmParameterName.optional(),
        /** The keyring signing the applicant's links (actions, timeline, calendar feed, unsubscribe), `<kid>=<secret>` per line, newest first. */
        linkSigningKeysParameter: ssmParameterName,
        /**
         * One SecureString per connected form provider (its signing secret; Jotform's token). A
         * provider without one is not connected: its route answers 404.
         */
        formProviders: z.partialRecord(z.enum(PROVIDERS), ssmParameterName).default({}),
        /** Only if the parameters are encrypted with a customer-managed key instead of aws/ssm. */
        kmsKeyArn: z
          .string()
          .regex(/^arn:aws[\w-]*:kms:[\w-]+:\d{12}:key\/[\w-]+$/)
          .optional(),
      })
      .strict(),
    /** Retry policy that the planner, sweeper and reminder put on each wake-up schedule. */
    scheduler: z
      .object({
        maxRetryAttempts: z.number().int().min(0).max(185).default(185),
        maxEventAgeSeconds: z.number().int().min(60).max(86_400).default(86_400),
      })
      .strict()
      .default({ maxRetryAttempts: 185, maxEventAgeSeconds: 86_400 }),
    /** The advisor's console (Cognito sign-in). */
    console: z
      .object({
        /**
         * The hosted sign-in's domain prefix, unique in the Region across all AWS accounts
         * (`<prefix>.auth.<region>.amazoncognito.com`); default `matchpath-<stage>-<account id>`.
         */
        domainPrefix: z
          .string()
          .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
            message: "must be lowercase letters, digits and -",
          })
          .refine((prefix) => !/aws|amazon|cognito/.test(prefix), {
            message: "must not contain aws, amazon or cognito (Cognito refuses those)",
          })
          .optional(),
      })
      .strict()
      .default({}),
    /** UTC hour of the daily sweep that re-arms missed wake-ups. */
    sweeperHourUtc: z.number().int().min(0).max(23).default(6),
    /**
     * The advisors' optional daily digest: the advisors who asked for it (their console sign-in
     * addresses, as applicants' `advisorEmail` names them) and the UTC hour it goes out. No
     * advisors: no schedule, no digest.
     */
    advisorDigest: z
      .object({
        advisors: z
          .array(z.email().transform((address) => address.toLowerCase()))
          .max(500)
          .default([]),
        hourUtc: z.number().int().min(0).max(23).default(DEFAULT_DIGEST_HOUR_UTC),
      })
      .strict()
      .default({ advisors: [], hourUtc: DEFAULT_DIGEST_HOUR_UTC }),
  })
  // A misspelled key (say `reminderConcurency`) would otherwise fall back to its default in silence.
  .strict()
  .refine((config) => config.senderAddress.toLowerCase().endsWith(`@${config.senderDomain}`), {
    message: "senderAddress must be an address at senderDomain",
    path: ["senderAddress"],
  });

/** True for the disposable stage, whose stateful resources are destroyed with the stack. */
export function isDisposable(config: Pick<StageConfig, "stage">): boolean {
  return config.stage === "dev";
}

/**
 * Validates one stage's raw settings (from CDK context) and names every wrong key, so a
 * misconfigured `cdk synth` fails before any resource is built.
 */
export function parseStageConfig(stage: string, raw: unknown): StageConfig {
  if (raw === undefined || raw === null || typeof raw !== "object") {
    throw new Error(
      `No settings for stage "${stage}": add matchpath:stages.${stage} to the cdk.json context`,
    );
  }
  const result = StageConfigSchema.safeParse({ ...raw, stage });
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `${issue.path.map(String).join(".") || "(stage)"} ${issue.message}`)
    .join("; ");
  throw new Error(`Invalid settings for stage "${stage}": ${problems}`);
}
