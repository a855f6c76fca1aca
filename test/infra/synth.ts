import { fileURLToPath } from "node:url";
import { App, type CfnElement, Validations } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { CloudAssembly } from "aws-cdk-lib/cx-api";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { parseStageConfig, type StageConfig } from "../../infra/config.ts";
import { MatchpathStack } from "../../infra/stacks/matchpath-stack.ts";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

/** A stage's settings as an advisor would write them in cdk.json. */
export function stageConfig(stage: string, overrides: Record<string, unknown> = {}): StageConfig {
  return parseStageConfig(stage, {
    senderAddress: "reminders@mail.example.org",
    senderDomain: "mail.example.org",
    alarmEmail: "operators@example.org",
    secrets: {
      webhookSecretParameter: `/matchpath/${stage}/webhook-secret`,
      unsubscribeSecretParameter: `/matchpath/${stage}/unsubscribe-secret`,
      linkSigningKeysParameter: `/matchpath/${stage}/link-signing-keys`,
    },
    ...overrides,
  });
}

export interface Synthesized {
  app: App;
  stacks: MatchpathStack[];
  templates: Template[];
  assembly: CloudAssembly;
}

/**
 * Builds the app as infra/app.ts does (one stack per stage, cdk-nag's AwsSolutions checks on the
 * app) and synthesizes it; synthesis throws if cdk-nag reports an unacknowledged error.
 *
 * `bundle: false` sets CDK's own `aws:cdk:bundling-stacks` context to skip esbuild: the template is
 * the same except for the assets' S3 keys (hashes of the bundles), which only the bundling test reads.
 */
export function synthesize(
  configs: StageConfig[],
  options: { bundle: boolean | readonly string[] },
): Synthesized {
  // `bundle` may name the stacks to bundle (e.g. ["Matchpath-dev"]): one esbuild run serves the
  // bundling assertions while the other stages skip it.
  const bundling = options.bundle === true ? undefined : options.bundle === false ? [] : [...options.bundle];
  const app = new App(bundling === undefined ? {} : { context: { "aws:cdk:bundling-stacks": bundling } });
  const stacks = configs.map(
    (config) => new MatchpathStack(app, `Matchpath-${config.stage}`, { config, code: { projectRoot } }),
  );
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  return { app, stacks, templates: stacks.map((stack) => Template.fromStack(stack)), assembly };
}

/** The logical id CloudFormation knows a construct (or its default resource) by. */
export function logicalId(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return element.stack.resolve(element.logicalId) as string;
}

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every statement of the IAM policies attached to a role, by the role's logical id. */
export function statementsOfRole(template: Template, roleLogicalId: string): PolicyStatement[] {
  const policies = template.findResources("AWS::IAM::Policy");
  return Object.values(policies)
    .filter((policy) =>
      asArray(policy.Properties.Roles).some((role: { Ref?: string }) => role.Ref === roleLogicalId),
    )
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]);
}
