import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { SqsDestination } from "aws-cdk-lib/aws-lambda-destinations";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import type * as logs from "aws-cdk-lib/aws-logs";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import {
  GSI1,
  planningStreamFilterPattern,
  STREAM_VIEW_TYPE,
  TABLE_KEYS,
  TTL_ATTRIBUTE,
} from "#adapters/dynamodb/table-design.ts";
import { isDisposable, type StageConfig } from "../config.ts";
import { EmailSending } from "../constructs/email-sending.ts";
import { pinLogicalId } from "../constructs/logical-ids.ts";
import { type CodeLocation, MatchpathFunction } from "../constructs/matchpath-function.ts";
import { acknowledgeDeadLetterQueue } from "../constructs/nag.ts";
import { OperatorAlarms } from "../constructs/operator-alarms.ts";
import { WakeUpScheduling } from "../constructs/wake-up-scheduling.ts";

export interface MatchpathStackProps extends StackProps {
  readonly config: StageConfig;
  readonly code: CodeLocation;
}

/** The stable logical ids of the stateful resources (pinned by the infra tests). */
export const LOGICAL_IDS = {
  table: "ApplicantTable",
  scheduleGroup: "WakeUpScheduleGroup",
  wakeUpDeadLetterQueue: "WakeUpDeadLetterQueue",
  streamFailureQueue: "PlannerStreamFailureQueue",
  asyncFailureQueue: "AsyncFailureQueue",
  eventBus: "DomainEventBus",
  eventArchive: "DomainEventArchive",
} as const;

/** The handler entries, relative to the repository root: the same modules `npm start` runs. */
export const FUNCTION_ENTRIES = {
  httpApi: "functions/http-api/handler.ts",
  planner: "functions/planner/handler.ts",
  reminder: "functions/reminder/handler.ts",
  sesEvents: "functions/ses-events/handler.ts",
  sweeper: "functions/sweeper/handler.ts",
} as const;

type FormProvider = keyof StageConfig["secrets"]["formProviders"];

/** The http-api's environment variable for each provider's SSM parameter (shared/config/env.ts). */
const FORM_PROVIDER_VARIABLES: Record<FormProvider, string> = {
  typeform: "TYPEFORM_SECRET_PARAMETER",
  tally: "TALLY_SECRET_PARAMETER",
  jotform: "JOTFORM_TOKEN_PARAMETER",
  "google-forms": "GOOGLE_FORMS_SECRET_PARAMETER",
};

/**
 * DynamoDB item actions per function, from the store adapter's calls. There is no IAM action for
 * TransactWriteItems: each item in a transaction is authorized as its PutItem, UpdateItem,
 * DeleteItem or ConditionCheckItem. No function scans.
 */
const TABLE_ACTIONS = {
  // intake (transactions of profile, milestones, interviews and the idempotency record), unsubscribe
  httpApi: ["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem", "ConditionCheckItem"],
  // read the applicant, save the plan and the wake-up record
  planner: ["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem"],
  // read, claim (conditional put), mark sent, release stale claims, ledger, re-arm
  reminder: ["GetItem", "Query", "PutItem", "UpdateItem", "DeleteItem"],
  // suppression records and ledger entries
  sesEvents: ["GetItem", "Query", "PutItem", "UpdateItem"],
  // due wake-ups from GSI1, then the same writes as the planner when re-arming; Scan only while a
  // moved season date makes it walk the stored plans (bounded per run, resumed from a cursor)
  sweeper: ["GetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem"],
} as const;

/**
 * Matchpath in one stack: the table and its stream, five functions, the HTTP API, the wake-up
 * scheduler, the domain event bus, SES sending and its events, the daily sweep and the alarms.
 * No resource has a physical name, so several stages can share one account.
 */
export class MatchpathStack extends Stack {
  readonly table: dynamodb.Table;
  readonly httpApi: apigw.HttpApi;
  readonly functions: Record<keyof typeof FUNCTION_ENTRIES, MatchpathFunction>;

