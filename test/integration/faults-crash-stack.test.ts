import { beforeAll, describe, expect, it } from "vitest";
import { checkCrashSeason, crashSeason } from "../faults/support/crash-season.ts";

/**
 * The fast part of test/faults/crash-local-stack.test.ts: one kill -9 of the whole local stack (the
 * DynamoDB Local JVM included) in a short season of two applicants, then a restart on the same data.
 */
describe("faults: one kill -9 of the whole local stack", () => {
  let outcome: Awaited<ReturnType<typeof crashSeason>>;
  beforeAll(async () => {
    // Five weekly moves (1 June to 6 July 2026), not eight: each move costs the child stack ~4 s of
    // CPU. The five keep what the kill is for: seed 5 kills during the fourth move (22-29 June, the
    // first applicant's exam week, which sends reminders), and the fifth (29 June-6 July, the
    // busiest week: 5 of 13 emails in a calm probe) runs on the restarted stack, so a claim, a
    // stream checkpoint or a wake-up the crash lost still shows as a reminder missing from the
    // crashed season's ledger.
    outcome = await crashSeason({ kills: 1, applicants: 2, weeks: 5, seed: 5 });
  }, 600_000);

  it("loses no reminder and repeats at most the one email the kill caught in the window", () => {
    const { kills, lost, unmarked } = checkCrashSeason(outcome);
    expect(kills).toBe(1);
    expect(lost).toEqual([]);
    expect(unmarked).toBeLessThanOrEqual(1);
  });
});
