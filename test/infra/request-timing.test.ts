import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Retry } from "@smithy/core/retry";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import type { MatchpathFunction } from "#adapters/aws-clients.ts";
import { CLIENT_TIMING, FAILED_IN_A_ROW, type TimedClient } from "#adapters/client-timing.ts";
import { DYNAMODB_TIMING, dynamoFailureReserveMs } from "#adapters/dynamodb/document-client.ts";
import { failureReserveMs } from "#adapters/failure-reserve.ts";
import { FAILURE_REPORT_MS, longestRequestMs, THROTTLING_BACKOFF_BASE_MS } from "#adapters/request-timing.ts";
import { FUNCTIONS } from "../../infra/stacks/matchpath-functions.ts";
import { stageConfig, synthesize } from "./synth.ts";

/**
 * A function's request that meets a stopped service must fail, and the function report it (the
 * webhook's 5xx, the planner's partial batch response, the error that sends an event to its retry
 * and dead-letter queue), before the function's Lambda timeout: the background DynamoDB timing of 3
 * attempts × (10 s + 3 s) outlasted ses-events' 15 s twice over and the reminder's 30 s, and the SES,
 * Scheduler and EventBridge clients had no limit at all, so a stopped service held the function
 * until Lambda cut it. The failure path's requests to the one stopped service are counted (the
 * reminder's two SendEmails); several in sequence against a service that slows before it stops
 * are not bounded here.
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

describe("each function's request timing against its Lambda timeout in the template", () => {
  it("times every function the stack deploys, and no other", () => {
    const deployed = [...timeoutsByService().keys()].sort();
    expect(deployed).toEqual(Object.keys(DYNAMODB_TIMING).sort());
    expect(deployed).toEqual(Object.keys(CLIENT_TIMING).sort());
  });

  it.each(Object.keys(DYNAMODB_TIMING) as MatchpathFunction[])(
    "%s: its failure path against a service already stopped, and its report, fit inside its timeout",
    (fn) => {
      expect(failureReserveMs(fn)).toBeGreaterThanOrEqual(dynamoFailureReserveMs(fn));
      expect(failureReserveMs(fn)).toBeLessThanOrEqual(timeoutsByService().get(fn) ?? 0);
    },
  );

  it("counts the reminder's two SendEmails to a stopped SES: the advisor's, then the applicant's", () => {
    const ses = CLIENT_TIMING.reminder.ses;
    expect(ses).toBeDefined();
    expect(FAILED_IN_A_ROW.reminder?.ses).toBe(2);
    if (ses === undefined) return;
    expect(failureReserveMs("reminder")).toBe(2 * longestRequestMs(ses) + FAILURE_REPORT_MS);
  });
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

const FUNCTION_NAME = '"(http-api|console|planner|reminder|ses-events|sweeper)"';
/** The clients a composition root builds, with the function each is timed as. */
const ASKED: [RegExp, TimedClient | "documents" | undefined][] = [
  [new RegExp(`\\.(documents|ses|eventBridge|scheduler)\\([^,)]+,\\s*${FUNCTION_NAME}\\)`, "g"), undefined],
  [new RegExp(`wakeUpSchedulerFor\\([^)]*,\\s*${FUNCTION_NAME}\\)`, "g"), "scheduler"],
  [new RegExp(`(?:sesMailerOnFirstSend|escalationFor)\\(\\s*\\w+,\\s*${FUNCTION_NAME}`, "g"), "ses"],
];

/** Each function's composition root asks for every client's timing as the function it is, by its service name. */
describe("each function's clients are timed as that function", () => {
  it.each(Object.values(FUNCTIONS).map((spec) => [spec.service, spec.entry]))("%s", (service, entry) => {
    const setup = readFileSync(join(ROOT, dirname(entry), "setup.ts"), "utf8");
    const asked = ASKED.flatMap(([pattern, client]) =>
      [...setup.matchAll(pattern)].map((match) =>
        client === undefined ? [match[1], match[2]] : [client, match[1]],
      ),
    );
    expect(asked.filter(([client]) => client === "documents")).toEqual([["documents", service]]);
    const others = asked.filter(([client]) => client !== "documents");
    expect(others.every(([, fn]) => fn === service)).toBe(true);
    expect([...new Set(others.map(([client]) => client))].sort()).toEqual(
      Object.keys(CLIENT_TIMING[service as MatchpathFunction]).sort(),
    );
  });
});
