import { fileURLToPath } from "node:url";
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { parseStageConfig } from "./config.ts";
import { MatchpathStack } from "./stacks/matchpath-stack.ts";

/**
 * The CDK app: the one place that reads context and environment. Choose the stage with
 * `-c stage=<name>` (default `dev`); its settings are `matchpath:stages.<name>` in cdk.json.
 * Account and Region come from the CLI's credentials (CDK_DEFAULT_*) when present; without them
 * the stack is environment-agnostic, so `cdk synth` works offline.
 */
const app = new App();
const stage = String(app.node.tryGetContext("stage") ?? "dev");
const stages = (app.node.tryGetContext("matchpath:stages") ?? {}) as Record<string, unknown>;
const config = parseStageConfig(stage, stages[stage]);

const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

new MatchpathStack(app, `Matchpath-${config.stage}`, {
  description: `Matchpath (${config.stage}): IMG residency deadlines and reminders`,
  config,
  code: { projectRoot: fileURLToPath(new URL("..", import.meta.url)).replace(/\/$/, "") },
  ...(account && region ? { env: { account, region } } : {}),
  tags: { project: "matchpath", stage: config.stage },
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
