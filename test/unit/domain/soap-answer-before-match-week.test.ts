import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * SOAP "Not for me" dated before Match Week's Monday (15 Mar
 * 2027) is a choice made ahead, not an answer. Like a Match reported before ranking opens, it proves
 * nothing (not that NRMP kept the applicant in the Match) and it does not end SOAP's preparation:
 * the SOAP step stays, and at Match Week the plan asks again. Dated on Monday or later it counts.
 */

const calendar = seasonCalendar(2027);
const step2Sat = milestoneFactory("usmle_step2ck", "scheduled", "2027-01-08");

function card(result: Plan, key: string) {
  return result.nextSteps.find((each) => each.milestone === key);
}

describe.each(["Africa/Lagos", "Asia/Kolkata", "America/Los_Angeles"])(
  "SOAP 'Not for me' dated Wed 10 Mar 2027, before Match Week's Monday (%s)",
  (zone) => {
    const input = certifiedListWith(zone, step2Sat, milestoneFactory("soap", "waived", "2027-03-10"));

    it("before Monday, SOAP's preparation stays in the plan", () => {
      const result = plan(input, calendar, new Date("2027-03-11T12:00:00Z"));
      expect(card(result, "soap")?.action).toMatch(/before Match Week, keep your ERAS documents current/i);
    });

    it("in Match Week, the plan asks again: SOAP is a step, and Match Day stays conditional on the result", () => {
      const result = plan(input, calendar, new Date("2027-03-16T12:00:00Z"));
      expect(card(result, "soap")).toBeDefined();
      expect(card(result, "match_day")?.action).toMatch(/^If your USMLE Step 2 CK result reached ECFMG/);
    });
  },
);

describe("SOAP 'Not for me' dated Match Week's Monday counts (control)", () => {
  it("Tue of Match Week: no SOAP step; read as not matched, not in SOAP, no Step 2 CK question", () => {
    const input = certifiedListWith(
      "Africa/Lagos",
      step2Sat,
      milestoneFactory("soap", "waived", "2027-03-15"),
    );
    const result = plan(input, calendar, new Date("2027-03-16T12:00:00Z"));
    expect(card(result, "soap")).toBeUndefined();
    expect(result.risks.map((risk) => risk.code)).toContain("UNMATCHED_NOT_IN_SOAP");
    expect(card(result, "usmle_step2ck")).toBeUndefined();
  });
});
