import { Duration, type RemovalPolicy, type Stack } from "aws-cdk-lib";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import type * as logs from "aws-cdk-lib/aws-logs";
import { FORM_PROVIDERS, MAPPING_FOLDERS } from "#intake/providers/list.ts";
import type { StageConfig } from "../config.ts";
import type { ApplicantTable } from "../constructs/applicant-table.ts";
import type { DeadLetterQueue } from "../constructs/dead-letter-queue.ts";
import type { DomainEventBus } from "../constructs/domain-event-bus.ts";
import type { EmailSending } from "../constructs/email-sending.ts";
import { type CodeLocation, MatchpathFunction } from "../constructs/matchpath-function.ts";
import type { WakeUpScheduling } from "../constructs/wake-up-scheduling.ts";
import { FUNCTIONS, type FunctionKey, type FunctionSpec } from "./matchpath-functions.ts";

export interface FunctionWiringProps {
  readonly config: StageConfig;
  readonly code: CodeLocation;
  /** Whether the functions' log groups stay when the stack goes. */
  readonly stateful: RemovalPolicy;
  readonly table: ApplicantTable;
  readonly bus: DomainEventBus;
  readonly wakeUps: WakeUpScheduling;
  readonly email: EmailSending;
  /** The on-failure destination of asynchronous invocations. */
  readonly asyncFailures: DeadLetterQueue;
}

/**
 * The six functions (./matchpath-functions.ts) in the stack's own scope, each with the environment
 * it reads (shared/config/<function>.ts), its SSM secrets and exactly the grants its use cases need: the
 * table's item actions and indexes, wake-up schedules, publishing to the bus, sending email.
 */
