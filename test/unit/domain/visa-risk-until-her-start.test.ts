import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// Honolulu, J-1, every document in hand, the consular interview booked for Wed 30 Jun 2027, the day
// before the 1 Jul start. Residency starts for her at her own midnight (residencyStarted), as the
// delayed-start notice has it; but "your visa steps are behind" ended at ET's midnight, 6:00 PM on
// her 30 Jun, so from then until her midnight the plan had no visa risk at all beside a card saying
// the interview is today: the row turned at one midnight and the notices at another.

const calendar = seasonCalendar(2027);
const documentsInHand: MilestoneEntry[] = [
  milestoneFactory("ecfmg_certification", "done", "2026-05-10"),
  milestoneFactory("contract", "done", "2027-03-25"),
  milestoneFactory("j1_statement_of_need", "done", "2027-04-01"),
  milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-10"),
  milestoneFactory("j1_ds2019", "done", "2027-05-20"),
  milestoneFactory("visa_j1", "scheduled", "2027-06-30"),
];
const codesAt = (now: string) =>
  plan(matched2027("Pacific/Honolulu", { extra: documentsInHand }), calendar, new Date(now)).risks.map(
    (risk) => risk.code,
  );

describe("the visa risk lasts until residency starts where she is", () => {
  it("Honolulu at 7:00 PM on Wed 30 Jun (past ET's midnight): the visa is still behind, the start not yet delayed", () => {
    const codes = codesAt("2027-06-30T19:00:00-10:00");
    expect(codes).toContain("VISA_NOT_READY_FOR_START");
    expect(codes).not.toContain("START_DELAYED");
  });

  it("at her midnight the delayed start takes over", () => {
    const codes = codesAt("2027-07-01T00:30:00-10:00");
    expect(codes).not.toContain("VISA_NOT_READY_FOR_START");
    expect(codes).toContain("START_DELAYED");
  });
});
