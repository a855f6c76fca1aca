import { describe, expect, it } from "vitest";
import { simApplicant } from "../bench/support/season.ts";
import { CRASH_STEPS, compare, runSeason } from "../faults/support/reminder-crashes.ts";

/**
 * The fast part of test/faults/reminder-crash-every-step.test.ts (which kills every sending
 * invocation of several seasons at every step): one applicant's last two emails, each killed at
 * every step. The last rung before a deadline is the one a stranded claim used to lose: the retry
 * planned 15 minutes late re-timed it to the next day, past the deadline.
 */
describe("faults: the reminder function killed at every step of its last emails", () => {
  it("loses nothing, and repeats only an email killed between SES and the ledger mark", async () => {
    // Seed 24: an applicant the 2027 Match can still reach. Seed 23 used to be used, but that one graduates
    // on 15 Jun 2027 with Step 1 not begun; since issue #9 that season is out of reach, the plan moves
    // to 2028, and nothing falls due before this season's simulation ends, so there was no email to kill.
    const applicants = [simApplicant(24, 0, "crash")];
    const calm = await runSeason(applicants);
    const lastTwo = calm.sendingInvocations.slice(-2);
    expect(lastTwo).toHaveLength(2);
    let kills = 0;
    for (const invocation of lastTwo) {
      for (const step of CRASH_STEPS) {
        const run = await runSeason(applicants, { invocation, step });
        if (!run.crashed) continue;
        kills++;
        const { lost, late, duplicates } = compare(calm, run);
        expect(lost, `killed ${step} in invocation ${invocation}`).toEqual([]);
        expect(late, `killed ${step} in invocation ${invocation}`).toEqual([]);
        if (step !== "after-send") expect(duplicates, `killed ${step} in invocation ${invocation}`).toBe(0);
      }
    }
    expect(kills).toBeGreaterThanOrEqual(8);
  });
});
