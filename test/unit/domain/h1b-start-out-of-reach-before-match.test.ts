import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant abroad whose list is certified and Step 3 not passed, between the rank order
 * list deadline and Match Day. With the petition 60 days before the stamping, Step 3's day for the
 * petition is Match Day (Fri 19 Mar 2027), and a visitor visa, FSMB and a seat cannot fit before it:
 * the plan said nothing of it until Match Day had passed. A critical risk says so now, names the
 * stamping's and the petition's dates, and says what to ask the program once Match Day names it.
 * Joseph lives in Manila; the same applicant on a J-1, and before the deadline, are the guards.
 */
const calendar = seasonCalendar(2027);
const ranked = (visa: "H-1B" | "J-1") => {
  const input = matched2027("Asia/Manila", {
    visa,
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const outOfReach = (result: Plan) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START" && risk.severity === "critical");

describe("H-1B abroad, ranking over, Match Day ahead, Step 3 not passed", () => {
  it("a critical risk says the H-1B start is out of reach if they match, and what to ask then", () => {
    const result = plan(ranked("H-1B"), calendar, new Date("2027-03-04T01:00:00Z"));
    const risk = outOfReach(result);
    expect(risk?.message).toMatch(
      /^If you match with a program that files an H-1B petition for you, the H-1B for your start date is likely out of reach, even if you already hold a B-1\/B-2 visa\./,
    );
    expect(risk?.message).toContain("you could not sit it by Fri 19 Mar 2027");
    expect(risk?.message).toContain(
      "(Fri 16 Apr 2027) to your H-1B visa stamping at a US consulate (Wed 16 Jun 2027)",
    );
    expect(risk?.message).toContain(
      "Once Match Day tells you where you matched, ask that program at once whether it will start you later",
    );
    expect(risk?.milestones).toContain("usmle_step3");
    // Its email, on Step 3's card with no date, is a notice with no date: the Step 3 day its words
    // call out of reach is no day to meet, and Match Day's release is Match Day's own card's date.
    const notice = result.reminders.find((r) => r.risk === "VISA_NOT_READY_FOR_START");
    expect(notice && isUndatedNotice(notice)).toBe(true);
    expect(notice?.stepDate).toBeUndefined();
  });

  it("before the deadline asks the programs before ranking; says nothing before the visitor visa's day, nor on a J-1", () => {
    // Abroad, the visitor visa's day for Fri 19 Mar is Mon 11 Jan: from the next day the risk asks now.
    expect(outOfReach(plan(ranked("H-1B"), calendar, new Date("2027-02-10T01:00:00Z")))?.matchOutcome).toBe(
      "ranking",
    );
    expect(outOfReach(plan(ranked("H-1B"), calendar, new Date("2027-01-10T01:00:00Z")))).toBeUndefined();
    expect(outOfReach(plan(ranked("J-1"), calendar, new Date("2027-03-04T01:00:00Z")))).toBeUndefined();
  });
});
