import { randomUUID } from "node:crypto";
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import type { APIGatewayProxyResultV2 } from "aws-lambda";
import type { FilterPattern } from "#adapters/dynamodb/stream-filter.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import {
  type DynamoDbLocal,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startDynamoDbLocal,
} from "#local/dynamodb-local.ts";
import { toApiGatewayV2Event } from "#local/http-event.ts";
import { newLinkKeyring, newSigningKey } from "#local/secrets.ts";
import { type SesEventBridgeEvent, simulatorEvent } from "#local/ses-feedback.ts";
import { type StreamDeadLetter, StreamPoller } from "#local/stream-poller.ts";
import { Violations } from "../stand-ins/api-error.ts";
import { EventBridgeStandIn } from "../stand-ins/eventbridge.ts";
import { SchedulerStandIn, type StandInSchedule } from "../stand-ins/scheduler.ts";
import { SesStandIn } from "../stand-ins/ses.ts";
import { SsmStandIn } from "../stand-ins/ssm.ts";
import { AwsFront, accessKeyOf } from "./aws-front.ts";
import { isAllowed } from "./iam.ts";
import { type Invocation, LambdaRuntime } from "./lambda-runtime.ts";
import { ACCOUNT, type DeployedFunction, DeployedTemplate, REGION } from "./template.ts";

/**
 * The synthesized stack "deployed" on one machine: the table created as the template declares it
 * in DynamoDB Local, every function's bundle in its own execution environment with the template's
 * environment, the stand-in services behind one AWS endpoint that checks each call against the
 * caller's IAM statements, and the event sources wired as the template wires them (the stream
 * mapping's filter and batch size, the Scheduler target and execution role, the SES events rule,
 * the daily sweep rule). Time is simulated: `moveTo` sets the instant every part reads.
 */

export interface Deployment {
  template: DeployedTemplate;
  functions: Record<string, DeployedFunction>;
  runtimes: Record<string, LambdaRuntime>;
  front: AwsFront;
  scheduler: SchedulerStandIn;
  ses: SesStandIn;
  events: EventBridgeStandIn;
  violations: Violations;
  /** Failures the platform would see: invocation errors, stream dead letters, refused targets. */
  failures: string[];
  webhookSecret: string;
  now(): number;
  moveTo(instant: number): void;
  postWebhook(body: unknown): Promise<APIGatewayProxyResultV2>;
  http(
    method: string,
    url: string,
    body?: string,
    headers?: Record<string, string>,
  ): Promise<APIGatewayProxyResultV2>;
  drainStream(): Promise<void>;
  /** Fires every schedule whose minute has come, as Scheduler does: target, role and input checked. */
  fireDue(): Promise<{ schedule: StandInSchedule; invocation: Invocation }[]>;
  /** Publishes the SES event for each simulator message sent so far, to the rule's target. */
  deliverSesEvents(): Promise<number>;
  /** Runs the daily sweep rule's target with a Scheduled Event. */
  sweep(): Promise<Invocation>;
  stop(): Promise<void>;
}

export interface DeploymentOptions {
  assemblyDir: string;
  stackName: string;
  start: string;
  /** SES sending rate of the account (messages per second). */
  maxSendRate?: number;
}

function logicalIdOf(template: DeployedTemplate, prefix: string): string {
  const found = Object.keys(template.resources).find(
    (id) => id.startsWith(prefix) && template.resources[id]?.Type === "AWS::Lambda::Function",
  );
  if (!found) throw new Error(`template: no function ${prefix}`);
  return found;
}

