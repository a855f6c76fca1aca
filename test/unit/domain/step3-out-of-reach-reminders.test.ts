import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planWithLaterStart, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Matched on H-1B abroad with Step 3 not started, when the petition's Step 3 day (Mon 19 Apr 2027,
 * our advice) is out of reach with a visitor visa still to get, the card says to ask the program
 * today about a J-1. Its sit-by reminders still read "Pass USMLE Step 3: sit it by
 * Mon 19 Apr 2027" and "apply now (… then 60 days for the visitor visa …)". Now
 * the titles give the card's advice, one message, keeping the sit-by day only as the card
 * has it: the day to sit by with a visitor visa already held, else the day that cannot be met.
 * On the calendar with residency starting 1 Aug 2027 (LATER_START_2027): with a 1 July start the
 * petition, due 60 days before the stamping, puts Step 3's day on Match Day, and no sit-by reminder
 * is left after it (step3-out-of-reach-card.test.ts has that day's card).
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-matched-step3-out-of-reach/", import.meta.url));
const ACCRA = readSnapshot(DIR, "accra-matched-2027.json");
const CHICAGO = { ...ACCRA, applicant: { ...ACCRA.applicant, timezone: "America/Chicago" } };
const SIT_BY_RUNGS = new Set(["sit-by-follow-up", "deadline-in-7d"]);

function sitByReminders(result: Plan) {
  return result.reminders.filter(
    (reminder) => reminder.milestone === "usmle_step3" && SIT_BY_RUNGS.has(reminder.rung),
  );
}
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";

describe("Step 3's sit-by reminders after the Match, the petition's day out of reach", () => {
  it("20 Mar, only a visitor visa already held fits: the card's J-1 question, then the day to sit by", () => {
    const result = planWithLaterStart(ACCRA, "2027-03-20T10:00:00Z");
    const reminders = sitByReminders(result);
    expect(reminders.map((reminder) => reminder.rung)).toEqual([
      "sit-by-follow-up",
      "sit-by-follow-up",
      "deadline-in-7d",
    ]);
    for (const reminder of reminders) {
      expect(reminder.title).toBe(
        "USMLE Step 3: ask your program today about a J-1; only with a B-1/B-2 visa already held, sit it by Mon 19 Apr 2027 (our advice)",
      );
      expect(reminder.why).toBe(
        "By this plan's allowances, with a visitor visa still to get, you could not sit Step 3 by Mon 19 Apr 2027, the day your program's H-1B petition needs. Ask your program today whether it will take you on a J-1 instead, and whether its H-1B petition can wait for Step 3 (see the visa risk). Only if you already hold a B-1/B-2 visa: apply to FSMB now and sit Step 3 in the US by Mon 19 Apr 2027. FSMB's processing takes about 2 weeks, but FSMB says it may need up to 12 weeks to verify your graduation, so apply now.",
      );
      // One message: the card says the same.
      expect(card(result)).toContain(reminder.why);
      expect(reminder.why).not.toContain("for the visitor visa");
    }
  });

  it("5 Apr, not even with a visa held: the J-1 question, and the day named as the one that cannot be met", () => {
    const result = planWithLaterStart(ACCRA, "2027-04-05T10:00:00Z");
    const reminders = sitByReminders(result);
    expect(reminders.length).toBeGreaterThan(0);
    for (const reminder of reminders) {
      expect(reminder.title).toBe(
        "USMLE Step 3: ask your program today about a J-1; by this plan's allowances you could not sit it by Mon 19 Apr 2027 (our advice)",
      );
      expect(card(result)).toContain(reminder.why);
      expect(reminder.why).toContain("even with a visitor visa already held");
    }
  });

  it("in Chicago (no visa wait) the day is within reach: the titles still say to sit it by that day", () => {
    // The apply-by day (29 Mar) has its own deadline-in-7d here: the follow-ups are the sit-by day's.
    const reminders = sitByReminders(planWithLaterStart(CHICAGO, "2027-03-20T10:00:00-05:00")).filter(
      (reminder) => reminder.rung === "sit-by-follow-up",
    );
    expect(reminders.length).toBeGreaterThan(0);
    for (const reminder of reminders)
      expect(reminder.title).toBe("Pass USMLE Step 3: sit it by Mon 19 Apr 2027 (our advice)");
  });
});
