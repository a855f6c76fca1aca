import { beforeAll, describe, expect, it } from "vitest";
import { checkCrashSeason, crashSeason } from "./support/crash-season.ts";

/**
 * kill -9 of the whole local stack (the Node process with its handlers, poller and clock, and the
 * DynamoDB Local JVM) at random points of a season, then a restart on the same data: per applicant,
 * no reminder the calm season sent is lost, and an email goes twice only from the window between SES
 * accepting it and the ledger mark (an SES message no ledger entry names). CRASH_KILLS (default 10)
 * random kills in `npm run test:faults`; the integration suite runs one (its fast part).
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 10);

describe("faults: kill -9 of the whole local stack at random points of a season", () => {
  let outcome: Awaited<ReturnType<typeof crashSeason>>;
  beforeAll(async () => {
    outcome = await crashSeason({ kills: KILLS, applicants: 5, weeks: 12, seed: 17 });
  }, 1_800_000);

  it(`survives ${KILLS} kills: 0 lost per applicant, duplicates only from the sent-but-unmarked window`, () => {
    const { kills, lost, unmarked } = checkCrashSeason(outcome);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(lost).toEqual([]);
    expect(unmarked).toBeLessThanOrEqual(kills);
  });
});
