import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant abroad (Manila), list certified, Step 3 not started: from the rank order list
 * deadline its petition's day is out of reach, and past Match Day untold it waits for the answer.
 * Step 3's card then asks her to pay for nothing for it until she knows where she matched, so the
 * budget must not call its fee "upcoming": it is listed apart, owed only if her program files an
 * H-1B petition. Matched past the petition's sit-by day, the card asks her program first, so the fee
 * stays apart until it answers; booked, it is spent.
 */
const calendar = seasonCalendar(2027);
const maria = (matchDay: boolean, step3 = milestoneFactory("usmle_step3", "not_started")) => {
  const input = matched2027("Asia/Manila", {
    visa: "H-1B",
    matchDay,
    extra: [milestoneFactory("ecfmg_certification", "done", "2025-11-03"), step3],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
const step3Fee = (result: Plan) => ({
  counted: result.budget.items.find((item) => item.key.startsWith("usmle_step3")),
  apart: result.budget.toVerify?.find((item) => item.key.startsWith("usmle_step3")),
});

describe("Step 3's fee waits for the Match when its card does", () => {
  it.each([
    ["Match Day ahead", "2027-03-05T09:00:00Z"],
    ["past Match Day untold", "2027-03-22T09:00:00Z"],
  ])("%s: listed apart, owed only if her program files an H-1B petition; the card says so", (_, now) => {
    const result = plan(maria(false), calendar, new Date(now));
    const { counted, apart } = step3Fee(result);
    expect(card(result)).toContain("this plan asks you to pay for nothing for Step 3");
    expect(card(result)).toContain("your budget lists its fee apart, not counted, until you know");
    expect(counted).toBeUndefined();
    expect(apart?.amountUsd).toBe(935);
    expect(apart?.verify).toMatch(
      /^If the program your Match places you with files an H-1B petition for you \(Step 3's card asks you to pay nothing for it until you know\): owed only then, so not counted in the totals; flagged, verify/,
    );
    const upcoming = result.budget.items.filter((item) => item.status === "upcoming");
    expect(result.budget.upcomingUsd).toBe(upcoming.reduce((sum, item) => sum + item.amountUsd, 0));
  });

  it("before the rank order list deadline, in reach, it is upcoming as the card asks her to book", () => {
    const result = plan(maria(false), calendar, new Date("2026-12-10T09:00:00Z"));
    expect(step3Fee(result).counted?.status).toBe("upcoming");
    expect(step3Fee(result).apart).toBeUndefined();
  });

  it("matched past the petition's sit-by day: still apart, until her program answers", () => {
    const { counted, apart } = step3Fee(plan(maria(true), calendar, new Date("2027-03-22T09:00:00Z")));
    expect(counted).toBeUndefined();
    expect(apart?.verify).toMatch(/^If your program starts you later and keeps the H-1B/);
  });

  it("booked, it is spent whatever the Match", () => {
    const booked = maria(false, milestoneFactory("usmle_step3", "scheduled", "2027-04-12"));
    const { counted } = step3Fee(plan(booked, calendar, new Date("2027-03-22T09:00:00Z")));
    expect(counted?.status).toBe("spent");
  });
});
