import { Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as targets from "aws-cdk-lib/aws-events-targets";
import type * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { HTTP_API_ROUTES, splitRouteKey } from "../../functions/http-api/route-keys.ts";
import { isDisposable, type StageConfig } from "../config.ts";
import { AdvisorConsole } from "../constructs/advisor-console.ts";
import { AdvisorDigestSchedule } from "../constructs/advisor-digest-schedule.ts";
import { ApplicantTable } from "../constructs/applicant-table.ts";
import { DailySweep } from "../constructs/daily-sweep.ts";
import { DeadLetterQueue } from "../constructs/dead-letter-queue.ts";
import { DomainEventBus } from "../constructs/domain-event-bus.ts";
import { EmailSending } from "../constructs/email-sending.ts";
import { LOGICAL_IDS } from "../constructs/logical-ids.ts";
import type { CodeLocation, MatchpathFunction } from "../constructs/matchpath-function.ts";
import { OperatorAlarms } from "../constructs/operator-alarms.ts";
import { PublicHttpApi } from "../constructs/public-http-api.ts";
import { addStackOutputs } from "../constructs/stack-outputs.ts";
import { WakeUpScheduling } from "../constructs/wake-up-scheduling.ts";
import { wireFunctions } from "./function-wiring.ts";
import { FUNCTION_ENTRIES, FUNCTIONS, type FunctionKey } from "./matchpath-functions.ts";

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

    this.functions = wireFunctions(this, {
      config,
      code,
      stateful,
      table: this.table,
      bus,
      wakeUps,
      email,
      asyncFailures,
    });
    const { httpApi, planner, reminder, sesEvents, sweeper, console: consoleFunction } = this.functions;

    this.table.streamPlanningChangesTo(planner, streamFailures);
    this.httpApi = new PublicHttpApi(this, "HttpApi", {
      description: `Matchpath ${config.stage}: form intake, the applicant's pages and links, the advisor console`,
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
    if (!config.publicBaseUrl) this.httpApi.linksFrom([reminder, planner, sweeper]);

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
    if (config.advisorDigest.advisors.length > 0) {
      new AdvisorDigestSchedule(this, "AdvisorDigest", {
        hourUtc: config.advisorDigest.hourUtc,
        sweeper,
        deadLetterQueue: asyncFailures,
      });
    }

    const alarms = new OperatorAlarms(this, "Alarms", { email: config.alarmEmail });
    alarms.onDeadLetters(streamFailures, "PlannerStream");
    alarms.onDeadLetters(wakeUps.deadLetterQueue, "WakeUpSchedules");
    alarms.onDeadLetters(asyncFailures, "AsyncInvocations");
    for (const key of Object.keys(FUNCTIONS) as FunctionKey[]) {
      alarms.onFunction(this.functions[key], FUNCTIONS[key].alarmLabel);
    }
    alarms.onSesReputation();
    // The functions that escalate to advisors (the planner, the reminder function, the sweeper).
    alarms.onRejectedEscalations([planner, reminder, sweeper]);
    // The http-api answers 500 instead of throwing, so its Errors metric stays at zero through an
    // intake outage: the API's 5xx count is what shows it.
    alarms.onServerErrors(this.httpApi, "HttpApi");
    alarms.onStreamLag(planner, "PlannerStream");

    addStackOutputs(this, {
      apiEndpoint: this.httpApi.apiEndpoint,
      eventBusName: bus.eventBusName,
      alarmTopicArn: alarms.topic.topicArn,
      consoleUrl: `${config.publicBaseUrl ?? this.httpApi.apiEndpoint}/console`,
      consoleUserPoolId: this.console.userPool.userPoolId,
    });
  }
}
