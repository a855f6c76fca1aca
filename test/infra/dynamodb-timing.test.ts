import { describe, expect, it } from "vitest";
import { BACKGROUND_REQUEST_LONGEST_MS } from "#adapters/dynamodb/document-client.ts";
import { FUNCTIONS } from "../../infra/stacks/matchpath-functions.ts";

/**
 * A background function's DynamoDB request that meets a stopped store must fail before the function
 * times out, so the invocation fails and the platform retries it: the first background timing (10 s
 * × 3 attempts) outlasted the reminder function's 30 s and ses-events' 15 s, and the function's
 * timeout came first. The SDK's backoff between attempts (under a second each here) is the margin.
 */
const BACKOFF_MARGIN_MS = 2_000;

describe("the background DynamoDB timing fits the background functions' timeouts", () => {
  it.each(["planner", "reminder", "sesEvents", "sweeper"] as const)("%s", (key) => {
    expect(BACKGROUND_REQUEST_LONGEST_MS + BACKOFF_MARGIN_MS).toBeLessThan(
      FUNCTIONS[key].timeout.toMilliseconds(),
    );
  });
});