export async function deploy(options: DeploymentOptions): Promise<Deployment> {
  process.env.DDB_LOCAL_TELEMETRY ??= "0";
  const template = new DeployedTemplate(options.assemblyDir, options.stackName);
  const all = template.functions();
  const byKey = (prefix: string) => {
    const id = logicalIdOf(template, prefix);
    const fn = all.find((candidate) => candidate.logicalId === id);
    if (!fn) throw new Error(`template: no function ${prefix}`);
    return fn;
  };
  const functions = {
    httpApi: byKey("HttpApiFunction"),
    planner: byKey("PlannerFunction"),
    reminder: byKey("ReminderFunction"),
    sesEvents: byKey("SesEventsFunction"),
    sweeper: byKey("SweeperFunction"),
  };

  let offset = Date.parse(options.start) - Date.now();
  const now = () => Date.now() + offset;
  const violations = new Violations();
  const failures: string[] = [];

  // The table, exactly as declared.
  const [tableId, tableResource] = template.ofType("AWS::DynamoDB::Table")[0] ?? [];
  if (!tableId || !tableResource?.Properties) throw new Error("template: no table");
  const tableName = String(template.resolve({ Ref: tableId }));
  const local: DynamoDbLocal = await startDynamoDbLocal({ port: 0 });
  const ddb = new DynamoDBClient({
    endpoint: local.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const table = tableResource.Properties as Record<string, unknown>;
  await ddb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: table.BillingMode as "PAY_PER_REQUEST",
      KeySchema: table.KeySchema as never,
      AttributeDefinitions: table.AttributeDefinitions as never,
      GlobalSecondaryIndexes: table.GlobalSecondaryIndexes as never,
      StreamSpecification: { StreamEnabled: true, ...(table.StreamSpecification as object) },
    }),
  );
  const ttl = table.TimeToLiveSpecification as { AttributeName: string; Enabled: boolean } | undefined;
  if (ttl)
    await ddb
      .send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: ttl }))
      .catch(() => undefined);
  ddb.destroy();

  // The services.
  const scheduler = new SchedulerStandIn(now, violations);
  const identities = template
    .ofType("AWS::SES::EmailIdentity")
    .map(([, resource]) => String(template.resolve(resource.Properties?.EmailIdentity ?? null)));
  const configurationSets = template
    .ofType("AWS::SES::ConfigurationSet")
    .map(([id]) => String(template.resolve({ Ref: id })));
  const sender = functions.reminder.environment.SENDER_ADDRESS ?? "";
  const senderDomain = /@([^>\s]+)/.exec(sender)?.[1] ?? "";
  const ses = new SesStandIn({
    now,
    // A stage that does not declare its identity verifies the domain out of band (README, Deploy).
    identities: identities.length > 0 ? identities : [senderDomain],
    configurationSets,
    ...(options.maxSendRate !== undefined ? { maxSendRate: options.maxSendRate } : {}),
    violations,
  });
  const buses = template.ofType("AWS::Events::EventBus").map(([id]) => ({
    name: String(template.resolve({ Ref: id })),
    arn: String(template.resolve({ "Fn::GetAtt": [id, "Arn"] })),
  }));
  const events = new EventBridgeStandIn(buses, violations);
  const webhookSecret = `whsec_${Buffer.from(randomUUID().replaceAll("-", "")).toString("base64")}`;
  // Each secret in the format the operator stores it in (README, Deploy), as the local stack makes them.
  const secretFor = (variable: string): string =>
    variable.startsWith("WEBHOOK")
      ? webhookSecret
      : variable.startsWith("LINK_SIGNING_KEYS")
        ? newLinkKeyring(new Date(options.start))
        : newSigningKey();
  const parameters: Record<string, string> = {};
  for (const fn of all)
    for (const [key, value] of Object.entries(fn.environment))
      if (key.endsWith("_PARAMETER")) parameters[value] ??= secretFor(key);
  const front = new AwsFront({
    functions: all,
    dynamodbEndpoint: local.endpoint,
    scheduler,
    ses,
    events,
    ssm: new SsmStandIn(parameters),
  });
  const endpoint = await front.listen();

  const runtimes = Object.fromEntries(
    Object.entries(functions).map(([key, fn]) => [
      key,
      new LambdaRuntime(
        fn,
        {
          AWS_REGION: REGION,
          AWS_DEFAULT_REGION: REGION,
          AWS_ACCESS_KEY_ID: accessKeyOf(fn),
          AWS_SECRET_ACCESS_KEY: "deploy-test",
          AWS_SESSION_TOKEN: "deploy-test",
          AWS_ENDPOINT_URL: endpoint,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
          POWERTOOLS_DEV: "false",
        },
        () => offset,
      ),
    ]),
  ) as Record<keyof typeof functions, LambdaRuntime>;

  const record = (what: string, invocation: Invocation) => {
    if (!invocation.ok) failures.push(`${what}: ${invocation.error.name}: ${invocation.error.message}`);
    return invocation;
  };

  // The stream mapping, as declared: filter, batch size, retries, partial batch responses.
  const [, mapping] = template.ofType("AWS::Lambda::EventSourceMapping")[0] ?? [];
  const mappingProps = (mapping?.Properties ?? {}) as {
    BatchSize?: number;
    MaximumRetryAttempts?: number;
    FilterCriteria?: { Filters: { Pattern: string }[] };
  };
  const deadLetters: StreamDeadLetter[] = [];
  const poller: StreamPoller = await StreamPoller.start({
    dynamodbEndpoint: local.endpoint,
    tableName,
    batchSize: mappingProps.BatchSize ?? 100,
    maxRetries: mappingProps.MaximumRetryAttempts ?? 3,
    pollIntervalMs: 50,
    filters: (mappingProps.FilterCriteria?.Filters ?? []).map(
      (filter) => JSON.parse(filter.Pattern) as FilterPattern,
    ),
    onBatch: async (event) => {
      const invocation = record("planner", await runtimes.planner.invoke(event));
      if (!invocation.ok) throw new Error(invocation.error.message);
      return invocation.result as never;
    },
    onDeadLetter: (failure) => {
      deadLetters.push(failure);
      failures.push(`stream dead letter: ${failure.lastError ?? "records failed"}`);
    },
  });

  // Scheduler's execution role, for the target invocations it makes.
  const executionRoleOf = (roleArn: string) => {
    const roleId = template
      .ofType("AWS::IAM::Role")
      .map(([id]) => id)
      .find((id) => template.resolve({ "Fn::GetAtt": [id, "Arn"] }) === roleArn);
    return roleId ? template.statementsOfRole(roleId) : [];
  };

  const sesRule = template
    .ofType("AWS::Events::Rule")
    .find(([, rule]) => JSON.stringify(rule.Properties?.EventPattern ?? {}).includes("aws.ses"));
  const sweepRule = template
    .ofType("AWS::Events::Rule")
    .find(([, rule]) => rule.Properties?.ScheduleExpression !== undefined);
  const targetOf = (rule: typeof sesRule) => {
    const targets = (template.resolve((rule?.[1].Properties?.Targets ?? []) as never) ?? []) as {
      Arn: string;
    }[];
    const fn = all.find((candidate) => candidate.arn === targets[0]?.Arn);
    if (!fn) throw new Error("template: a rule has no function target");
    return Object.entries(functions).find(([, candidate]) => candidate === fn)?.[0] as keyof typeof functions;
  };
  const delivered = new Set<string>();

  const deployment: Deployment = {
    template,
    functions,
    runtimes,
    front,
    scheduler,
    ses,
    events,
    violations,
    failures,
    webhookSecret,
    now,
    moveTo(instant) {
      offset = instant - Date.now();
    },
    async http(method, url, body = "", headers = {}) {
      const rawHeaders = Object.entries({
        host: "abc123api.execute-api.us-east-1.amazonaws.com",
        ...headers,
      }).flat();
      const event = toApiGatewayV2Event(
        {
          method,
          url,
          rawHeaders,
          httpVersion: "1.1",
          sourceIp: "198.51.100.7",
          body: Buffer.from(body),
          receivedAt: new Date(now()),
        },
        { apiId: "abc123api", accountId: ACCOUNT },
      );
      const invocation = record(`http-api ${method} ${url}`, await runtimes.httpApi.invoke(event));
      // API Gateway answers 500 when the integration fails.
      return invocation.ok ? (invocation.result as APIGatewayProxyResultV2) : { statusCode: 500 };
    },
    async postWebhook(body) {
      const text = JSON.stringify(body);
      const headers = signedHeaders(webhookSecret, `msg_${randomUUID()}`, text, new Date(now()));
      return deployment.http("POST", "/intake/webhook", text, {
        "content-type": "application/json",
        ...headers,
      });
    },
    drainStream: () => poller.drain({ timeoutMs: 30_000 }),
    async fireDue() {
      const fired: { schedule: StandInSchedule; invocation: Invocation }[] = [];
      for (const schedule of scheduler.due()) {
        const { event, complete } = scheduler.fire(schedule);
        const target = all.find((fn) => fn.arn === schedule.targetArn);
        const allowed = isAllowed(executionRoleOf(schedule.roleArn), {
          action: "lambda:InvokeFunction",
          resource: schedule.targetArn,
        });
        if (!target || !allowed) {
          failures.push(`scheduler could not invoke ${schedule.targetArn} with ${schedule.roleArn}`);
          complete();
          continue;
        }
        const key = Object.entries(functions).find(([, fn]) => fn === target)?.[0] as keyof typeof functions;
        const invocation = record(`reminder ${schedule.name}`, await runtimes[key].invoke(event));
        complete();
        fired.push({ schedule, invocation });
      }
      return fired;
    },
    async deliverSesEvents() {
      const key = targetOf(sesRule);
      let count = 0;
      for (const email of ses.sent) {
        if (delivered.has(email.messageId)) continue;
        delivered.add(email.messageId);
        const recipient = email.to[0] ?? "";
        const outcome = recipient.startsWith("bounce@simulator")
          ? "bounce"
          : recipient.startsWith("complaint@simulator")
            ? "complaint"
            : undefined;
        if (!outcome) continue;
        const event: SesEventBridgeEvent = simulatorEvent(
          outcome,
          {
            messageId: email.messageId,
            from: email.from,
            replyTo: [],
            subject: email.subject,
            destination: { to: email.to, cc: [], bcc: [] },
            body: { html: email.html, text: email.text },
            headers: email.headers,
            at: Math.floor(email.at / 1000),
          },
          recipient,
          new Date(now()),
          { region: REGION, account: ACCOUNT },
        );
        record(`ses-events ${outcome}`, await runtimes[key].invoke(event));
        count += 1;
      }
      return count;
    },
    async sweep() {
      const key = targetOf(sweepRule);
      const at = `${new Date(now()).toISOString().slice(0, 19)}Z`;
      return record(
        "sweeper",
        await runtimes[key].invoke({
          version: "0",
          id: randomUUID(),
          "detail-type": "Scheduled Event",
          source: "aws.events",
          account: ACCOUNT,
          time: at,
          region: REGION,
          resources: [String(template.resolve({ "Fn::GetAtt": [sweepRule?.[0] ?? "", "Arn"] }))],
          detail: {},
        }),
      );
    },
    async stop() {
      await poller.stop();
      await Promise.all(Object.values(runtimes).map((runtime) => runtime.stop()));
      await front.close();
      await local.stop();
    },
  };
  return deployment;
}
