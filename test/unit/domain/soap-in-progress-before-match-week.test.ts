import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * For every SOAP status: SOAP "in progress"
 * dated before Match Week's Monday (15 Mar 2027) means preparing for SOAP, the step's own title then,
 * never "you are in SOAP / you did not match": nobody has been told yet. The plan asks the Match Week
 * question. Dated on Monday (the applicant's local day of NRMP's 10:00 AM ET notice) it counts.
 */

const calendar = seasonCalendar(2027);

function card(result: Plan, key: string) {
  return result.nextSteps.find((each) => each.milestone === key);
}

describe("SOAP in progress dated Wed 10 Mar 2027, before Match Week's Monday (the Manila case)", () => {
  const input = certifiedListWith("Asia/Manila", milestoneFactory("soap", "in_progress", "2027-03-10"));

  it("before Monday, SOAP is preparation", () => {
    const result = plan(input, calendar, new Date("2027-03-11T10:00:00+08:00"));
    expect(card(result, "soap")?.action).toMatch(/before Match Week, keep your ERAS documents current/i);
  });

  it("Tue of Match Week: the plan asks whether you matched and never says you did not", () => {
    const result = plan(input, calendar, new Date("2027-03-16T10:00:00+08:00"));
    expect(card(result, "match_week")?.title).toMatch(/tell us whether you matched/i);
    expect(card(result, "soap")?.action).not.toMatch(/you are in SOAP/i);
    expect(card(result, "match_day")?.action).not.toMatch(/did not match/i);
    expect(card(result, "match_day")?.title).not.toMatch(/SOAP offer/i);
  });
});

describe.each(["Asia/Manila", "America/Los_Angeles"])(
  "SOAP in progress dated Match Week's Monday counts (control, %s)",
  (zone) => {
    it("Tue of Match Week: you are in SOAP, no Match Week question", () => {
      const input = certifiedListWith(zone, milestoneFactory("soap", "in_progress", "2027-03-15"));
      const result = plan(input, calendar, new Date("2027-03-16T20:00:00Z"));
      expect(card(result, "soap")?.action).toMatch(/^You are in SOAP/);
      expect(card(result, "match_week")).toBeUndefined();
      expect(card(result, "match_day")?.action).toMatch(/NRMP told you on Monday that you did not match/);
    });
  },
);
