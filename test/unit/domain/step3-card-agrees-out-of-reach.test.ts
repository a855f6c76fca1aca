import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant abroad (Lagos), list certified, Step 3 not started. With the petition 60 days
 * before the stamping, Step 3's day for it is Match Day (Fri 19 Mar 2027), which a visitor visa,
 * FSMB and a seat cannot reach once ranking is over, and VISA_NOT_READY_FOR_START says the H-1B start
 * is likely out of reach. Step 3's card and its reminders must say the same, for each outcome (Match
 * Day ahead, past and untold, matched), and never push a visitor visa or the exam fee for that day.
 */
const calendar = seasonCalendar(2027);
const chidi = (matchDay: boolean) => {
  const input = matched2027("Africa/Lagos", {
    visa: "H-1B",
    matchDay,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
const PUSHES = /apply for it now|sit (it )?by Fri 19 Mar|sit it as soon as you can/;

describe("Step 3's card agrees with the H-1B out-of-reach risk", () => {
  it("before Match Day: if you match, out of reach; ask that program once Match Day names it; nothing to pay", () => {
    const result = plan(chidi(false), calendar, new Date("2027-03-05T09:00:00Z"));
    const action = card(result);
    expect(action).toMatch(
      /^If you match with a program that files an H-1B petition for you, sitting Step 3 by Fri 19 Mar 2027 \(our advice\), the day that H-1B petition needs, is out of reach/,
    );
    expect(action).toContain("Once Match Day tells you where you matched, ask that program at once");
    expect(action).toContain("this plan asks you to pay for nothing for Step 3");
    expect(action).not.toMatch(PUSHES);
    // No rung of its own chases the day; the risk's notice is Step 3's one email.
    const step3 = result.reminders.filter((r) => r.milestone === "usmle_step3");
    expect(step3.map((r) => r.risk)).toEqual(["VISA_NOT_READY_FOR_START"]);
  });

  it("past Match Day untold: asks where they matched, then says the day has passed and what to ask", () => {
    const action = card(plan(chidi(false), calendar, new Date("2027-03-22T09:00:00Z")));
    expect(action).toMatch(/^Match Day has passed: first tell us where you matched/);
    expect(action).toContain(
      "If you matched with a program that files an H-1B petition for you, the last day to sit Step 3 that leaves that H-1B petition time, Fri 19 Mar 2027 (our advice), has passed",
    );
    expect(action).toContain("Ask that program today whether it will start you later");
    expect(action).not.toMatch(PUSHES);
  });

  it("matched, past the day: no trip or exam pushed, the risk's question instead", () => {
    const action = card(plan(chidi(true), calendar, new Date("2027-03-22T09:00:00Z")));
    // Then what a later start would take (step3-later-start-road.test.ts), never a trip pushed now.
    expect(
      action.startsWith(
        "The last day to sit Step 3 that leaves your program's H-1B petition time, Fri 19 Mar 2027 (our advice), has passed, so by this plan's allowances the H-1B for your start date is likely out of reach, even with a visitor visa already held. Ask your program today whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1 (see the visa risk). If your program will start you later and keep the H-1B, begin the day it says so",
      ),
    ).toBe(true);
  });

  it("the advisor is never told they matched before they said so", () => {
    const about = { fullName: "Chidi Okafor", matchYear: 2027, visa: "H-1B" as const };
    const voiceAt = (matchDay: boolean, now: string) => {
      const risk = plan(chidi(matchDay), calendar, new Date(now)).risks.find(
        (r) => r.code === "VISA_NOT_READY_FOR_START",
      );
      return risk === undefined ? "" : riskForAdvisor(risk, about);
    };
    expect(voiceAt(false, "2027-03-05T09:00:00Z")).toMatch(
      /^Chidi Okafor ranked on H-1B and Match Day is still ahead: if they match/,
    );
    expect(voiceAt(false, "2027-03-22T09:00:00Z")).toMatch(
      /^Chidi Okafor has not said where they matched: if it was/,
    );
    expect(voiceAt(true, "2027-03-22T09:00:00Z")).toMatch(/^Chidi Okafor matched, but/);
  });
});

describe("the out-of-reach notice is emailed once per wording", () => {
  it("'If you match', then 'If you matched', then matched: three notices, three ids", () => {
    const noticeId = (matchDay: boolean, now: string) =>
      plan(chidi(matchDay), calendar, new Date(now)).reminders.find(
        (r) => r.risk === "VISA_NOT_READY_FOR_START" && r.rung === "critical-risk",
      )?.id;
    const ids = [
      noticeId(false, "2027-03-05T09:00:00Z"),
      noticeId(false, "2027-03-22T09:00:00Z"),
      noticeId(true, "2027-03-22T09:00:00Z"),
    ];
    expect(ids.every((id) => id !== undefined)).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });
});
