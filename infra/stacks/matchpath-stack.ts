import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import type * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { FORM_PROVIDERS } from "#intake/providers/list.ts";
import { HTTP_API_ROUTES, splitRouteKey } from "../../functions/http-api/route-keys.ts";
import { isDisposable, type StageConfig } from "../config.ts";
import { AdvisorConsole } from "../constructs/advisor-console.ts";
import { ApplicantTable } from "../constructs/applicant-table.ts";
import { DailySweep } from "../constructs/daily-sweep.ts";
import { DeadLetterQueue } from "../constructs/dead-letter-queue.ts";
import { DomainEventBus } from "../constructs/domain-event-bus.ts";
import { EmailSending } from "../constructs/email-sending.ts";
import { LOGICAL_IDS } from "../constructs/logical-ids.ts";
import { type CodeLocation, MatchpathFunction } from "../constructs/matchpath-function.ts";
import { OperatorAlarms } from "../constructs/operator-alarms.ts";
import { PublicHttpApi } from "../constructs/public-http-api.ts";
import { WakeUpScheduling } from "../constructs/wake-up-scheduling.ts";
import { FUNCTION_ENTRIES, FUNCTIONS, type FunctionKey, type FunctionSpec } from "./matchpath-functions.ts";

export { FUNCTION_ENTRIES, LOGICAL_IDS };

export interface MatchpathStackProps extends StackProps {
  readonly config: StageConfig;
  readonly code: CodeLocation;
}

/** The HTTP API's routes, all served by the http-api function: its own list (functions/http-api/route-keys.ts). */
const HTTP_ROUTES: ReadonlyArray<readonly [apigw.HttpMethod, string]> = HTTP_API_ROUTES.map((key) => {
  const { method, path } = splitRouteKey(key);
  return [apigw.HttpMethod[method], path] as const;
});

/**
 * Matchpath in one stack, wired from constructs that model the system: the applicant table and its
 * stream, six functions (sized in ./matchpath-functions.ts), the public HTTP API, the wake-up
 * scheduler, the domain event bus, SES sending and its events, the daily sweep, the failure queues
 * and the alarms. No resource has a physical name, so several stages can share one account.
 */
export class MatchpathStack extends Stack {
  readonly table: ApplicantTable;
  readonly httpApi: PublicHttpApi;
  readonly functions: Record<FunctionKey, MatchpathFunction>;
  readonly console: AdvisorConsole;

