import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The contract's card fits its status: once overdue (past the date the J-1 sponsorship waiting on
 * it needs it by, Mon 5 Apr 2027, our advice) it no longer says "sign it within the window it
 * gives", as if time were left, but "now", naming the step that waits. Grace Nakato: Kampala, J-1,
 * matched on Fri 19 Mar 2027, her contract in hand (in progress) and not signed.
 */
function snapshot(name: string): ApplicantSnapshot {
  const file = fileURLToPath(new URL(`../../fixtures/contract-overdue-words/${name}.json`, import.meta.url));
  return ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
const calendar = seasonCalendar(2027);
const grace = snapshot("contract-in-progress-j1-kampala");
const contractCard = (result: Plan) => result.nextSteps.find((each) => each.milestone === "contract");
const WINDOW = /within the (signing )?window/;

describe("the contract's card, by its status", () => {
  it("before our date: sign within the program's window", () => {
    const card = contractCard(plan(grace, calendar, new Date("2027-03-25T07:00:00Z")));
    expect(card?.urgency).toBe("soon");
    expect(card?.action).toMatch(WINDOW);
  });

  it("in hand and overdue: sign and return it now, the J-1 sponsorship waits on it", () => {
    const card = contractCard(plan(grace, calendar, new Date("2027-04-10T07:00:00Z")));
    expect(card?.urgency).toBe("overdue");
    expect(card?.action).not.toMatch(WINDOW);
    expect(card?.action).toMatch(
      /^Sign and return your program's contract now: your J-1 sponsorship through ECFMG waits on it, and this plan's date for it has passed\. Ask your program's GME office today which visa steps come next\./,
    );
    // In hand: never asked when the program will send it.
    expect(card?.action).not.toContain("has not reached you");
  });

  it("not yet received and overdue: asks the program when it will send it", () => {
    const notIn = {
      ...grace,
      milestones: grace.milestones.filter((entry) => entry.key !== "contract"),
    };
    const card = contractCard(plan(notIn, calendar, new Date("2027-04-10T07:00:00Z")));
    expect(card?.urgency).toBe("overdue");
    expect(card?.action).not.toMatch(WINDOW);
    expect(card?.action).toContain(
      "Sign and return your program's contract now: your J-1 sponsorship through ECFMG waits on it, and this plan's date for it has passed. If it has not reached you, ask your program's GME office today when it will send it",
    );
  });
});
