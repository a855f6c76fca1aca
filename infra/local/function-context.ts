import type { Context } from "aws-lambda";
import type { MatchpathFunction } from "#adapters/aws-clients.ts";
import { FUNCTIONS } from "../stacks/matchpath-functions.ts";
import { LOCAL_REGION } from "./dynamodb-local.ts";
import { lambdaContext } from "./lambda-context.ts";

/**
 * A Lambda context for one local invocation of `name`, with the timeout the cloud deploys that
 * function with: the planner and the sweeper stop starting work by what is left of it, so a
 * shorter local deadline would report applicants as failures that the cloud plans.
 */
export function functionContext(name: MatchpathFunction): Context {
  const spec = Object.values(FUNCTIONS).find((candidate) => candidate.service === name);
  if (spec === undefined) throw new Error(`no function spec for ${name}`);
  return lambdaContext(`matchpath-${name}`, { region: LOCAL_REGION, timeoutMs: spec.timeoutSeconds * 1_000 });
}
