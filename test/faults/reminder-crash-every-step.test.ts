import { describe, expect, it } from "vitest";
import { simApplicant } from "../bench/support/season.ts";
import {
  CRASH_STEPS,
  type CrashPoint,
  compare,
  runSeason,
  type SeasonRun,
} from "./support/reminder-crashes.ts";

/** The most reminders one email of the calm season held: what one repeated email can repeat. */
function maxEmailSize(run: SeasonRun): number {
  return Math.max(1, ...run.emailSizes);
}

/**
 * DESIGN decision 12, exhaustively: for seeded applicants, the reminder function is killed at every
 * step (after claim, after send, after the mark with the plan, after arming, after publishing) of
 * every invocation that sends an email in their season, one kill per season. Whatever the kill,
 * every reminder the calm season sent is still sent (0 lost), and a reminder goes twice only when
 * the kill fell between SES accepting it and the ledger marking it (the window), at most once.
 */
const APPLICANTS = Number(process.env.CRASH_APPLICANTS ?? 2);

describe("faults: the reminder function killed at every step of every sending invocation", () => {
  it("loses nothing and repeats only inside the sent-but-unmarked window", async () => {
    const report: Record<string, { kills: number; lost: number; duplicates: number }> = {};
    let kills = 0;
    let windowKills = 0;
    let duplicates = 0;
    for (let index = 0; index < APPLICANTS; index++) {
      const applicants = [simApplicant(23, index, "crash")];
      const calm = await runSeason(applicants);
      expect(calm.crashed).toBe(false);
      expect(calm.sendingInvocations.length).toBeGreaterThan(3);
      for (const invocation of calm.sendingInvocations) {
        for (const step of CRASH_STEPS) {
          const point: CrashPoint = { invocation, step };
          const run = await runSeason(applicants, point);
          // Not every invocation has every step (the last one arms nothing): no kill, no case.
          if (!run.crashed) continue;
          const { lost, late, duplicates: repeated } = compare(calm, run);
          const line = report[step] ?? { kills: 0, lost: 0, duplicates: 0 };
          report[step] = line;
          line.kills++;
          line.lost += lost.length;
          line.duplicates += repeated;
          kills++;
          if (step === "after-send") windowKills++;
          duplicates += repeated;
          expect(lost, `applicant ${index}, killed ${step} in invocation ${invocation}`).toEqual([]);
          expect(late, `applicant ${index}, killed ${step} in invocation ${invocation}`).toEqual([]);
          if (step !== "after-send") expect(repeated, `${step} @${invocation}`).toBe(0);
          // At most once more, each reminder of the one email the kill caught in the window.
          else expect(repeated).toBeLessThanOrEqual(calm.accepted.size > 0 ? 1 * maxEmailSize(calm) : 0);
        }
      }
    }
    // The window: of the five places a kill can land in a sending invocation, one (after SES
    // accepted, before the mark) repeats the email it held; printed for the fault suite's report.
    console.log(
      `[faults] ${kills} kills at every step: 0 lost; ${duplicates} repeated reminder(s), all from the ` +
        `${windowKills} kills inside the sent-but-unmarked window (${((windowKills / kills) * 100).toFixed(0)} % of kill points)`,
    );
    console.table(report);
    expect(report["after-send"]?.duplicates ?? 0).toBeGreaterThan(0);
    // About 250 seasons in memory: a minute on an idle 2-core machine, more on a busy one.
  }, 1_800_000);
});
