import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate matched on a J-1 for a 1 Jul 2027 start, contract signed in March, the Statement of
// Need and the sponsorship under way since mid-April. From 20 Apr the plan says the visa's date,
// Wed 16 Jun, can no longer be met and the file must be complete by about Mon 3 May; after that,
// the start is out of reach. The weekly chase of those steps, the only email of the deciding
// fortnight, must say the same, never "your visa's own date still holds" beside that critical.

const calendar = seasonCalendar(2027);
const underWay = (zone: string) =>
  matched2027(zone, {
    extra: [
      milestoneFactory("contract", "done", "2027-03-30"),
      milestoneFactory("j1_statement_of_need", "in_progress", "2027-04-10"),
      milestoneFactory("j1_ecfmg_sponsorship", "in_progress", "2027-04-15"),
    ],
  });

function chase(result: Plan) {
  return result.reminders.filter((each) => each.rung === "visa-behind");
}

describe("the weekly chase of a J-1 sponsorship file past the visa date's reach says what the plan says", () => {
  for (const [zone, now] of [
    ["Asia/Manila", "2027-04-21T01:00:00Z"],
    ["America/Chicago", "2027-04-21T14:00:00Z"],
  ] as const)
    it(`in ${zone}: the chase gives the last day, never "still holds"`, () => {
      const result = plan(underWay(zone), calendar, new Date(now));
      const critical = result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
      expect(critical?.message).toContain("must be complete by about Mon 3 May 2027");
      const chased = chase(result);
      expect(chased.length).toBeGreaterThan(0);
      for (const each of chased) {
        expect(each.why).not.toContain("still holds");
        expect(each.why).toContain("Wed 16 Jun 2027 (our advice), can no longer be met");
        expect(each.why).toContain("must be complete by about Mon 3 May 2027");
      }
    });

  it("before the verdict (12 Apr) the visa's date still holds, and the chase may say so", () => {
    const result = plan(underWay("Asia/Manila"), calendar, new Date("2027-04-12T01:00:00Z"));
    const chased = chase(result);
    expect(chased.length).toBeGreaterThan(0);
    for (const each of chased) expect(each.why).toContain("still holds");
  });

  it("past the last day the chase says the start is out of reach", () => {
    const result = plan(underWay("Asia/Manila"), calendar, new Date("2027-05-06T01:00:00Z"));
    const chased = chase(result);
    expect(chased.length).toBeGreaterThan(0);
    for (const each of chased) {
      expect(each.why).not.toContain("still holds");
      expect(each.why).toContain("on a J-1 is out of reach");
    }
  });
});