export function wireFunctions(
  stack: Stack,
  props: FunctionWiringProps,
): Record<FunctionKey, MatchpathFunction> {
  const { config, code, stateful, table, bus, wakeUps, email, asyncFailures } = props;
  const { secrets } = config;
  const make = (key: FunctionKey, environment: Record<string, string>, more: FunctionExtras = {}) =>
    newFunction(stack, FUNCTIONS[key], {
      code,
      logLevel: config.logLevel,
      logRetention: config.logRetentionDays as logs.RetentionDays,
      removalPolicy: stateful,
      environment: { TABLE_NAME: table.tableName, CLOCK: "system", ...environment },
      ...more,
    });
  const wakeUpEnvironment = {
    EVENT_BUS_NAME: bus.eventBusName,
    WAKE_UP_SCHEDULER: "eventbridge",
    SCHEDULE_GROUP_NAME: wakeUps.group.scheduleGroupName,
    SCHEDULER_ROLE_ARN: wakeUps.executionRole.roleArn,
    SCHEDULER_DLQ_ARN: wakeUps.deadLetterQueue.queueArn,
    SCHEDULER_MAX_RETRY_ATTEMPTS: String(config.scheduler.maxRetryAttempts),
    SCHEDULER_MAX_EVENT_AGE_SECONDS: String(config.scheduler.maxEventAgeSeconds),
  };
  const onFailure = new SqsDestination(asyncFailures);
  // Secrets come from SSM: each function gets the `…_PARAMETER` variables it reads and may read those.
  const links = { LINK_SIGNING_KEYS_PARAMETER: secrets.linkSigningKeysParameter };
  const httpApiSecrets = {
    WEBHOOK_SECRET_PARAMETER: secrets.webhookSecretParameter,
    ...links,
    // Only the http-api verifies pre-keyring unsubscribe links, while the stage still honours them.
    ...(secrets.unsubscribeSecretParameter
      ? { UNSUBSCRIBE_SECRET_PARAMETER: secrets.unsubscribeSecretParameter }
      : {}),
    // Each connected form provider's secret, in the variable its FormProvider names.
    ...Object.fromEntries(
      FORM_PROVIDERS.flatMap(({ name, secretVariable }) => {
        const parameter = secrets.formProviders[name];
        return parameter === undefined ? [] : [[`${secretVariable}_PARAMETER`, parameter]];
      }),
    ),
  };

  // Whatever emails (reminders and the reminder's, planner's and sweeper's advisor escalations; the
  // sweeper's advisor digests; the console's resend; the http-api's fresh links) sends from one
  // sender through one configuration set, linking to PUBLIC_BASE_URL.
  const sender = {
    SENDER_ADDRESS: `${config.senderName} <${config.senderAddress}>`,
    SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
  };
  const mail = { ...sender, PUBLIC_BASE_URL: config.publicBaseUrl ?? "" };
  const httpApi = make(
    "httpApi",
    {
      ...(config.publicBaseUrl ? { PUBLIC_BASE_URL: config.publicBaseUrl } : {}),
      // "Email me a fresh link" (POST /fresh-link) sends as the reminders do.
      ...sender,
      // The form mapping files are read at run time, so they ship beside the bundle.
      FORM_MAPPINGS_DIR: "/var/task/forms",
    },
    { files: MAPPING_FOLDERS.map((from) => ({ from, to: "forms" })) },
  );
  // The reminder reads its own ARN from the invocation context (context.invokedFunctionArn,
  // unqualified because schedules target the unqualified ARN): putting it in its own environment
  // would make the function depend on itself.
  const reminder = make(
    "reminder",
    { ...wakeUpEnvironment, ...mail },
    {
      onFailure,
      ...(config.reminderConcurrency ? { reservedConcurrentExecutions: config.reminderConcurrency } : {}),
    },
  );
  wakeUps.allowInvoking(reminder);
  const planner = make("planner", {
    ...wakeUpEnvironment,
    ...mail,
    REMINDER_FUNCTION_ARN: reminder.functionArn,
  });
  const sesEvents = make("sesEvents", { EVENT_BUS_NAME: bus.eventBusName }, { onFailure });
  const digestAdvisors = config.advisorDigest.advisors;
  const sweeper = make(
    "sweeper",
    {
      ...wakeUpEnvironment,
      ...mail,
      REMINDER_FUNCTION_ARN: reminder.functionArn,
      ...(digestAdvisors.length > 0 ? { DIGEST_ADVISORS: digestAdvisors.join(",") } : {}),
    },
    { onFailure },
  );
  const consoleFunction = make(
    "console",
    { CONSOLE_ASSETS_DIR: "/var/task/assets", ...mail },
    {
      // The shell's stylesheet and script, and htmx, are served by the function itself.
      files: [
        { from: "functions/console/assets", to: "assets" },
        { from: "node_modules/htmx.org/dist", to: "assets" },
      ],
    },
  );
  const functions = { httpApi, planner, reminder, sesEvents, sweeper, console: consoleFunction };

  for (const key of Object.keys(FUNCTIONS) as FunctionKey[]) {
    const spec: FunctionSpec = FUNCTIONS[key];
    table.grantItemActions(functions[key], spec.tableActions, {
      gsi1: spec.queriesGsi1 === true,
      // The sweeper reads an advisor's applicants from the cohort index only when it makes digests.
      gsi2: spec.queriesGsi2 === true || (key === "sweeper" && digestAdvisors.length > 0),
    });
  }
  for (const manager of [planner, reminder, sweeper]) wakeUps.grantManageWakeUps(manager);
  bus.grantPublish(planner, reminder, sesEvents, sweeper);
  // The http-api sends only "Email me a fresh link" (one a day per applicant, to the address on file).
  for (const mailer of [reminder, planner, sweeper, consoleFunction, httpApi]) email.grantSend(mailer);
  httpApi.useSecureParameters(httpApiSecrets, secrets.kmsKeyArn);
  for (const linker of [reminder, consoleFunction]) linker.useSecureParameters(links, secrets.kmsKeyArn);
  return functions;
}

type FunctionExtras = {
  files?: Array<{ from: string; to: string }>;
  onFailure?: lambda.IDestination;
  reservedConcurrentExecutions?: number;
};

/** One function from its spec, in the stack's own scope (so its logical ids follow `spec.id`). */
function newFunction(
  stack: Stack,
  spec: FunctionSpec,
  settings: Omit<
    ConstructorParameters<typeof MatchpathFunction>[2],
    "entry" | "description" | "timeout" | "memorySize" | "serviceName"
  >,
): MatchpathFunction {
  return new MatchpathFunction(stack, spec.id, {
    ...settings,
    entry: spec.entry,
    description: spec.description,
    timeout: Duration.seconds(spec.timeoutSeconds),
    ...(spec.memorySize ? { memorySize: spec.memorySize } : {}),
    serviceName: spec.service,
  });
}
