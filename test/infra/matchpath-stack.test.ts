import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Match, type Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { beforeAll, describe, expect, it } from "vitest";
import {
  GSI1,
  GSI2,
  PLANNER_STREAM_BATCH_SIZE,
  planningStreamFilterPattern,
  TTL_ATTRIBUTE,
} from "#adapters/dynamodb/table-design.ts";
import { MAPPING_FOLDERS } from "#intake/providers/list.ts";
import { ESCALATION_REJECTED_MESSAGE } from "#observability/alarmed-log-lines.ts";
import { PROTECTED_CONSOLE_ROUTES, PUBLIC_CONSOLE_ROUTES } from "../../functions/console/route-keys.ts";
import { HTTP_API_ROUTES } from "../../functions/http-api/route-keys.ts";
import { SES_EVENT_DETAIL_TYPES } from "../../infra/constructs/email-sending.ts";
import { FUNCTION_NODE_MAJOR } from "../../infra/constructs/function-bundling.ts";
import { SES_BOUNCE_RATE_ALARM, SES_COMPLAINT_RATE_ALARM } from "../../infra/constructs/operator-alarms.ts";
import { FUNCTION_ENTRIES, LOGICAL_IDS, type MatchpathStack } from "../../infra/stacks/matchpath-stack.ts";
import {
  asArray,
  logicalId,
  type PolicyStatement,
  type Synthesized,
  stageConfig,
  statementsOfRole,
  synthesize,
} from "./synth.ts";

type FunctionKey = keyof typeof FUNCTION_ENTRIES;
const ROOT = new URL("../../", import.meta.url).pathname;
const FUNCTION_KEYS = Object.keys(FUNCTION_ENTRIES) as FunctionKey[];

// Two stages in one app, as two stages in one account: dev (disposable) and prod.
let synthesized: Synthesized;
let dev: MatchpathStack;
let prod: MatchpathStack;
let devTemplate: Template;
let prodTemplate: Template;

beforeAll(() => {
  synthesized = synthesize(
    [
      stageConfig("dev", { manageEmailIdentity: false }),
      stageConfig("prod", {
        secrets: {
          webhookSecretParameter: "/matchpath/prod/webhook-secret",
          unsubscribeSecretParameter: "/matchpath/prod/unsubscribe-secret",
          linkSigningKeysParameter: "/matchpath/prod/link-signing-keys",
          formProviders: { typeform: "/matchpath/prod/typeform-secret" },
        },
      }),
    ],
    // Only dev is bundled: the bundling test reads its assets, and one synth serves every test.
    { bundle: ["Matchpath-dev"] },
  );
  [dev, prod] = synthesized.stacks as [MatchpathStack, MatchpathStack];
  [devTemplate, prodTemplate] = synthesized.templates as [Template, Template];
  // Two stages with cdk-nag and dev's esbuild run: about 30 s alone, over a minute on two cores
  // shared with a full npm test.
}, 240_000);

const roleOf = (stack: MatchpathStack, key: FunctionKey) => {
  const role = stack.functions[key].role;
  if (!role) throw new Error(`${key} has no role`);
  return logicalId(role);
};
const statementsOf = (stack: MatchpathStack, template: Template, key: FunctionKey) =>
  statementsOfRole(template, roleOf(stack, key));
const actionsOf = (statements: PolicyStatement[]) => statements.flatMap((s) => asArray(s.Action));

