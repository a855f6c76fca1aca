import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// One H-1B program, one 1 Jul 2027 start, applicants in four zones: the last day the program can
// file the petition is one day, Fri 30 Apr, for all of them, and a visa on Wed 30 Jun is in time
// everywhere. The start was measured to its instant (midnight ET), so west of ET the end of 30 Jun
// fell after it: Los Angeles and Honolulu read "Thu 29 Apr" and, just after their midnight on 30 Apr,
// "your visa would come around Wed 30 Jun 2027, after residency starts on Thu 1 Jul 2027", while
// Auckland's same arithmetic read Fri 30 Apr, in time.

const calendar = seasonCalendar(2027);
const signed: MilestoneEntry[] = [
  milestoneFactory("usmle_step3", "done", "2026-12-10"),
  milestoneFactory("contract", "done", "2027-03-26"),
];
const visaRisk = (zone: string, now: string) =>
  plan(matched2027(zone, { visa: "H-1B", extra: signed }), calendar, new Date(now)).risks.find(
    (risk) => risk.code === "VISA_NOT_READY_FOR_START",
  )?.message ?? "";

describe("the H-1B petition's last filing day is one day in every zone", () => {
  for (const [zone, justAfterMidnight] of [
    ["America/Los_Angeles", "2027-04-30T00:30:00-07:00"],
    ["Pacific/Honolulu", "2027-04-30T00:30:00-10:00"],
    ["Asia/Manila", "2027-04-30T00:30:00+08:00"],
    ["Pacific/Auckland", "2027-04-30T00:30:00+12:00"],
  ] as const)
    it(`${zone}: on Fri 30 Apr the program can still file, by that day, for a visa on Wed 30 Jun`, () => {
      const message = visaRisk(zone, justAfterMidnight);
      expect(message).toContain("must file your H-1B petition by about Fri 30 Apr 2027");
      expect(message).not.toContain("after residency starts on Thu 1 Jul");
    });

  // A Saturday's filing counts from Monday: approval Mon 24 May, a business day after Friday's.
  it("the day after it, Los Angeles hears the filed-today verdict, its visa after the start", () => {
    const message = visaRisk("America/Los_Angeles", "2027-05-01T00:30:00-07:00");
    expect(message).toContain("about Fri 30 Apr 2027, has passed");
    expect(message).toContain("approval would come around Mon 24 May 2027");
    expect(message).toContain("your visa would come around Sat 3 Jul 2027, after residency starts");
  });
});
