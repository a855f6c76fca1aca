import { Match, type Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { GSI2 } from "#adapters/dynamodb/table-design.ts";
import { DIGEST_SCHEDULE_INPUT } from "../../functions/sweeper/schedule-input.ts";
import type { MatchpathStack } from "../../infra/stacks/matchpath-stack.ts";
import { asArray, logicalId, type Synthesized, stageConfig, statementsOfRole, synthesize } from "./synth.ts";

/**
 * The advisors' daily digest in the CDK stack: a stage that lists digest advisors gets
 * an EventBridge Scheduler recurring schedule invoking the sweeper with the digest's Input, the
 * sweeper gets DIGEST_ADVISORS and the cohort index; a stage that lists none gets none of it. The
 * stateful resources keep their logical ids either way.
 */
let synthesized: Synthesized;
let withDigest: { stack: MatchpathStack; template: Template };
let without: { stack: MatchpathStack; template: Template };

beforeAll(() => {
  synthesized = synthesize(
    [
      stageConfig("digest", {
        advisorDigest: { advisors: ["Grace@Advisors.example", "ines@advisors.example"], hourUtc: 12 },
      }),
      stageConfig("plain"),
    ],
    { bundle: false },
  );
  const [a, b] = synthesized.stacks as [MatchpathStack, MatchpathStack];
  const [ta, tb] = synthesized.templates as [Template, Template];
  withDigest = { stack: a, template: ta };
  without = { stack: b, template: tb };
}, 240_000);

const sweeperEnvironment = ({ stack, template }: typeof withDigest) =>
  template.toJSON().Resources[logicalId(stack.functions.sweeper)].Properties.Environment.Variables as Record<
    string,
    unknown
  >;

describe("the advisors' daily digest schedule", () => {
  it("runs the sweeper daily at the stage's UTC hour with the digest's Input, retries and a dead-letter queue", () => {
    withDigest.template.resourceCountIs("AWS::Scheduler::Schedule", 1);
    withDigest.template.hasResourceProperties("AWS::Scheduler::Schedule", {
      ScheduleExpression: "cron(0 12 * * ? *)",
      ScheduleExpressionTimezone: "Etc/UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: {
        Arn: { "Fn::GetAtt": [logicalId(withDigest.stack.functions.sweeper), "Arn"] },
        Input: JSON.stringify(DIGEST_SCHEDULE_INPUT),
        RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 21_600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      },
    });
    expect(DIGEST_SCHEDULE_INPUT.scheduledAt).toBe("<aws.scheduler.scheduled-time>");
  });

  it("runs the schedule as a role that may invoke the sweeper and nothing else", () => {
    const schedule = Object.values(withDigest.template.findResources("AWS::Scheduler::Schedule"))[0];
    if (schedule === undefined) throw new Error("the digest stage synthesizes no schedule");
    const roleId = (schedule.Properties.Target.RoleArn as { "Fn::GetAtt": [string, string] })[
      "Fn::GetAtt"
    ][0];
    const invokes = statementsOfRole(withDigest.template, roleId).filter((s) =>
      asArray(s.Action).includes("lambda:InvokeFunction"),
    );
    const sweeperId = logicalId(withDigest.stack.functions.sweeper);
    const resources = invokes.flatMap((s) => asArray(s.Resource)).map((r) => JSON.stringify(r));
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) expect(resource).toContain(sweeperId);
  });

  it("gives the sweeper the advisors, lower-cased, and the cohort index only where a digest is configured", () => {
    expect(sweeperEnvironment(withDigest).DIGEST_ADVISORS).toBe(
      "grace@advisors.example,ines@advisors.example",
    );
    expect(sweeperEnvironment(without).DIGEST_ADVISORS).toBeUndefined();
    const gsi2 = ({ stack, template }: typeof withDigest) => {
      const role = stack.functions.sweeper.role;
      if (!role) throw new Error("the sweeper has no role");
      return JSON.stringify(statementsOfRole(template, logicalId(role)).map((s) => s.Resource)).includes(
        `/index/${GSI2.indexName}`,
      );
    };
    expect(gsi2(withDigest)).toBe(true);
    expect(gsi2(without)).toBe(false);
  });

  it("adds no schedule to a stage without digest advisors, and changes no stateful logical id", () => {
    without.template.resourceCountIs("AWS::Scheduler::Schedule", 0);
    const stateful = (template: Template) =>
      Object.entries(template.toJSON().Resources as Record<string, { Type: string }>)
        .filter(([, resource]) =>
          /DynamoDB::Table|SQS::Queue|Cognito::UserPool$|Events::EventBus|Scheduler::ScheduleGroup|SES::/.test(
            resource.Type,
          ),
        )
        .map(([id, resource]) => `${resource.Type} ${id}`)
        .sort();
    expect(stateful(withDigest.template)).toEqual(stateful(without.template));
    expect(stateful(without.template).length).toBeGreaterThan(5);
  });
});
