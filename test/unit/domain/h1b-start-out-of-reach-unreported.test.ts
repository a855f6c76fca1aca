import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant abroad who certified a list, never passed Step 3, and has not told us how Match
 * Day went. The petition and the stamping wait on the answer, but Step 3 does not, and by this
 * plan's own allowances (FSMB, a visitor visa, a seat, about 4 weeks to the result, then the
 * petition and the stamping at the same consulate) a 1 July start on an H-1B is out of reach: a
 * critical risk says so and what to ask the program (a later start or a J-1), Step 3's card asks
 * where they matched and pushes neither the exam nor the trip until then, and Step 3 gets a
 * reminder while it is overdue.
 * Tomasz lives in Warsaw; the same applicant on a J-1 is the guard.
 */
const calendar = seasonCalendar(2027);
const unreported = (visa: "H-1B" | "J-1") => {
  const input = matched2027("Europe/Warsaw", {
    visa,
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
  // No Match Week answer either: whether they matched is unknown.
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
};
const outOfReach = (result: Plan) =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START" && risk.severity === "critical");

describe("H-1B abroad, Match Day past and unreported, Step 3 not passed", () => {
  it("in June, a critical risk says the H-1B start is out of reach and what to ask the program", () => {
    const result = plan(unreported("H-1B"), calendar, new Date("2027-06-08T09:00:00Z"));
    const risk = outOfReach(result);
    expect(risk?.message).toContain("If you matched with a program that files an H-1B petition for you");
    expect(risk?.message).toContain("likely out of reach, even if you already hold a B-1/B-2 visa");
    expect(risk?.message).toContain("has passed");
    expect(risk?.message).toContain(
      "Ask that program today whether it will start you later, so its H-1B petition can wait for your Step 3 pass, or take you on a J-1 (our advice)",
    );
    expect(risk?.milestones).toContain("usmle_step3");
    // Step 3, overdue, is not silent: its critical notice is a reminder of its own.
    expect(result.reminders.some((r) => r.milestone === "usmle_step3")).toBe(true);
  });

  it("in March, Step 3's card asks where they matched and whether the program files an H-1B first", () => {
    const result = plan(unreported("H-1B"), calendar, new Date("2027-03-22T09:00:00Z"));
    const card = result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
    expect(card.startsWith("Match Day has passed: first tell us where you matched")).toBe(true);
    expect(card).toContain("whether it files an H-1B petition for you");
    expect(outOfReach(result)).toBeDefined();
  });

  it("in March, Step 3 lays none of its own reminders: only the critical notice speaks for it", () => {
    const result = plan(unreported("H-1B"), calendar, new Date("2027-03-22T09:00:00Z"));
    const rungs = result.reminders.filter((r) => r.milestone === "usmle_step3").map((r) => r.rung);
    expect(rungs).toEqual(["critical-risk"]);
  });

  it("says nothing of it on a J-1, where Step 3 is not needed", () => {
    const result = plan(unreported("J-1"), calendar, new Date("2027-06-08T09:00:00Z"));
    expect(outOfReach(result)).toBeUndefined();
  });
});

describe("matched on H-1B abroad, Step 3 past the petition's day", () => {
  // Its card asks the program about a later start or a J-1: one notice asks it, riding on the
  // contract not yet signed, overdue since the day the petition needed it, as the contract's chase
  // says; Step 3, a visa step behind, is chased weekly to the start too.
  it("one notice asks it, overdue since the petition's day; Step 3 is chased weekly to the start", () => {
    const matched = matched2027("Europe/Warsaw", {
      visa: "H-1B",
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
        milestoneFactory("usmle_step3", "not_started"),
      ],
    });
    const result = plan(matched, calendar, new Date("2027-06-01T09:00:00Z"));
    const step3 = result.reminders.filter((r) => r.milestone === "usmle_step3" && r.rung !== "critical-risk");
    expect(step3.map((r) => r.rung)).toEqual([
      "visa-behind",
      "visa-behind",
      "start-in-14d",
      "start-in-7d",
      "start-in-3d",
      "start-in-1d",
    ]);
    const notice = result.reminders.find((r) => r.risk === "VISA_NOT_READY_FOR_START");
    expect(notice?.milestone).toBe("contract");
    // The petition needed the contract by its own date: the notice says since when, as the chase does.
    expect(notice?.overdueSince?.local).toBe("Fri 16 Apr 2027");
  });
});
