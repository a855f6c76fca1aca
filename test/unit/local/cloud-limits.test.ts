import { describe, expect, it } from "vitest";
import { PLANNER_STREAM_BATCH_SIZE } from "#adapters/dynamodb/table-design.ts";
import { functionContext } from "#local/function-context.ts";
import { PLANNER_FEED_SETTINGS } from "#local/planner-feed.ts";
import { FUNCTIONS } from "../../../infra/stacks/matchpath-functions.ts";

/**
 * The local stack runs each handler inside the limits the cloud gives it: the planner stops
 * starting applicants by what is left of its timeout, so a local 30 s against the cloud's 60 s, or
 * batches of 100 against the mapping's 10, reported applicants as failures the cloud plans.
 */
describe("the local stack's limits are the cloud's", () => {
  it.each(Object.values(FUNCTIONS).map((spec) => [spec.service, spec.timeoutSeconds] as const))(
    "%s runs with its deployed timeout (%d s)",
    (service, seconds) => {
      const left = functionContext(
        service as Parameters<typeof functionContext>[0],
      ).getRemainingTimeInMillis();
      expect(left).toBeLessThanOrEqual(seconds * 1_000);
      expect(left).toBeGreaterThan(seconds * 1_000 - 1_000);
    },
  );

  it("the planner's feed delivers batches of the cloud mapping's size", () => {
    expect(PLANNER_FEED_SETTINGS.batchSize).toBe(PLANNER_STREAM_BATCH_SIZE);
    expect(PLANNER_STREAM_BATCH_SIZE).toBe(10);
  });
});