  constructor(scope: Construct, id: string, props: MatchpathStackProps) {
    super(scope, id, props);
    const { config, code } = props;
    const { secrets } = config;
    // The disposable stage's stateful resources (table, archive, logs) go with the stack.
    const stateful = isDisposable(config) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.table = new ApplicantTable(this, "Table", {
      removalPolicy: stateful,
      deletionProtection: !isDisposable(config),
    });
    const streamFailures = new DeadLetterQueue(this, "PlannerStreamFailures", {
      logicalId: LOGICAL_IDS.streamFailureQueue,
      role: "the planner stream mapping's on-failure destination",
    });
    const asyncFailures = new DeadLetterQueue(this, "AsyncFailures", {
      logicalId: LOGICAL_IDS.asyncFailureQueue,
      role: "the on-failure destination of asynchronous invocations and the dead-letter queue of the EventBridge targets",
    });
    // The archive goes with the stack in every stage: a retained archive keeps its managed rule on
    // the bus, and a bus with rules cannot be deleted, so a retained archive makes teardown fail.
    const bus = new DomainEventBus(this, "DomainEvents", { archiveRemovalPolicy: RemovalPolicy.DESTROY });
    // Deleted with the stack even outside dev: schedules are derived state (the sweeper re-arms them
    // from the table), and once the stack is gone they could only fail.
    const wakeUps = new WakeUpScheduling(this, "WakeUps", { removalPolicy: RemovalPolicy.DESTROY });
    const email = new EmailSending(this, "Email", {
      domain: config.senderDomain,
      manageIdentity: config.manageEmailIdentity,
      sandboxRecipients: config.sandboxRecipients,
    });

    const make = (key: FunctionKey, environment: Record<string, string>, more: FunctionExtras = {}) =>
      newFunction(this, FUNCTIONS[key], {
        code,
        logLevel: config.logLevel,
        logRetention: config.logRetentionDays as logs.RetentionDays,
        removalPolicy: stateful,
        environment: { TABLE_NAME: this.table.tableName, CLOCK: "system", ...environment },
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
    const links = {
      UNSUBSCRIBE_SECRET_PARAMETER: secrets.unsubscribeSecretParameter,
      LINK_SIGNING_KEYS_PARAMETER: secrets.linkSigningKeysParameter,
    };
    const httpApiSecrets = {
      WEBHOOK_SECRET_PARAMETER: secrets.webhookSecretParameter,
      ...links,
      // Each connected form provider's secret, in the variable its FormProvider names.
      ...Object.fromEntries(
        FORM_PROVIDERS.flatMap(({ name, secretVariable }) => {
          const parameter = secrets.formProviders[name];
          return parameter === undefined ? [] : [[`${secretVariable}_PARAMETER`, parameter]];
        }),
      ),
    };

    const httpApi = make(
      "httpApi",
      {
        ...(config.publicBaseUrl ? { PUBLIC_BASE_URL: config.publicBaseUrl } : {}),
        // The form mapping files are read at run time, so they ship beside the bundle.
        FORM_MAPPINGS_DIR: "/var/task/forms",
      },
      { files: [{ from: "shared/intake/forms", to: "forms" }] },
    );
    // The reminder reads its own ARN from the invocation context (context.invokedFunctionArn,
    // unqualified because schedules target the unqualified ARN): putting it in its own environment
    // would make the function depend on itself.
    // Whatever emails (reminders; the planner's and sweeper's advisor escalations; the console's
    // resend) sends from one sender through one configuration set, linking to PUBLIC_BASE_URL.
    const mail = {
      SENDER_ADDRESS: `${config.senderName} <${config.senderAddress}>`,
      SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
      PUBLIC_BASE_URL: config.publicBaseUrl ?? "",
    };
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
    const sweeper = make(
      "sweeper",
      { ...wakeUpEnvironment, ...mail, REMINDER_FUNCTION_ARN: reminder.functionArn },
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
    this.functions = { httpApi, planner, reminder, sesEvents, sweeper, console: consoleFunction };

    for (const key of Object.keys(FUNCTIONS) as FunctionKey[]) {
      const spec: FunctionSpec = FUNCTIONS[key];
      this.table.grantItemActions(this.functions[key], spec.tableActions, {
        gsi1: spec.queriesGsi1 === true,
        gsi2: spec.queriesGsi2 === true,
      });
    }
    for (const manager of [planner, reminder, sweeper]) wakeUps.grantManageWakeUps(manager);
    bus.grantPublish(planner, reminder, sesEvents, sweeper);
    for (const sender of [reminder, planner, sweeper, consoleFunction]) email.grantSend(sender);
    httpApi.useSecureParameters(httpApiSecrets, secrets.kmsKeyArn);
    for (const linker of [reminder, consoleFunction]) linker.useSecureParameters(links, secrets.kmsKeyArn);

    this.table.streamPlanningChangesTo(planner, streamFailures);
    this.httpApi = new PublicHttpApi(this, "HttpApi", {
      description: `Matchpath ${config.stage}: intake webhooks and unsubscribe`,
      handler: httpApi,
      routes: HTTP_ROUTES,
      throttle: { rateLimit: config.api.rateLimit, burstLimit: config.api.burstLimit },
      accessLogRetention: config.logRetentionDays as logs.RetentionDays,
      accessLogRemovalPolicy: stateful,
    });
    this.console = new AdvisorConsole(this, "Console", {
      httpApi: this.httpApi,
      handler: consoleFunction,
      publicBaseUrl: config.publicBaseUrl ?? this.httpApi.apiEndpoint,
      domainPrefix: config.console.domainPrefix ?? AdvisorConsole.defaultDomainPrefix(this, config.stage),
      removalPolicy: stateful,
    });
    // Links in emails (unsubscribe, actions, the console) point at the API unless the stage names another base URL.
    for (const linker of config.publicBaseUrl ? [] : [reminder, planner, sweeper])
      linker.addEnvironment("PUBLIC_BASE_URL", this.httpApi.apiEndpoint);

    email.routeEvents(
      "SesEventsRule",
      new targets.LambdaFunction(sesEvents, {
        deadLetterQueue: asyncFailures,
        retryAttempts: 8,
        maxEventAge: Duration.hours(6),
      }),
    );
    new DailySweep(this, "DailySweep", {
      hourUtc: config.sweeperHourUtc,
      sweeper,
      deadLetterQueue: asyncFailures,
    });

    const alarms = new OperatorAlarms(this, "Alarms", { email: config.alarmEmail });
    alarms.onDeadLetters(streamFailures, "PlannerStream");
    alarms.onDeadLetters(wakeUps.deadLetterQueue, "WakeUpSchedules");
    alarms.onDeadLetters(asyncFailures, "AsyncInvocations");
    for (const key of Object.keys(FUNCTIONS) as FunctionKey[]) {
      alarms.onFunction(this.functions[key], FUNCTIONS[key].alarmLabel);
    }
    alarms.onSesReputation();
    // The http-api answers 500 instead of throwing, so its Errors metric stays at zero through an
    // intake outage: the API's 5xx count is what shows it.
    alarms.onServerErrors(this.httpApi, "HttpApi");
    alarms.onStreamLag(planner, "PlannerStream");

    Validations.of(planner.role as unknown as Construct).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason:
        "dynamodb:ListStreams, granted by DynamoEventSource for the stream mapping, supports no " +
        "resource-level permission; the stream's other actions are limited to the table's stream ARN.",
    });

    new CfnOutput(this, "ApiEndpoint", {
      value: this.httpApi.apiEndpoint,
      description: "Base URL of the HTTP API",
    });
    new CfnOutput(this, "EventBusName", {
      value: bus.eventBusName,
      description: "Subscribe to domain events here",
    });
    new CfnOutput(this, "AlarmTopicArn", { value: alarms.topic.topicArn });
    new CfnOutput(this, "ConsoleUrl", {
      value: `${config.publicBaseUrl ?? this.httpApi.apiEndpoint}/console`,
      description: "The advisor's console (sign in with an account an admin created)",
    });
    new CfnOutput(this, "ConsoleUserPoolId", {
      value: this.console.userPool.userPoolId,
      description: "Invite advisors here (aws cognito-idp admin-create-user); the admin group sees everyone",
    });
  }
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
    timeout: spec.timeout,
    ...(spec.memorySize ? { memorySize: spec.memorySize } : {}),
    serviceName: spec.service,
  });
}
