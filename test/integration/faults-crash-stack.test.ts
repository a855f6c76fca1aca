import { beforeAll, describe, expect, it } from "vitest";
import { checkCrashSeason, crashSeason } from "../faults/support/crash-season.ts";

/**
 * The fast part of test/faults/crash-local-stack.test.ts: one kill -9 of the whole local stack (the
 * DynamoDB Local JVM included) in a short season of two applicants, then a restart on the same data.
 */
describe("faults: one kill -9 of the whole local stack", () => {
  let outcome: Awaited<ReturnType<typeof crashSeason>>;
  beforeAll(async () => {
    outcome = await crashSeason({ kills: 1, applicants: 2, weeks: 8, seed: 5 });
  }, 600_000);

  it("loses no reminder and repeats at most the one email the kill caught in the window", () => {
    const { kills, lost, unmarked } = checkCrashSeason(outcome);
    expect(kills).toBe(1);
    expect(lost).toEqual([]);
    expect(unmarked).toBeLessThanOrEqual(1);
  });
});
