import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * A Pathway in progress with no date beside
 * a list certified before the rank order list deadline was submitted before it, and ECFMG's review
 * is long over weeks later. After the deadline the card asks "did ECFMG accept your Pathway? Tell
 * us", never a review time ("allow about 4 weeks"), a next-year deadline ("submit it by Sat 25 Dec
 * 2027") or "submit it as soon as you can", which can no longer help this Match.
 */

const calendar = seasonCalendar(2027);
const input = certifiedListWith("Africa/Lagos", milestoneFactory("ecfmg_pathway", "in_progress"));
const pathwayCard = (result: Plan) => result.nextSteps.find((each) => each.milestone === "ecfmg_pathway");

describe("Pathway in progress with no date, list certified (Lagos)", () => {
  it.each(["2027-02-26T10:00:00Z", "2027-03-16T10:00:00Z", "2027-06-20T10:00:00Z"])(
    "%s: the card asks whether ECFMG accepted it",
    (now) => {
      const action = pathwayCard(plan(input, calendar, new Date(now)))?.action ?? "";
      expect(action).toContain("Did ECFMG accept your Pathway? Tell us");
      expect(action).not.toContain("submit it");
      expect(action).not.toContain("allow about");
    },
  );

  it("in the window, the card says what the answer decides for this Match", () => {
    const action = pathwayCard(plan(input, calendar, new Date("2027-02-26T10:00:00Z")))?.action ?? "";
    expect(action).toContain("if ECFMG accepted it by then, you are in the Match");
  });

  it("before the deadline the card is unchanged: submit it, or ECFMG is reviewing it", () => {
    const action = pathwayCard(plan(input, calendar, new Date("2027-02-20T10:00:00Z")))?.action ?? "";
    expect(action).not.toContain("Did ECFMG accept your Pathway?");
  });
});
