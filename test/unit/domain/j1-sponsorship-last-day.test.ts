import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A Manila graduate, certified, who matched on a J-1 for a 1 Jul 2027 start and signed in March.
// The plan counts on the sponsorship application by Mon 5 Apr, the DS-2019 by Mon 17 May and the J-1
// visa by Wed 16 Jun. The Statement of Need has been under way since 10 Apr, the sponsorship since
// 15 Apr. From 20 Apr, even with every document in that day, ECFMG's shorter review (4 weeks) and
// the plan's month at the consulate bring the visa after 16 Jun: the visa's date no longer holds.
// The 1 Jul start still does, if the file is complete by about Mon 3 May (1 Jul less 30 days less
// 4 weeks). An advisor says so at once, critical, with that day, never "your visa's own date still
// holds" nor "each day can push your DS-2019 past 17 May".

const calendar = seasonCalendar(2027);
const ZONE = "Asia/Manila";
const contract = milestoneFactory("contract", "done", "2027-03-30");
const extra: MilestoneEntry[] = [
  contract,
  milestoneFactory("j1_statement_of_need", "in_progress", "2027-04-10"),
  milestoneFactory("j1_ecfmg_sponsorship", "in_progress", "2027-04-15"),
];
const underWay = matched2027(ZONE, { extra });
const planAt = (now: string): Plan => plan(underWay, calendar, new Date(now));
const APRIL_19 = "2027-04-19T01:00:00Z"; // 9:00 AM in Manila
const APRIL_20 = "2027-04-20T01:00:00Z";
const MAY_3 = "2027-05-03T01:00:00Z";

describe("a J-1 sponsorship still under way in late April: the visa's date is past reach, the start is not", () => {
  it("on 19 Apr the file complete that day still meets the visa's date: the warning that it holds stands", () => {
    const result = planAt(APRIL_19);
    expect(result.risks.map((risk) => risk.code)).toContain("VISA_STEP_LATE");
    expect(result.risks.map((risk) => risk.code)).not.toContain("VISA_NOT_READY_FOR_START");
  });

  for (const now of [APRIL_20, MAY_3])
    it(`at ${now} one critical risk gives the last day for the start, and nothing says the visa's date still holds`, () => {
      const result = planAt(now);
      const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
      expect(risk?.severity).toBe("critical");
      expect(risk?.message).toContain("Wed 16 Jun 2027 (our advice), can no longer be met");
      expect(risk?.message).toContain("To start on Thu 1 Jul 2027");
      expect(risk?.message).toContain("must be complete by about Mon 3 May 2027");
      expect(risk?.message).toContain("get your Statement of Need in now");
      expect(risk?.milestones.slice(0, 2)).toEqual(["j1_statement_of_need", "j1_ecfmg_sponsorship"]);
      expect(result.risks.map((each) => each.code)).not.toContain("VISA_STEP_LATE");
      for (const each of result.risks) expect(each.message).not.toContain("still holds");
      const card = result.nextSteps.find((step) => step.milestone === "j1_ecfmg_sponsorship");
      expect(card?.action).toContain("must be complete by about Mon 3 May 2027");
      expect(card?.action).not.toContain("Each day still to go can push your DS-2019");
      const notices = result.reminders.filter((reminder) => reminder.rung === "critical-risk");
      expect(notices.length).toBe(1);
      expect(result.reminders.some((reminder) => reminder.title.includes("still holds"))).toBe(false);
    });

  it("on 4 May, past that last day, the start is out of reach instead", () => {
    const result = planAt("2027-05-04T12:00:00Z");
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain("on a J-1 is out of reach");
    expect(risk?.message).not.toContain("must be complete by about");
  });
});