  constructor(scope: Construct, id: string, props: MatchpathStackProps) {
    super(scope, id, props);
    const { config, code } = props;
    const disposable = isDisposable(config);
    const stateful = disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const logRetention = config.logRetentionDays as logs.RetentionDays;
    const logRemoval = disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    // Table ------------------------------------------------------------------------------------
    // Encrypted with the AWS-managed key (aws/dynamodb): every use of the key is in CloudTrail, with
    // no key policy to maintain and no monthly key fee; a customer-managed key would add only the
    // power to revoke access by disabling the key, which a single-tenant deployment does not need.
    this.table = new dynamodb.Table(this, "Table", {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType[STREAM_VIEW_TYPE],
      timeToLiveAttribute: TTL_ATTRIBUTE,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: !disposable,
      removalPolicy: stateful,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GSI1.indexName,
      partitionKey: { name: GSI1.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: GSI1.sortKey, type: dynamodb.AttributeType.STRING },
      // The due-wake-up queries read only the keys (as the local table: shared/adapters/dynamodb/create-table.ts).
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });
    pinLogicalId(this.table, LOGICAL_IDS.table);

    // Queues for what could not be processed ---------------------------------------------------
    const queue = (construct: string, logicalId: string) => {
      const q = new sqs.Queue(this, construct, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      pinLogicalId(q, logicalId);
      return q;
    };
    // Batches the planner gave up on (metadata: shard, sequence numbers), after retries and bisection.
    const streamFailures = queue("PlannerStreamFailures", LOGICAL_IDS.streamFailureQueue);
    // Asynchronous invocations (Scheduler → reminder, EventBridge → ses-events and sweeper) that
    // failed after Lambda's retries, and events EventBridge could not deliver.
    const asyncFailures = queue("AsyncFailures", LOGICAL_IDS.asyncFailureQueue);

    // Domain events ----------------------------------------------------------------------------
    const bus = new events.EventBus(this, "DomainEvents", {
      description: "Matchpath domain events: PlanChanged, ReminderSent, MilestoneOverdue, EmailSuppressed",
    });
    pinLogicalId(bus, LOGICAL_IDS.eventBus);
    const archive = bus.archive("Archive", {
      description: "Every Matchpath domain event, for replay into a new subscriber",
      eventPattern: { account: [this.account] },
      retention: Duration.days(365),
    });
    archive.applyRemovalPolicy(stateful);
    pinLogicalId(archive, LOGICAL_IDS.eventArchive);

    // Wake-ups and email -----------------------------------------------------------------------
    // The group is deleted with the stack even outside dev: its schedules are derived state (the
    // sweeper re-arms them from the table), and once the stack is gone they could only fail.
    const wakeUps = new WakeUpScheduling(this, "WakeUps", { removalPolicy: RemovalPolicy.DESTROY });
    const email = new EmailSending(this, "Email", {
      domain: config.senderDomain,
      manageIdentity: config.manageEmailIdentity,
      sandboxRecipients: config.sandboxRecipients,
    });

    // Functions --------------------------------------------------------------------------------
    const make = (
      name: keyof typeof FUNCTION_ENTRIES,
      settings: {
        id: string;
        service: string;
        description: string;
        timeout: Duration;
        memorySize?: number;
        environment: Record<string, string>;
        onFailure?: lambda.IDestination;
        files?: Array<{ from: string; to: string }>;
      },
    ) =>
      new MatchpathFunction(this, settings.id, {
        code,
        entry: FUNCTION_ENTRIES[name],
        description: settings.description,
        timeout: settings.timeout,
        ...(settings.memorySize ? { memorySize: settings.memorySize } : {}),
        serviceName: settings.service,
        metricsNamespace: `Matchpath/${config.stage}`,
        logLevel: config.logLevel,
        logRetention,
        removalPolicy: logRemoval,
        environment: {
          TABLE_NAME: this.table.tableName,
          CLOCK: "system",
          ...settings.environment,
        },
        ...(settings.onFailure ? { onFailure: settings.onFailure } : {}),
        ...(settings.files ? { files: settings.files } : {}),
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
    const onAsyncFailure = new SqsDestination(asyncFailures);
    // The http-api reads each connected provider's secret from the variable its config names.
    const formProviderParameters = Object.entries(config.secrets.formProviders)
      .filter((entry): entry is [FormProvider, string] => entry[1] !== undefined)
      .map(([provider, parameter]) => ({ variable: FORM_PROVIDER_VARIABLES[provider], parameter }));

    // 10 s: webhook senders wait about that long for an answer; an intake is one transaction plus a
    // cached SSM read, well under a second even on a cold start, so 10 s leaves room for SDK retries.
    // 512 MB: the only function a person or a form provider waits on, so it gets the faster CPU.
    const httpApiFn = make("httpApi", {
      id: "HttpApiFunction",
      service: "http-api",
      description: "Matchpath HTTP API: health, signed intake webhooks, one-click unsubscribe",
      timeout: Duration.seconds(10),
      memorySize: 512,
      environment: {
        WEBHOOK_SECRET_PARAMETER: config.secrets.webhookSecretParameter,
        UNSUBSCRIBE_SECRET_PARAMETER: config.secrets.unsubscribeSecretParameter,
        ...Object.fromEntries(formProviderParameters.map(({ variable, parameter }) => [variable, parameter])),
        // The form mapping files are read at run time, so they ship beside the bundle.
        FORM_MAPPINGS_DIR: "/var/task/forms",
      },
      files: [{ from: "shared/intake/forms", to: "forms" }],
    });

    // The reminder function (invoked by Scheduler) reads its own ARN from the invocation context
    // (context.invokedFunctionArn, unqualified because schedules target the unqualified ARN): putting
    // it in its own environment would make the function depend on itself.
    // 30 s: one applicant per invocation (read, plan, claim, one SES send, ledger, re-arm, publish).
    const reminderFn = make("reminder", {
      id: "ReminderFunction",
      service: "reminder",
      description: "Matchpath reminders: sends what is due for one applicant as one email and re-arms",
      timeout: Duration.seconds(30),
      environment: {
        ...wakeUpEnvironment,
        SENDER_ADDRESS: `${config.senderName} <${config.senderAddress}>`,
        SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
        UNSUBSCRIBE_SECRET_PARAMETER: config.secrets.unsubscribeSecretParameter,
        PUBLIC_BASE_URL: config.publicBaseUrl ?? "",
      },
      onFailure: onAsyncFailure,
    });
    wakeUps.allowInvoking(reminderFn);

    // 60 s: a batch of up to 10 stream records, each a read, a plan, a write, at most one Scheduler
    // call and one PutEvents; typically well under 2 s, the rest absorbs SDK retries under throttling.
    const plannerFn = make("planner", {
      id: "PlannerFunction",
      service: "planner",
      description: "Matchpath planner: re-plans an applicant on profile, milestone and interview changes",
      timeout: Duration.seconds(60),
      environment: { ...wakeUpEnvironment, REMINDER_FUNCTION_ARN: reminderFn.functionArn },
    });

    // 15 s: one SES event, a lookup and one or two writes.
    const sesEventsFn = make("sesEvents", {
      id: "SesEventsFunction",
      service: "ses-events",
      description: "Matchpath SES events: suppresses bounced and complaining addresses, records deliveries",
      timeout: Duration.seconds(15),
      environment: { EVENT_BUS_NAME: bus.eventBusName },
      onFailure: onAsyncFailure,
    });

    // 5 min, 512 MB: once a day it queries every due wake-up (16 GSI shards in parallel) and re-arms
    // the missed ones, one Scheduler call each; 5 minutes covers thousands of applicants.
    const sweeperFn = make("sweeper", {
      id: "SweeperFunction",
      service: "sweeper",
      description: "Matchpath daily sweep: re-arms any applicant whose wake-up is missing or late",
      timeout: Duration.minutes(5),
      memorySize: 512,
      environment: { ...wakeUpEnvironment, REMINDER_FUNCTION_ARN: reminderFn.functionArn },
      onFailure: onAsyncFailure,
    });

    this.functions = {
      httpApi: httpApiFn,
      planner: plannerFn,
      reminder: reminderFn,
      sesEvents: sesEventsFn,
      sweeper: sweeperFn,
    };

    // Grants: each function gets exactly what its use cases call ---------------------------------
    this.grantTable(httpApiFn, TABLE_ACTIONS.httpApi);
    this.grantTable(plannerFn, TABLE_ACTIONS.planner);
    this.grantTable(reminderFn, TABLE_ACTIONS.reminder);
    this.grantTable(sesEventsFn, TABLE_ACTIONS.sesEvents);
    this.grantTable(sweeperFn, TABLE_ACTIONS.sweeper, { gsi1: true });

    for (const fn of [plannerFn, reminderFn, sweeperFn]) wakeUps.grantManageWakeUps(fn);
    for (const fn of [plannerFn, reminderFn, sesEventsFn, sweeperFn]) bus.grantPutEventsTo(fn);
    email.grantSend(reminderFn);

    this.grantSecureParameters(
      httpApiFn,
      [
        config.secrets.webhookSecretParameter,
        config.secrets.unsubscribeSecretParameter,
        ...formProviderParameters.map(({ parameter }) => parameter),
      ],
      config.secrets.kmsKeyArn,
    );
    this.grantSecureParameters(
      reminderFn,
      [config.secrets.unsubscribeSecretParameter],
      config.secrets.kmsKeyArn,
    );

    // Planner stream mapping ------------------------------------------------------------------
    // Only profile, milestone and interview items reach the planner (DESIGN decision 4), with the
    // very pattern the local stream poller applies. Batches of 10 keep one bad record's blast radius
    // small (bisection halves it until the record is alone) and a batch well inside the timeout; no
    // batching window, so a change is planned within the ~250 ms poll interval.
    plannerFn.addEventSource(
      new DynamoEventSource(this.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        // Stream records live 24 h; older than that they are gone anyway.
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(streamFailures),
        filters: [lambda.FilterCriteria.filter(planningStreamFilterPattern)],
      }),
    );

    // HTTP API ---------------------------------------------------------------------------------
    this.httpApi = new apigw.HttpApi(this, "HttpApi", {
      description: `Matchpath ${config.stage}: intake webhooks and unsubscribe`,
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, "HttpApiAccessLogs", {
      retention: logRetention,
      removalPolicy: logRemoval,
    });
    new apigw.HttpStage(this, "HttpApiDefaultStage", {
      httpApi: this.httpApi,
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: config.api.rateLimit, burstLimit: config.api.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // No source IP, user agent, path or query string: the unsubscribe token and any personal
        // data stay out of the logs; the route key says which endpoint was called.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            requestTime: "$context.requestTimeEpoch",
            routeKey: "$context.routeKey",
            status: "$context.status",
            protocol: "$context.protocol",
            responseLength: "$context.responseLength",
            responseLatency: "$context.responseLatency",
            integrationStatus: "$context.integrationStatus",
            integrationLatency: "$context.integrationLatency",
            integrationError: "$context.integrationErrorMessage",
            error: "$context.error.message",
          }),
        ),
      },
    });
    const integration = new HttpLambdaIntegration("HttpApiHandler", httpApiFn);
    const routes: Array<[apigw.HttpMethod, string]> = [
      [apigw.HttpMethod.GET, "/health"],
      [apigw.HttpMethod.POST, "/intake/webhook"],
      [apigw.HttpMethod.POST, "/intake/{provider}"],
      [apigw.HttpMethod.GET, "/unsubscribe"],
      [apigw.HttpMethod.POST, "/unsubscribe"],
    ];
    for (const [method, path] of routes) this.httpApi.addRoutes({ path, methods: [method], integration });
    Validations.of(this.httpApi).acknowledge({
      id: "AwsSolutions-APIG4",
      reason:
        "Public by design: intake webhooks are verified in code by each provider's HMAC signature " +
        "(or Standard Webhooks), unsubscribe links carry a signed token, /health reveals nothing. " +
        "Form providers cannot send IAM, Cognito or JWT credentials.",
    });

