import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant in Dhaka who tapped "Matched" on Monday of Match Week (match_week done, SOAP not
 * for them) but has not marked Match Day done: Step 3 not started, its day for the petition out of
 * reach abroad. They matched; only where is unknown. The risk and Step 3's card say "You matched",
 * as the Pathway warning beside them does, never "If you match".
 */
const calendar = seasonCalendar(2027);
const rahim = () =>
  matched2027("Asia/Dhaka", {
    visa: "H-1B",
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
const risk = (result: Plan) => result.risks.find((r) => r.code === "VISA_NOT_READY_FOR_START")?.message ?? "";

describe("matched on Monday, where not known yet", () => {
  it("before Match Day: 'You matched', the program asked once Match Day names it, nothing to pay", () => {
    const result = plan(rahim(), calendar, new Date("2027-03-16T04:00:00Z"));
    for (const text of [card(result), risk(result)]) {
      expect(text).toMatch(/^You matched: if your program files an H-1B petition for you, /);
      expect(text).not.toMatch(/If you match/);
      expect(text).toContain("Once Match Day tells you where you matched, ask that program at once");
    }
    expect(card(result)).toContain("this plan asks you to pay for nothing for Step 3");
  });

  it("past Match Day untold: 'You matched', and their program is asked today", () => {
    const result = plan(rahim(), calendar, new Date("2027-03-22T04:00:00Z"));
    for (const text of [card(result), risk(result)]) {
      expect(text).toContain("You matched: if your program files an H-1B petition for you, ");
      expect(text).not.toMatch(/If you matched? with/);
      expect(text).toContain("Ask your program today whether it will start you later");
    }
  });

  it("the advisor hears they said they matched, and each wording is its own notice", () => {
    const about = { fullName: "Rahim Uddin", matchYear: 2027, visa: "H-1B" as const };
    const ahead = plan(rahim(), calendar, new Date("2027-03-16T04:00:00Z"));
    const untold = plan(rahim(), calendar, new Date("2027-03-22T04:00:00Z"));
    const voice = (result: Plan) => {
      const found = result.risks.find((r) => r.code === "VISA_NOT_READY_FOR_START");
      return found === undefined ? "" : riskForAdvisor(found, about);
    };
    expect(voice(ahead)).toMatch(/^Rahim Uddin said they matched and Match Day, which names the program/);
    expect(voice(untold)).toMatch(/^Rahim Uddin said they matched but not where/);
    const noticeId = (result: Plan) =>
      result.reminders.find((r) => r.risk === "VISA_NOT_READY_FOR_START" && r.rung === "critical-risk")?.id;
    expect(noticeId(ahead)).toBeDefined();
    expect(noticeId(untold)).toBeDefined();
    expect(noticeId(ahead)).not.toBe(noticeId(untold));
  });
});
