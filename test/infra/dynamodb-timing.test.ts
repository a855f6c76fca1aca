import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Retry } from "@smithy/core/retry";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import type { MatchpathFunction } from "#adapters/aws-clients.ts";
import {
  DYNAMODB_TIMING,
  dynamoFailureReserveMs,
  longestRequestMs,
  THROTTLING_BACKOFF_BASE_MS,
} from "#adapters/dynamodb/document-client.ts";
import { FUNCTIONS } from "../../infra/stacks/matchpath-functions.ts";
import { stageConfig, synthesize } from "./synth.ts";

/**
 * A function's DynamoDB request that meets a stopped store must fail, and the function report it
 * (the webhook's 5xx, the planner's partial batch response, the error that sends an event to its
 * retry and dead-letter queue), before the function's Lambda timeout: the background timing of 3
 * attempts × (10 s + 3 s) outlasted ses-events' 15 s twice over and the reminder's 30 s, and the
 * one after it (3 × 4 s plus backoff) still left ses-events no time to report. One request is
 * checked: several in sequence against a store that slows before it stops are not bounded here.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let template: Template;
beforeAll(() => {
  const synthesized = synthesize([stageConfig("prod")], { bundle: false });
  template = synthesized.templates[0] as Template;
}, 240_000);

/** Each Matchpath function's Lambda timeout (ms) in the synthesized template, by its service name. */
function timeoutsByService(): Map<string, number> {
  const timeouts = new Map<string, number>();
  for (const resource of Object.values(template.findResources("AWS::Lambda::Function"))) {
    const service = resource.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as string | undefined;
    if (service !== undefined) timeouts.set(service, (resource.Properties.Timeout as number) * 1_000);
  }
  return timeouts;
}

describe("each function's DynamoDB timing against its Lambda timeout in the template", () => {
  it("times every function the stack deploys, and no other", () => {
    expect([...timeoutsByService().keys()].sort()).toEqual(Object.keys(DYNAMODB_TIMING).sort());
  });

  it.each(Object.keys(DYNAMODB_TIMING) as MatchpathFunction[])(
    "%s: one request to a store already stopped, and its report, fit inside its timeout",
    (fn) => {
      expect(dynamoFailureReserveMs(fn)).toBeLessThanOrEqual(timeoutsByService().get(fn) ?? 0);
    },
  );
});

describe("the worst case the timing is computed from", () => {
  it("waits no longer between attempts than the installed SDK's throttling backoff", () => {
    expect(Retry.throttlingDelay()).toBeLessThanOrEqual(THROTTLING_BACKOFF_BASE_MS);
  });

  it("counts every attempt's full wait and the backoff before each retry", () => {
    expect(longestRequestMs({ requestTimeout: 3_500, connectionTimeout: 500, maxAttempts: 3 })).toBe(
      3 * 3_500 + 1_000 + 2_000,
    );
  });
});

/** Each function's composition root asks for the timing of the function it is, by its service name. */
describe("each function's DynamoDB client is timed as that function", () => {
  it.each(Object.values(FUNCTIONS).map((spec) => [spec.service, spec.entry]))("%s", (service, entry) => {
    const setup = readFileSync(join(ROOT, dirname(entry), "setup.ts"), "utf8");
    const asked = [...setup.matchAll(/\.documents\([^,)]+,\s*"([^"]+)"\)/g)].map((match) => match[1]);
    expect(asked).toEqual([service]);
  });
});