    // The unsubscribe links point at the API unless the stage names another public base URL.
    if (!config.publicBaseUrl) reminderFn.addEnvironment("PUBLIC_BASE_URL", this.httpApi.apiEndpoint);

    // EventBridge: SES events and the daily sweep -------------------------------------------------
    email.routeEvents(
      "SesEventsRule",
      new targets.LambdaFunction(sesEventsFn, {
        deadLetterQueue: asyncFailures,
        retryAttempts: 8,
        maxEventAge: Duration.hours(6),
      }),
    );
    new events.Rule(this, "DailySweep", {
      description: "Runs the Matchpath sweeper once a day",
      schedule: events.Schedule.cron({ minute: "0", hour: String(config.sweeperHourUtc) }),
      targets: [
        new targets.LambdaFunction(sweeperFn, {
          deadLetterQueue: asyncFailures,
          retryAttempts: 4,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });

    // Alarms -----------------------------------------------------------------------------------
    const alarms = new OperatorAlarms(this, "Alarms", config.alarmEmail ? { email: config.alarmEmail } : {});
    alarms.onDeadLetters(streamFailures, "PlannerStream");
    alarms.onDeadLetters(wakeUps.deadLetterQueue, "WakeUpSchedules");
    alarms.onDeadLetters(asyncFailures, "AsyncInvocations");
    alarms.onFunction(httpApiFn, "HttpApi");
    alarms.onFunction(plannerFn, "Planner");
    alarms.onFunction(reminderFn, "Reminder");
    alarms.onFunction(sesEventsFn, "SesEvents");
    alarms.onFunction(sweeperFn, "Sweeper");
    alarms.onSesReputation();

    acknowledgeDeadLetterQueue(streamFailures, "the planner stream mapping's on-failure destination");
    acknowledgeDeadLetterQueue(
      asyncFailures,
      "the on-failure destination of asynchronous invocations and the dead-letter queue of the EventBridge targets",
    );
    Validations.of(plannerFn.role as unknown as Construct).acknowledge({
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
  }

  /** Item actions on the table (and on GSI1 only where the function queries it). */
  private grantTable(
    fn: lambda.IFunction,
    actions: readonly string[],
    options: { gsi1?: boolean } = {},
  ): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: actions.map((action) => `dynamodb:${action}`),
        resources: [
          this.table.tableArn,
          ...(options.gsi1 ? [`${this.table.tableArn}/index/${GSI1.indexName}`] : []),
        ],
      }),
    );
  }

  /**
   * ssm:GetParameter on exactly these SecureString parameters. With the default aws/ssm key, the key
   * policy already lets SSM decrypt for any principal of the account allowed to read the parameter;
   * a customer-managed key also needs kms:Decrypt, only through SSM.
   */
  private grantSecureParameters(fn: lambda.IFunction, names: readonly string[], kmsKeyArn?: string): void {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["ssm:GetParameter"],
        resources: names.map((name) =>
          this.formatArn({ service: "ssm", resource: "parameter", resourceName: name.replace(/^\//, "") }),
        ),
      }),
    );
    if (kmsKeyArn) {
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ["kms:Decrypt"],
          resources: [kmsKeyArn],
          conditions: { StringEquals: { "kms:ViaService": `ssm.${this.region}.amazonaws.com` } },
        }),
      );
    }
  }
}
