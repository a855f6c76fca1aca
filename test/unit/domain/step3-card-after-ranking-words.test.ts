import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { h1bStep3BookedInCairo2027 } from "./factories.ts";

/**
 * An H-1B applicant abroad (Cairo), list certified, who booked Step 3 for Mon 12 Apr 2027: after
 * the petition's sit-by day (Fri 19 Mar 2027, our advice) and, in March, after the rank order list
 * deadline. With ranking over, her card speaks of the H-1B petition, never of rank lists.
 */
const calendar = seasonCalendar(2027);
const amira = h1bStep3BookedInCairo2027;
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";

describe("Step 3's card once ranking is over, before she says she matched", () => {
  it("past Match Day untold: the card speaks of the petition of the program she matched with", () => {
    const action = card(plan(amira(false), calendar, new Date("2027-03-23T09:00:00Z")));
    expect(action).not.toContain("rank lists");
    expect(action).not.toContain("Match's ranking");
    expect(action).toContain(
      "Your exam is on Mon 12 Apr 2027, after Fri 19 Mar 2027 (our advice), the last day to sit it for the result to reach the program you matched with in time for its H-1B petition.",
    );
    // That day has passed: out of reach as the visa risk says, never "move it earlier" before it.
    expect(action).toContain(
      "That day has passed, so if you matched with a program that files an H-1B petition for you, by this plan's allowances the H-1B for your start date is likely out of reach.",
    );
    expect(action).not.toContain("Move it earlier");
  });

  it("ranking over, Match Day ahead: the program she matches with", () => {
    const action = card(plan(amira(false, "2027-03-25"), calendar, new Date("2027-03-10T09:00:00Z")));
    expect(action).not.toContain("rank lists");
    expect(action).toContain(
      "the last day to sit it for the result to reach the program you match with in time for its H-1B petition.",
    );
    expect(action).toContain("As booked, if the program you match with files an H-1B petition for you");
  });

  it("sat after ranking, untold: the result is due by the petition's date, not the passed rank-list deadline", () => {
    const result = plan(amira(false, "2027-03-08"), calendar, new Date("2027-03-23T09:00:00Z"));
    expect(card(result)).toContain(
      "if the program you matched with files an H-1B petition for you, that petition needs your Step 3 pass, by the petition's date in this plan, Fri 16 Apr 2027 (our advice).",
    );
    expect(result.overdue.map((step) => step.milestone)).not.toContain("usmle_step3");
  });
});
