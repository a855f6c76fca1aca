import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";
import { LATER_START_2027 } from "./fixture-snapshots.ts";

/**
 * On the H-1B track, Step 3 is needed only if the program they matched with files an H-1B
 * petition. Past Match Day with that answer untold, the plan asks for it and pays for nothing
 * meanwhile: Step 3's card names the petition's sit-by day but not the FSMB application, the
 * visitor visa or a test date, and Step 3 lays no reminder of its own (the Match Day notice asks).
 * Once Match Day is done, the rules after the Match apply again. Priya lives in Colombo (abroad,
 * a visitor visa for the trip); Kofi in Houston (no trip).
 */
const calendar = seasonCalendar(2027);
const march = new Date("2027-03-23T06:00:00Z");

function h1bApplicant(
  timezone: string,
  matchDay: boolean,
  step3: MilestoneEntry,
): Parameters<typeof plan>[0] {
  const input = matched2027(timezone, {
    visa: "H-1B",
    matchDay,
    extra: [milestoneFactory("ecfmg_certification", "done", "2025-09-01"), step3],
  });
  return matchDay
    ? input
    : { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
}

const card = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "usmle_step3")?.action ?? "";
const ownRungs = (result: Plan) =>
  result.reminders.filter((r) => r.milestone === "usmle_step3" && r.rung !== "critical-risk");

describe.each([
  ["abroad", "Asia/Colombo", "a US visitor visa (B-1/B-2) for the trip", true],
  ["in the US", "America/Chicago", "the FSMB application with its exam fee and a test date", false],
])("H-1B %s, Match Day passed and unreported, Step 3 not booked", (_where, timezone, held, trip) => {
  const unreported = h1bApplicant(timezone, false, milestoneFactory("usmle_step3", "not_started"));

  it("the card asks where they matched and names what it holds back, never 'apply now'", () => {
    const text = card(plan(unreported, calendar, march));
    expect(text).toContain("first tell us where you matched");
    expect(text).toContain("Until you tell us, this plan asks you to pay for nothing for Step 3");
    expect(text).toContain(held);
    expect(text.includes("a trip to the US")).toBe(trip);
    expect(text).not.toContain("Apply for Step 3 through FSMB now");
    expect(text).not.toContain("apply for it now");
    expect(text).not.toContain("apply to FSMB by");
    expect(text).not.toContain("book your test date by");
  });

  it("lays no reminder of Step 3's own: the Match Day notice asks for the answer", () => {
    const result = plan(unreported, calendar, march);
    expect(ownRungs(result)).toEqual([]);
    expect(result.reminders.some((r) => r.milestone === "match_day")).toBe(true);
  });

  it("an applicant who said under way and gave no date is held back too", () => {
    const begun = h1bApplicant(timezone, false, milestoneFactory("usmle_step3", "in_progress"));
    const result = plan(begun, calendar, march);
    // Its fee may be paid: what follows the application waits.
    expect(card(result)).toContain("With your FSMB application under way (its exam fee may already be paid)");
    expect(card(result)).toContain("book no test date");
    expect(ownRungs(result)).toEqual([]);
  });

  it("once Match Day is done, Step 3 is asked for again, with reminders", () => {
    const matched = h1bApplicant(timezone, true, milestoneFactory("usmle_step3", "not_started"));
    const result = plan(matched, calendar, march);
    expect(card(result)).not.toContain("asks you to pay for nothing");
    expect(result.reminders.some((r) => r.milestone === "usmle_step3")).toBe(true);
  });
});

describe("H-1B, Match Day passed and unreported, Step 3 booked", () => {
  // A later start (1 Aug): Step 3's day for the petition is then Mon 19 Apr, so a sitting booked
  // for 12 Apr is in time; on a 1 July start that day is Match Day itself, already passed.
  it("keeps the booked exam's own reminders: the fee is paid, the date is the applicant's", () => {
    const booked = h1bApplicant(
      "America/Chicago",
      false,
      milestoneFactory("usmle_step3", "scheduled", "2027-04-12"),
    );
    const result = plan(booked, LATER_START_2027, march);
    expect(card(result)).not.toContain("asks you to pay for nothing");
    expect(ownRungs(result).length).toBeGreaterThan(0);
  });
});
