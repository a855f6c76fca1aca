import { describe, expect, it } from "vitest";
import { matchYearHeading } from "#domain/match-year-heading.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import { applicantFactory, doneMilestones, examsDone, inputFactory } from "./factories.ts";

// An applicant out of reach for 2027 got "Plan for …: 2027 Match" although
// every date below was for 2028. The heading says both.
const now = new Date("2026-11-24T10:00:00Z");
const planned = (milestones: ReturnType<typeof doneMilestones>) =>
  plan(
    inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), milestones }),
    seasonCalendar(2027),
    now,
  );

describe("the plan's Match heading", () => {
  it("names the later Match it is planned for when the target Match is out of reach", () => {
    const outOfReach = planned(doneMilestones(["wdoms_listing"]));
    expect(
      outOfReach.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
    ).toBe(2028);
    expect(matchYearHeading(outOfReach)).toBe("2027 Match (out of reach: planned for the 2028 Match)");
    expect(renderPlan(outOfReach, "Ana").split("\n")[0]).toMatch(
      /^Plan for Ana: 2027 Match \(out of reach: planned for the 2028 Match\), (projected|confirmed) calendar, as of /,
    );
  });

  it("stays the plain Match year while it is within reach", () => {
    const inReach = planned([...doneMilestones(["wdoms_listing", "ecfmg_application"]), ...examsDone()]);
    expect(inReach.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")).toBe(false);
    expect(matchYearHeading(inReach)).toBe("2027 Match");
    expect(renderPlan(inReach, "Ana").split("\n")[0]).not.toContain("out of reach");
  });
});
