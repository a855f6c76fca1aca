import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A matched H-1B applicant, list certified and ECFMG-certified, whose Step 3 is booked for Fri 26
 * Mar 2027, after the petition's sit-by day (Fri 19 Mar 2027, our advice), followed from the day
 * after that day through the sitting to past the day its result is expected (Fri 23 Apr, four
 * weeks on), the result never reported. Nothing improves when the exam is sat: the result still
 * lands after the petition's date (Fri 16 Apr 2027), so the critical visa risk holds at every
 * instant, the row never gains a date, nothing counts "Due" down to the petition's date (a result
 * cannot be hastened), and the result is asked for when it is expected. Leilani lives in Honolulu
 * (in the US), Jun in Manila, Tama in Auckland.
 */
const calendar = seasonCalendar(2027);

function applicant(timezone: string) {
  const input = matched2027(timezone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "scheduled", "2027-03-26"),
      milestoneFactory("contract", "done", "2027-03-24"),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
}

const step3Row = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const visaRisk = (result: Plan) => result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");

describe.each([
  ["Honolulu", "Pacific/Honolulu"],
  ["Manila", "Asia/Manila"],
  ["Auckland", "Pacific/Auckland"],
])("Step 3 booked past the petition's sit-by day, sat, its result awaited, in %s", (_, timezone) => {
  it.each([
    ["the booking known late, the seat ahead", "2027-03-22T20:00:00Z"],
    ["the exam sat, its result expected after the petition's date", "2027-04-02T20:00:00Z"],
    ["the petition's date just ahead", "2027-04-14T20:00:00Z"],
    ["past the petition's date, the result still awaited", "2027-04-20T20:00:00Z"],
    ["past the day the result was expected, none reported", "2027-05-04T20:00:00Z"],
  ])("%s (%s): the visa risk stays critical and Step 3 stays undated, never overdue", (_when, now) => {
    const result = plan(applicant(timezone), calendar, new Date(now));
    const risk = visaRisk(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("The H-1B for your start date is likely out of reach");
    const row = step3Row(result);
    expect(row?.deadline).toBeUndefined();
    expect(result.overdue.map((step) => step.milestone)).not.toContain("usmle_step3");
    // No "Due" countdown to the petition's date for a result that cannot be hastened.
    const due = result.reminders.filter(
      (r) =>
        r.milestone === "usmle_step3" &&
        r.rung.startsWith("due-in") &&
        r.deadlineDetail.local.includes("16 Apr"),
    );
    expect(due).toEqual([]);
  });

  it("sat, the result pending: the card says the result lands after the petition's date and asks for it, and its question goes out the day it is expected", () => {
    const result = plan(applicant(timezone), calendar, new Date("2027-04-02T20:00:00Z"));
    const action = step3Row(result)?.action ?? "";
    expect(action).toContain(
      "Your exam was on Fri 26 Mar 2027; your score is expected around Fri 23 Apr 2027",
    );
    expect(action).toContain("after the petition's date in this plan, Fri 16 Apr 2027 (our advice)");
    expect(action).toContain("the H-1B for your start date is likely out of reach");
    expect(action).toContain("Tell us the result when it comes");
    expect(action).toContain("or take you on a J-1");
    expect(action).not.toContain("by the petition's date in this plan");
    expect(action).not.toContain("Keep your seat");
    expect(visaRisk(result)?.message).toContain(
      "Your Step 3 was booked for Fri 26 Mar 2027, after it: by these allowances its result, expected around Fri 23 Apr 2027, comes too late for the petition",
    );
    const question = result.reminders.find(
      (r) => r.milestone === "usmle_step3" && r.rung === "result-follow-up",
    );
    expect(question).toBeDefined();
    expect(new Date(question?.sendAt ?? 0).getTime()).toBeGreaterThan(Date.parse("2027-04-21T00:00:00Z"));
  });

  it("the result reported passed: the out-of-reach words about the sitting are gone", () => {
    const input = applicant(timezone);
    const milestones = input.milestones.map((m) =>
      m.key === "usmle_step3" ? milestoneFactory("usmle_step3", "done", "2027-04-22") : m,
    );
    const result = plan({ ...input, milestones }, calendar, new Date("2027-04-23T20:00:00Z"));
    expect(visaRisk(result)?.message ?? "").not.toContain("Your Step 3 was booked for");
    expect(step3Row(result)).toBeUndefined();
  });
});
