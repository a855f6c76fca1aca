import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * The H-1B applicant's J-1 fallback names the days the J-1 chain allows the Statement of Need after
 * Match Day, to the day ECFMG's sponsorship application needs it. Once that day has gone the words
 * say so, in the past tense, as the risk says of its passed sit-by day: never "to <day>" in June
 * for a day in April. Ligaya lives in Manila, matched on an H-1B, Step 3 not passed.
 */
const calendar = seasonCalendar(2027);
const ligaya = matched2027("Asia/Manila", {
  visa: "H-1B",
  extra: [
    milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
    milestoneFactory("usmle_step3", "not_started"),
  ],
});
const j1Words = (now: string) => {
  const result: Plan = plan(ligaya, calendar, new Date(now));
  const message = result.risks.find((risk) => risk.message.includes("Statement of Need"))?.message ?? "";
  return { result, j1: message.slice(message.indexOf("Ask your program today")) };
};

describe("the J-1 fallback's Statement of Need allowance, before and after its day", () => {
  it("in late March, with the sponsorship day ahead, allows the days to that day", () => {
    const { j1 } = j1Words("2027-03-24T09:00:00Z");
    expect(j1).toMatch(
      /after Match Day this plan allows it \d+ days, to [^,]+ 2027, when ECFMG's J-1 sponsorship application needs it/,
    );
    expect(j1).not.toContain("has passed");
  });

  it("in June, says the day it allowed has passed, and notes the instant it turned", () => {
    const { result, j1 } = j1Words("2027-06-14T09:00:00Z");
    expect(j1).toMatch(
      /after Match Day this plan allowed it \d+ days, to [^,]+ 2027, when ECFMG's J-1 sponsorship application needed it, and that day has passed/,
    );
    expect(j1).not.toContain("allows it");
    expect(result.risks.length).toBeGreaterThan(0);
  });

  it("turns at the end of the sponsorship day (Mon 5 Apr 2027, in Manila: before ET's), an instant the plan notes for re-planning", () => {
    const end = "2027-04-05T16:00:00.000Z";
    const before = j1Words("2027-04-05T15:00:00Z");
    expect(before.j1).toContain("allows it 17 days, to Mon 5 Apr 2027");
    expect(before.result.riskChangesAt).toContain(end);
    expect(j1Words("2027-04-05T17:00:00Z").j1).toContain("allowed it 17 days, to Mon 5 Apr 2027");
  });
});