describe("cdk-nag AwsSolutions", () => {
  it("reports no unacknowledged error or warning in any stage", () => {
    // Synthesis already throws on an unacknowledged error; this also catches warnings.
    const report = new AwsSolutionsChecks().validateScope(synthesized.app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`)).toEqual(
      [],
    );
    expect(report.success).toBe(true);
  });

  it("needs no context lookups, so `cdk synth` runs offline", () => {
    expect(synthesized.assembly.manifest.missing ?? []).toEqual([]);
  });
});

describe("table", () => {
  it("keeps the pinned logical id of the stateful table", () => {
    expect(logicalId(prod.table)).toBe(LOGICAL_IDS.table);
    expect(logicalId(dev.table)).toBe(LOGICAL_IDS.table);
    prodTemplate.templateMatches({ Resources: { [LOGICAL_IDS.table]: { Type: "AWS::DynamoDB::Table" } } });
  });

  it("is on-demand, recoverable, streamed, expiring and encrypted, with GSI1 and GSI2", () => {
    prodTemplate.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: "KEYS_ONLY" },
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      // SSEEnabled without a key: KMS with the AWS-managed key aws/dynamodb.
      SSESpecification: { SSEEnabled: true },
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: GSI1.indexName,
          KeySchema: [
            { AttributeName: GSI1.partitionKey, KeyType: "HASH" },
            { AttributeName: GSI1.sortKey, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "KEYS_ONLY" },
        }),
        // The advisor's cohort: rows only (DATA-MODEL.md).
        Match.objectLike({
          IndexName: GSI2.indexName,
          KeySchema: [
            { AttributeName: GSI2.partitionKey, KeyType: "HASH" },
            { AttributeName: GSI2.sortKey, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "INCLUDE", NonKeyAttributes: ["cohort"] },
        }),
      ],
    });
  });

  it("is retained and deletion-protected outside dev, disposable in dev", () => {
    prodTemplate.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      UpdateReplacePolicy: "Retain",
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    devTemplate.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });

  it("pins the logical ids of the other stateful resources", () => {
    const expected: Record<string, string> = {
      [LOGICAL_IDS.scheduleGroup]: "AWS::Scheduler::ScheduleGroup",
      [LOGICAL_IDS.wakeUpDeadLetterQueue]: "AWS::SQS::Queue",
      [LOGICAL_IDS.streamFailureQueue]: "AWS::SQS::Queue",
      [LOGICAL_IDS.asyncFailureQueue]: "AWS::SQS::Queue",
      [LOGICAL_IDS.eventBus]: "AWS::Events::EventBus",
      [LOGICAL_IDS.eventArchive]: "AWS::Events::Archive",
      [LOGICAL_IDS.consoleUserPool]: "AWS::Cognito::UserPool",
    };
    for (const [id, type] of Object.entries(expected)) {
      prodTemplate.templateMatches({ Resources: { [id]: { Type: type } } });
    }
  });
});

describe("physical names", () => {
  it.each([
    ["AWS::DynamoDB::Table", "TableName"],
    ["AWS::Lambda::Function", "FunctionName"],
    ["AWS::SQS::Queue", "QueueName"],
    ["AWS::IAM::Role", "RoleName"],
    ["AWS::SNS::Topic", "TopicName"],
    ["AWS::Logs::LogGroup", "LogGroupName"],
    ["AWS::SES::ConfigurationSet", "Name"],
    ["AWS::Events::Rule", "Name"],
    ["AWS::Events::Archive", "ArchiveName"],
  ])("no %s has a %s", (type, property) => {
    for (const template of synthesized.templates) {
      for (const resource of Object.values(template.findResources(type))) {
        expect(resource.Properties ?? {}).not.toHaveProperty(property);
      }
    }
  });

  it("gives the resources that need a name one derived from the stack, so two stages never collide", () => {
    const names = (template: Template, type: string) =>
      Object.values(template.findResources(type)).map((r) => r.Properties.Name as string);
    for (const type of ["AWS::Scheduler::ScheduleGroup", "AWS::Events::EventBus"]) {
      const [devName] = names(devTemplate, type);
      const [prodName] = names(prodTemplate, type);
      expect(devName).toMatch(/dev/i);
      expect(prodName).toMatch(/prod/i);
      expect(devName).not.toBe(prodName);
    }
  });
});

describe("functions", () => {
  it("run nodejs24.x (Node 22 leaves standard support in April 2027, inside the 2027 Match) on arm64, ESM-bundled with source maps, with JSON logs", () => {
    const functions = prodTemplate.findResources("AWS::Lambda::Function");
    expect(Object.keys(functions)).toHaveLength(FUNCTION_KEYS.length);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({
        Runtime: "nodejs24.x",
        Architectures: ["arm64"],
        Handler: "index.handler",
        LoggingConfig: { LogFormat: "JSON" },
        Environment: {
          Variables: expect.objectContaining({ NODE_OPTIONS: "--enable-source-maps", CLOCK: "system" }),
        },
      });
      expect(fn.Properties.TracingConfig).toBeUndefined();
      // esbuild's target and the planner bench's Node.js follow the runtime through this one constant.
      expect(fn.Properties.Runtime).toBe(`nodejs${FUNCTION_NODE_MAJOR}.x`);
    }
  });

  it.each([
    ["httpApi", 10, 512, "http-api"],
    ["planner", 60, 256, "planner"],
    ["reminder", 30, 256, "reminder"],
    ["sesEvents", 15, 256, "ses-events"],
    ["sweeper", 300, 512, "sweeper"],
    ["console", 10, 512, "console"],
  ] as const)(
    "%s: %i s, %i MB, service %s, its own log group with retention",
    (key, timeout, memory, service) => {
      const fn = prod.functions[key];
      const id = logicalId(fn);
      const properties = prodTemplate.toJSON().Resources[id].Properties;
      expect(properties).toMatchObject({
        Timeout: timeout,
        MemorySize: memory,
        Environment: { Variables: expect.objectContaining({ POWERTOOLS_SERVICE_NAME: service }) },
      });
      const logGroupId = properties.LoggingConfig.LogGroup.Ref as string;
      expect(prodTemplate.toJSON().Resources[logGroupId]).toMatchObject({
        Type: "AWS::Logs::LogGroup",
        Properties: { RetentionInDays: 90 },
      });
    },
  );

  it("give planner and sweeper the reminder's ARN; the reminder uses its invoked ARN (no self-reference)", () => {
    const reminderArn = prod.resolve(prod.functions.reminder.functionArn);
    const variables = (key: FunctionKey) =>
      prodTemplate.toJSON().Resources[logicalId(prod.functions[key])].Properties.Environment.Variables;
    expect(variables("planner").REMINDER_FUNCTION_ARN).toEqual(reminderArn);
    expect(variables("sweeper").REMINDER_FUNCTION_ARN).toEqual(reminderArn);
    expect(variables("reminder").REMINDER_FUNCTION_ARN).toBeUndefined();
    expect(variables("reminder")).toMatchObject({
      WAKE_UP_SCHEDULER: "eventbridge",
      SENDER_ADDRESS: "Matchpath <reminders@mail.example.org>",
      LINK_SIGNING_KEYS_PARAMETER: "/matchpath/prod/link-signing-keys",
      SCHEDULER_MAX_RETRY_ATTEMPTS: "185",
      SCHEDULER_MAX_EVENT_AGE_SECONDS: "86400",
    });
    // Escalations go from the reminders' sender, through their configuration set, and link into the console.
    for (const escalating of ["planner", "sweeper"] as const) {
      expect(variables(escalating)).toMatchObject({
        SENDER_ADDRESS: "Matchpath <reminders@mail.example.org>",
        SES_CONFIGURATION_SET: variables("reminder").SES_CONFIGURATION_SET,
        PUBLIC_BASE_URL: variables("reminder").PUBLIC_BASE_URL,
      });
      expect(variables(escalating).PUBLIC_BASE_URL).toBeTruthy();
    }
    expect(variables("httpApi")).toMatchObject({
      WEBHOOK_SECRET_PARAMETER: "/matchpath/prod/webhook-secret",
      UNSUBSCRIBE_SECRET_PARAMETER: "/matchpath/prod/unsubscribe-secret",
      LINK_SIGNING_KEYS_PARAMETER: "/matchpath/prod/link-signing-keys",
      TYPEFORM_SECRET_PARAMETER: "/matchpath/prod/typeform-secret",
      FORM_MAPPINGS_DIR: "/var/task/forms",
      // "Email me a fresh link" goes from the reminders' sender, through their configuration set.
      SENDER_ADDRESS: "Matchpath <reminders@mail.example.org>",
      SES_CONFIGURATION_SET: variables("reminder").SES_CONFIGURATION_SET,
    });
    expect(variables("httpApi").TALLY_SECRET_PARAMETER).toBeUndefined();
    // Unsubscribe links are signed by the keyring; only the http-api still verifies pre-keyring ones.
    for (const key of ["reminder", "console"] as const) {
      expect(variables(key).UNSUBSCRIBE_SECRET_PARAMETER, key).toBeUndefined();
    }
  });

  it("send failed asynchronous invocations of reminder, ses-events and sweeper to a queue", () => {
    for (const key of ["reminder", "sesEvents", "sweeper"] as const) {
      prodTemplate.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
        FunctionName: prod.resolve(prod.functions[key].functionName),
        MaximumRetryAttempts: 2,
        DestinationConfig: {
          OnFailure: { Destination: { "Fn::GetAtt": [LOGICAL_IDS.asyncFailureQueue, "Arn"] } },
        },
      });
    }
  });
});

describe("planner stream mapping", () => {
  it("filters with the shared pattern and parks failed batches after bounded retries", () => {
    prodTemplate.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
    prodTemplate.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      EventSourceArn: { "Fn::GetAtt": [LOGICAL_IDS.table, "StreamArn"] },
      FunctionName: prod.resolve(prod.functions.planner.functionName),
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(planningStreamFilterPattern) }] },
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 86_400,
      StartingPosition: "TRIM_HORIZON",
      BatchSize: PLANNER_STREAM_BATCH_SIZE,
      DestinationConfig: {
        OnFailure: { Destination: { "Fn::GetAtt": [LOGICAL_IDS.streamFailureQueue, "Arn"] } },
      },
    });
  });
});

describe("wake-up scheduler", () => {
  it("has a schedule group, deleted with the stack (schedules are rebuilt from the table), and an encrypted DLQ", () => {
    prodTemplate.resourceCountIs("AWS::Scheduler::ScheduleGroup", 1);
    prodTemplate.hasResource("AWS::Scheduler::ScheduleGroup", { DeletionPolicy: "Delete" });
    prodTemplate.hasResourceProperties("AWS::SQS::Queue", { SqsManagedSseEnabled: true });
  });

  it("runs schedules as a role only Scheduler of this account and group may assume", () => {
    prodTemplate.hasResourceProperties("AWS::IAM::Role", {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: "Allow",
            Action: "sts:AssumeRole",
            Principal: { Service: "scheduler.amazonaws.com" },
            Condition: {
              StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
              ArnLike: { "aws:SourceArn": { "Fn::GetAtt": [LOGICAL_IDS.scheduleGroup, "Arn"] } },
            },
          },
        ],
      },
    });
  });

  it("lets that role invoke the reminder function and nothing else (plus its dead-letter queue)", () => {
    const roles = prodTemplate.findResources("AWS::IAM::Role", {
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [Match.objectLike({ Principal: { Service: "scheduler.amazonaws.com" } })],
        },
      },
    });
    const [roleId] = Object.keys(roles);
    expect(Object.keys(roles)).toHaveLength(1);
    const statements = statementsOfRole(prodTemplate, roleId as string);
    expect(statements).toHaveLength(2);
    expect(statements).toEqual(
      expect.arrayContaining([
        {
          Effect: "Allow",
          Action: "lambda:InvokeFunction",
          Resource: prod.resolve(prod.functions.reminder.functionArn),
        },
        {
          Effect: "Allow",
          Action: "sqs:SendMessage",
          Resource: { "Fn::GetAtt": [LOGICAL_IDS.wakeUpDeadLetterQueue, "Arn"] },
        },
      ]),
    );
  });

  it("lets planner, reminder and sweeper manage schedules in the group only and pass only that role", () => {
    const groupName = prodTemplate.toJSON().Resources[LOGICAL_IDS.scheduleGroup].Properties.Name as string;
    for (const key of FUNCTION_KEYS) {
      const statements = statementsOf(prod, prodTemplate, key);
      const manages = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith("scheduler:")));
      const passes = statements.filter((s) => actionsOf([s]).includes("iam:PassRole"));
      if (key === "httpApi" || key === "sesEvents" || key === "console") {
        expect(manages).toEqual([]);
        expect(passes).toEqual([]);
        continue;
      }
      expect(manages).toHaveLength(1);
      expect(actionsOf(manages).sort()).toEqual([
        "scheduler:CreateSchedule",
        "scheduler:DeleteSchedule",
        "scheduler:GetSchedule",
        "scheduler:UpdateSchedule",
      ]);
      expect(JSON.stringify(manages[0]?.Resource)).toContain(`:schedule/${groupName}/*`);
      expect(passes).toHaveLength(1);
      expect(passes[0]?.Condition).toEqual({
        StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" },
      });
      expect(JSON.stringify(passes[0]?.Resource)).toContain("WakeUpsExecutionRole");
    }
  });
});

describe("least privilege", () => {
  it("has no wildcard action in any IAM policy", () => {
    for (const template of synthesized.templates) {
      for (const policy of Object.values(template.findResources("AWS::IAM::Policy"))) {
        for (const statement of policy.Properties.PolicyDocument.Statement as PolicyStatement[]) {
          for (const action of asArray(statement.Action)) expect(action).not.toContain("*");
        }
      }
    }
  });

  it("uses Resource '*' only for dynamodb:ListStreams, which has no resource-level permission", () => {
    for (const template of synthesized.templates) {
      for (const policy of Object.values(template.findResources("AWS::IAM::Policy"))) {
        for (const statement of policy.Properties.PolicyDocument.Statement as PolicyStatement[]) {
          if (asArray(statement.Resource).includes("*"))
            expect(statement.Action).toBe("dynamodb:ListStreams");
        }
      }
    }
  });

  it.each([
    // ConditionCheckItem everywhere: every write into an applicant's partition is a transaction ending
    // in a ConditionCheck that the profile exists (shared/adapters/dynamodb/while-applicant-exists.ts,
    // intake-writes.ts' profileGuard), and IAM checks each action of a TransactWriteItems.
    ["httpApi", ["ConditionCheckItem", "DeleteItem", "GetItem", "PutItem", "Query", "UpdateItem"], false],
    [
      "planner",
      ["BatchWriteItem", "ConditionCheckItem", "DeleteItem", "GetItem", "PutItem", "Query", "UpdateItem"],
      false,
    ],
    [
      "reminder",
      ["BatchWriteItem", "ConditionCheckItem", "DeleteItem", "GetItem", "PutItem", "Query", "UpdateItem"],
      false,
    ],
    ["sesEvents", ["ConditionCheckItem", "GetItem", "PutItem", "Query", "UpdateItem"], false],
    [
      "sweeper",
      [
        "BatchWriteItem",
        "ConditionCheckItem",
        "DeleteItem",
        "GetItem",
        "PutItem",
        "Query",
        "Scan",
        "UpdateItem",
      ],
      true,
    ],
    [
      "console",
      ["BatchWriteItem", "ConditionCheckItem", "DeleteItem", "GetItem", "PutItem", "Query", "UpdateItem"],
      false,
    ],
  ] as const)("%s gets exactly its table item actions (GSI1: %s)", (key, expected, gsi1) => {
    const statements = statementsOf(prod, prodTemplate, key).filter((s) =>
      JSON.stringify(s.Resource).includes(LOGICAL_IDS.table),
    );
    const itemActions = actionsOf(statements)
      .filter((a) => a.startsWith("dynamodb:") && !/Stream|GetRecords|GetShardIterator/.test(a))
      .map((a) => a.replace("dynamodb:", ""))
      .sort();
    expect(itemActions).toEqual([...expected]);
    // Only the sweeper's calendar walk reads the whole table.
    expect(itemActions.includes("Scan")).toBe(key === "sweeper");
    const resources = JSON.stringify(statements.map((s) => s.Resource));
    expect(resources.includes(`/index/${GSI1.indexName}`)).toBe(gsi1);
  });

  it("lets only the reminder, the planner and sweeper (advisor escalations), the console (resend) and the http-api (fresh links) send email, from the identity and through the configuration set", () => {
    const senders: FunctionKey[] = ["reminder", "planner", "sweeper", "console", "httpApi"];
    for (const key of FUNCTION_KEYS) {
      const sends = statementsOf(prod, prodTemplate, key).filter((s) =>
        actionsOf([s]).includes("ses:SendEmail"),
      );
      if (!senders.includes(key)) {
        expect(sends).toEqual([]);
        continue;
      }
      expect(sends).toHaveLength(1);
      const resources = JSON.stringify(sends[0]?.Resource);
      expect(resources).toMatch(/:identity\/","?\{"Ref":"EmailDomainIdentity/);
      expect(resources).toMatch(/:configuration-set\/","?\{"Ref":"EmailConfigurationSet/);
      expect(asArray(sends[0]?.Resource)).toHaveLength(2);
    }
  });

  it("lets http-api, reminder and console read exactly their SecureString parameters", () => {
    const parameterStatements = (key: FunctionKey) =>
      statementsOf(prod, prodTemplate, key).filter((s) => actionsOf([s]).some((a) => a.startsWith("ssm:")));
    const http = parameterStatements("httpApi");
    expect(actionsOf(http)).toEqual(["ssm:GetParameter"]);
    expect(JSON.stringify(http[0]?.Resource)).toContain("parameter/matchpath/prod/webhook-secret");
    expect(JSON.stringify(http[0]?.Resource)).toContain("parameter/matchpath/prod/unsubscribe-secret");
    expect(JSON.stringify(http[0]?.Resource)).toContain("parameter/matchpath/prod/typeform-secret");
    expect(JSON.stringify(http[0]?.Resource)).toContain("parameter/matchpath/prod/link-signing-keys");
    expect(asArray(http[0]?.Resource)).toHaveLength(4);
    for (const key of ["reminder", "console"] as const) {
      const reminder = parameterStatements(key);
      expect(actionsOf(reminder)).toEqual(["ssm:GetParameter"]);
      // They sign every link, unsubscribe included, with the keyring: the old unsubscribe key is not theirs.
      expect(JSON.stringify(reminder[0]?.Resource)).not.toContain("unsubscribe-secret");
      expect(JSON.stringify(reminder[0]?.Resource)).toContain("parameter/matchpath/prod/link-signing-keys");
      expect(asArray(reminder[0]?.Resource)).toHaveLength(1);
    }
    for (const key of ["planner", "sesEvents", "sweeper"] as const)
      expect(parameterStatements(key)).toEqual([]);
  });

  it("lets the publishers put events on the domain bus only", () => {
    for (const key of FUNCTION_KEYS) {
      const puts = statementsOf(prod, prodTemplate, key).filter((s) =>
        actionsOf([s]).includes("events:PutEvents"),
      );
      if (key === "httpApi" || key === "console") {
        expect(puts).toEqual([]);
        continue;
      }
      expect(puts.map((s) => s.Resource)).toEqual([{ "Fn::GetAtt": [LOGICAL_IDS.eventBus, "Arn"] }]);
    }
  });

  it("attaches no managed policy to any role", () => {
    for (const role of Object.values(prodTemplate.findResources("AWS::IAM::Role"))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe("HTTP API", () => {
  it("routes every endpoint to the http-api function with payload 2.0", () => {
    for (const routeKey of HTTP_API_ROUTES) {
      prodTemplate.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: routeKey });
    }
    // The http-api function's own routes (functions/http-api/route-keys.ts) and the console's (asserted below).
    prodTemplate.resourceCountIs(
      "AWS::ApiGatewayV2::Route",
      HTTP_API_ROUTES.length + PUBLIC_CONSOLE_ROUTES.length + PROTECTED_CONSOLE_ROUTES.length,
    );
    prodTemplate.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
      IntegrationType: "AWS_PROXY",
      PayloadFormatVersion: "2.0",
    });
  });

  it("throttles the default stage and writes JSON access logs without personal data", () => {
    prodTemplate.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    });
    const [stage] = Object.values(prodTemplate.findResources("AWS::ApiGatewayV2::Stage"));
    const format = JSON.parse(stage?.Properties.AccessLogSettings.Format as string);
    expect(format).toMatchObject({ requestId: "$context.requestId", routeKey: "$context.routeKey" });
    expect(JSON.stringify(format)).not.toMatch(/sourceIp|userAgent|\$context\.path/);
  });
});

describe("EventBridge and SES", () => {
  it("archives the custom domain event bus", () => {
    prodTemplate.hasResourceProperties("AWS::Events::Archive", {
      SourceArn: { "Fn::GetAtt": [LOGICAL_IDS.eventBus, "Arn"] },
      RetentionDays: 365,
    });
  });

  it("deletes the archive with the stack in every stage, so the bus (and the stack) can be deleted", () => {
    // A retained archive keeps its managed rule on the bus; a bus with a rule cannot be deleted.
    for (const template of [prodTemplate, devTemplate]) {
      template.hasResource("AWS::Events::Archive", { DeletionPolicy: "Delete" });
      template.hasResource("AWS::Events::EventBus", { DeletionPolicy: Match.absent() });
    }
  });

  it("publishes bounce, complaint, delivery and reject events to the default bus", () => {
    prodTemplate.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(["bounce", "complaint", "delivery", "reject"]),
        EventBridgeDestination: {
          EventBusArn: {
            "Fn::Join": ["", Match.arrayWith([Match.stringLikeRegexp(":event-bus/default$")])],
          },
        },
      },
    });
    prodTemplate.hasResourceProperties("AWS::SES::ConfigurationSet", {
      DeliveryOptions: { TlsPolicy: "REQUIRE" },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
    });
  });

  it("routes those SES events to ses-events, with a dead-letter queue", () => {
    prodTemplate.hasResourceProperties("AWS::Events::Rule", {
      EventPattern: { source: ["aws.ses"], "detail-type": [...SES_EVENT_DETAIL_TYPES] },
      Targets: [
        Match.objectLike({
          Arn: prod.resolve(prod.functions.sesEvents.functionArn),
          DeadLetterConfig: { Arn: { "Fn::GetAtt": [LOGICAL_IDS.asyncFailureQueue, "Arn"] } },
        }),
      ],
    });
  });

  it("runs the sweeper daily", () => {
    prodTemplate.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "cron(0 6 * * ? *)",
      Targets: [Match.objectLike({ Arn: prod.resolve(prod.functions.sweeper.functionArn) })],
    });
  });

  it("declares the domain identity only in the stage that manages it", () => {
    prodTemplate.hasResourceProperties("AWS::SES::EmailIdentity", { EmailIdentity: "mail.example.org" });
    devTemplate.resourceCountIs("AWS::SES::EmailIdentity", 0);
  });
});

describe("alarms", () => {
  const alarmsTo = () => ({
    AlarmActions: [{ Ref: Match.stringLikeRegexp("^AlarmsTopic") }],
    ComparisonOperator: "GreaterThanOrEqualToThreshold",
  });

  it.each([LOGICAL_IDS.streamFailureQueue, LOGICAL_IDS.wakeUpDeadLetterQueue, LOGICAL_IDS.asyncFailureQueue])(
    "alarms on any message in %s",
    (queueId) => {
      prodTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
        ...alarmsTo(),
        Namespace: "AWS/SQS",
        MetricName: "ApproximateNumberOfMessagesVisible",
        Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [queueId, "QueueName"] } }],
        Threshold: 1,
      });
    },
  );

  it.each(FUNCTION_KEYS)("alarms on %s errors and throttles", (key) => {
    for (const metric of ["Errors", "Throttles"]) {
      prodTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
        ...alarmsTo(),
        Namespace: "AWS/Lambda",
        MetricName: metric,
        Dimensions: [{ Name: "FunctionName", Value: prod.resolve(prod.functions[key].functionName) }],
        Threshold: 1,
      });
    }
  });

  it("alarms on SES bounce and complaint rates before AWS reviews the account", () => {
    expect(SES_BOUNCE_RATE_ALARM).toBeLessThan(0.05);
    expect(SES_COMPLAINT_RATE_ALARM).toBeLessThan(0.001);
    for (const [metric, threshold] of [
      ["Reputation.BounceRate", SES_BOUNCE_RATE_ALARM],
      ["Reputation.ComplaintRate", SES_COMPLAINT_RATE_ALARM],
    ] as const) {
      prodTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
        ...alarmsTo(),
        Namespace: "AWS/SES",
        MetricName: metric,
        Threshold: threshold,
      });
    }
  });

  it("alarms on an advisor escalation SES rejected for good, counted from the escalating functions' log lines", () => {
    const namespace = `Matchpath/${prod.stackName}`;
    for (const key of ["planner", "reminder", "sweeper"] as const) {
      prodTemplate.hasResourceProperties("AWS::Logs::MetricFilter", {
        LogGroupName: prod.resolve(prod.functions[key].logGroup.logGroupName),
        FilterPattern: `{ $.message = "${ESCALATION_REJECTED_MESSAGE}" }`,
        MetricTransformations: [
          { MetricNamespace: namespace, MetricName: "EscalationsRejected", MetricValue: "1" },
        ],
      });
    }
    prodTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
      ...alarmsTo(),
      Namespace: namespace,
      MetricName: "EscalationsRejected",
      Statistic: "Sum",
      Threshold: 1,
    });
  });

  it("lets CloudWatch publish to the alarm topic (its TopicPolicy replaces the default policy)", () => {
    const policies = Object.values(prodTemplate.findResources("AWS::SNS::TopicPolicy"));
    expect(policies).toHaveLength(1);
    const statements = policies[0]?.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>;
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: "Allow",
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Action: "sns:Publish",
          Condition: expect.objectContaining({
            StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
          }),
        }),
      ]),
    );
  });

  it("alarms on the HTTP API's 5xx answers (the http-api turns failures into 500s, not errors)", () => {
    prodTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
      ...alarmsTo(),
      Namespace: "AWS/ApiGateway",
      MetricName: "5xx",
      Dimensions: [{ Name: "ApiId", Value: { Ref: Match.stringLikeRegexp("^HttpApi") } }],
      Threshold: 1,
    });
  });

  it("alarms when the planner falls behind the table's stream (iterator age)", () => {
    prodTemplate.hasResourceProperties("AWS::CloudWatch::Alarm", {
      ...alarmsTo(),
      Namespace: "AWS/Lambda",
      MetricName: "IteratorAge",
      Statistic: "Maximum",
      Dimensions: [{ Name: "FunctionName", Value: prod.resolve(prod.functions.planner.functionName) }],
      Threshold: 300_000,
    });
  });

  it("mails the operators in every stage, dev included", () => {
    devTemplate.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email" });
    expect(() => stageConfig("qa", { alarmEmail: undefined })).toThrow(/alarmEmail/);
  });

  it("mails the operators", () => {
    prodTemplate.hasResourceProperties("AWS::SNS::Subscription", {
      Protocol: "email",
      Endpoint: "operators@example.org",
    });
  });
});

describe("bundling", () => {
  // One real esbuild run: the handlers that exist are bundled as ESM with the SDK inside, and
  // package.json `imports` aliases (#domain/*, #adapters/*) resolve.
  it("bundles each handler into an ESM index.mjs with the require shim and a source map", () => {
    const bundled = synthesized;
    const stack = dev;
    const template = devTemplate.toJSON();
    const assets = new Set<string>();
    let chunks = 0;
    for (const key of FUNCTION_KEYS) {
      const resource = template.Resources[logicalId(stack.functions[key])];
      // The asset's S3 key is the hash of the bundle, staged as asset.<hash> in the cloud assembly.
      const hash = (resource.Properties.Code.S3Key as string).replace(/\.zip$/, "");
      const assetPath = `asset.${hash}`;
      const assetDir = bundled.assembly.directory;
      const code = readFileSync(join(assetDir, assetPath, "index.mjs"), "utf8");
      expect(code).toContain("createRequire");
      expect(code).toMatch(/sourceMappingURL=index\.mjs\.map/);
      expect(() => readFileSync(join(assetDir, assetPath, "index.mjs.map"))).not.toThrow();
      // Code splitting: every chunk the entry imports ships in the same asset.
      for (const [, chunk] of code.matchAll(/from\s*"\.\/(chunks\/[^"]+\.mjs)"/g)) {
        expect(() => readFileSync(join(assetDir, assetPath, chunk ?? ""))).not.toThrow();
        chunks += 1;
      }
      assets.add(assetPath);
    }
    // Each function its own bundle (CDK caches staged assets by their bundling options).
    expect(assets.size).toBe(FUNCTION_KEYS.length);
    expect(chunks).toBeGreaterThan(0);
    // The form mappings the http-api reads at run time ship beside its bundle.
    const httpApi = template.Resources[logicalId(stack.functions.httpApi)];
    const httpAsset = `asset.${(httpApi.Properties.Code.S3Key as string).replace(/\.zip$/, "")}`;
    const shipped = readdirSync(join(bundled.assembly.directory, httpAsset, "forms"));
    expect(shipped.sort()).toEqual(
      MAPPING_FOLDERS.flatMap((folder) => readdirSync(join(ROOT, folder))).sort(),
    );
    expect(shipped.length).toBeGreaterThan(0);
  });
});

describe("reminder concurrency", () => {
  it("is the account's shared pool unless the stage reserves some (a new account cannot)", () => {
    expect(prodTemplate.toJSON().Resources[logicalId(prod.functions.reminder)].Properties).not.toHaveProperty(
      "ReservedConcurrentExecutions",
    );
    const reserved = synthesize([stageConfig("load", { reminderConcurrency: 4 })], { bundle: false });
    const stack = reserved.stacks[0] as MatchpathStack;
    const properties = (reserved.templates[0] as Template).toJSON().Resources[
      logicalId(stack.functions.reminder)
    ].Properties;
    expect(properties.ReservedConcurrentExecutions).toBe(4);
  });
});

describe("advisor's console", () => {
  const routes = () =>
    Object.values(prodTemplate.findResources("AWS::ApiGatewayV2::Route")).map(
      (route) => route.Properties as { RouteKey: string; AuthorizationType?: string; AuthorizerId?: unknown },
    );

  it("puts every console route but the shell and its static files behind the JWT authorizer", () => {
    const consoleRoutes = routes().filter((route) => / \/console(\/|$)/.test(route.RouteKey));
    expect(consoleRoutes.map((route) => route.RouteKey).sort()).toEqual(
      [...PUBLIC_CONSOLE_ROUTES, ...PROTECTED_CONSOLE_ROUTES].sort(),
    );
    const authorizers = prodTemplate.findResources("AWS::ApiGatewayV2::Authorizer");
    expect(Object.keys(authorizers)).toHaveLength(1);
    const authorizerId = Object.keys(authorizers)[0];
    for (const route of consoleRoutes) {
      if ((PUBLIC_CONSOLE_ROUTES as readonly string[]).includes(route.RouteKey)) {
        expect(route.AuthorizationType ?? "NONE").toBe("NONE");
        continue;
      }
      expect(route.AuthorizationType, route.RouteKey).toBe("JWT");
      expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
    }
    // The intake and unsubscribe routes stay public: they prove themselves in code.
    for (const route of routes().filter((candidate) => !/ \/console/.test(candidate.RouteKey))) {
      expect(route.AuthorizationType ?? "NONE").toBe("NONE");
    }
  });

  it("checks tokens of the advisors' user pool for the console's app client, from the Authorization header", () => {
    prodTemplate.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      IdentitySource: ["$request.header.Authorization"],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp("ConsoleAdvisorsConsole") }],
        Issuer: {
          "Fn::Join": [
            "",
            [
              "https://cognito-idp.",
              { Ref: "AWS::Region" },
              ".amazonaws.com/",
              { Ref: Match.stringLikeRegexp("ConsoleAdvisors") },
            ],
          ],
        },
      },
    });
  });

  it("has a user pool that enforces MFA (authenticator apps), with advisors invited by an admin only", () => {
    prodTemplate.hasResourceProperties("AWS::Cognito::UserPool", {
      MfaConfiguration: "ON",
      EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
    });
    prodTemplate.hasResourceProperties("AWS::Cognito::UserPoolGroup", { GroupName: "admin" });
    prodTemplate.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      GenerateSecret: false,
      AllowedOAuthFlows: ["code"],
      AllowedOAuthScopes: ["openid", "email"],
    });
  });

  it("keeps an advisor's email until a new one is verified: the email decides whose applicants they see", () => {
    prodTemplate.hasResourceProperties("AWS::Cognito::UserPool", {
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ["email"] },
      AutoVerifiedAttributes: ["email"],
    });
  });

  it("lets the console query the cohort index GSI2 and no other function", () => {
    for (const key of FUNCTION_KEYS) {
      const resources = JSON.stringify(statementsOf(prod, prodTemplate, key).map((s) => s.Resource));
      if (key === "console") expect(resources).toContain(`/index/${GSI2.indexName}`);
      else expect(resources).not.toContain(`/index/${GSI2.indexName}`);
    }
  });
});
