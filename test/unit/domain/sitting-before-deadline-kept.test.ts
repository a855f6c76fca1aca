import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * Step 2 CK sat on Wed 10 Feb 2027, 14 days before the
 * rank order list deadline (Wed 24 Feb 2027, 9:00 PM ET), result not reported. The 28-day score
 * allowance is cautious advice: alone it never writes the season off. Before the deadline a
 * critical warning says the result is expected after it and what it decides; after it, with a
 * certified list, Match Week, SOAP and Match Day stay live on the result as for an earlier sitting.
 * Without a certified list by the deadline, the season is still written off after it.
 */

const calendar = seasonCalendar(2027);
const sat = milestoneFactory("usmle_step2ck", "scheduled", "2027-02-10");
const certified = certifiedListWith("Africa/Lagos", sat);
const noList = {
  ...certified,
  milestones: certified.milestones.filter((each) => each.key !== "rank_order_list"),
};

const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const outOfReach = (result: Plan) =>
  result.reminders.filter((reminder) => reminder.rung === "match-year-out-of-reach");
const lateRisk = (result: Plan) => result.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING");

describe.each([
  ["list certified", certified],
  ["no list yet", noList],
])("before the deadline (%s): the season is kept, with a critical warning", (_name, input) => {
  it("five days before the sitting: book an earlier date if one is open", () => {
    const result = plan(input, calendar, new Date("2027-02-05T10:00:00Z"));
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(outOfReach(result)).toEqual([]);
    expect(lateRisk(result)?.severity).toBe("critical");
    expect(lateRisk(result)?.message).toContain(
      "its result is expected around Wed 10 Mar 2027 by our cautious allowance, after the rank order list deadline, but a result can come sooner than our allowance: if it reaches ECFMG by Wed 24 Feb 2027 (projected) you are in the Match: book an earlier date if one is open",
    );
  });

  it("after the sitting: the result is awaited, not written off", () => {
    const result = plan(input, calendar, new Date("2027-02-21T10:00:00Z"));
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(lateRisk(result)?.severity).toBe("critical");
    expect(lateRisk(result)?.message).toContain(
      "if it reaches ECFMG by Wed 24 Feb 2027 (projected) you are in the Match: tell us the result when it arrives",
    );
  });
});

describe("after the deadline with a certified list: the Match stays live on the result", () => {
  it.each(["2027-02-26T10:00:00Z", "2027-03-15T15:30:00Z"])("%s", (now) => {
    const result = plan(certified, calendar, new Date(now));
    expect(codes(result)).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(outOfReach(result)).toEqual([]);
    expect(result.blocked.map((each) => each.milestone)).not.toContain("match_week");
    expect(result.nextSteps.find((each) => each.milestone === "match_week")?.action).toMatch(
      /^If your USMLE Step 2 CK result reached ECFMG in time for the rank order list deadline/,
    );
  });
});

describe("after the deadline without a certified list, nothing changes", () => {
  it("the season is written off", () => {
    const result = plan(noList, calendar, new Date("2027-02-26T10:00:00Z"));
    expect(codes(result)).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });
});
