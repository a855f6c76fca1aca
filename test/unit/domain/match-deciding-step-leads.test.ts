import { describe, expect, it } from "vitest";
import { listedInReadingOrder } from "#domain/listed-steps.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Within one urgency, the step a MATCH_YEAR_LAST_DAY or MATCH_YEAR_NOT_FEASIBLE risk
 * names reads first, and a step with a hard deadline before one with only a target (US clinical
 * experience, "target, no deadline", read above the Step 1 the 2028 Match depends on).
 */
describe("the step that decides the Match leads its urgency", () => {
  const zone = "Asia/Karachi";
  const thePlan = plan(
    inputFactory({
      applicant: applicantFactory({ timezone: zone, matchYear: 2028, visa: "H-1B" }),
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2026-01-05"),
        milestoneFactory("ecfmg_application", "done", "2026-02-05"),
      ],
    }),
    seasonCalendar(2028),
    new Date("2027-05-03T07:00:00Z"),
  );
  const listed = listedInReadingOrder(thePlan, zone);
  const named = new Set(
    thePlan.risks
      .filter((risk) => risk.code === "MATCH_YEAR_LAST_DAY" || risk.code === "MATCH_YEAR_NOT_FEASIBLE")
      .flatMap((risk) => (risk.decidedBy ? [risk.decidedBy] : risk.milestones)),
  );

  it("has a last-day risk naming an urgent step, and a target-only urgent step", () => {
    expect(named.size).toBeGreaterThan(0);
    expect(listed.some((step) => step.urgency === "urgent" && named.has(step.milestone))).toBe(true);
    expect(listed.some((step) => step.milestone === "usce" && step.deadline === undefined)).toBe(true);
  });

  it("reads the named steps first at their urgency, then deadline-dated steps before target-only ones", () => {
    for (const urgency of ["urgent", "soon", "later"] as const) {
      const group = listed.filter((step) => step.urgency === urgency);
      const firstOther = group.findIndex((step) => !named.has(step.milestone));
      if (firstOther >= 0)
        expect(group.slice(firstOther).some((step) => named.has(step.milestone))).toBe(false);
      const dated = group.map((step) => (step.deadline ? 0 : step.target ? 1 : 2));
      const rest = dated.filter((_, index) => !named.has(group[index]?.milestone ?? "usce"));
      expect(rest).toEqual([...rest].sort());
    }
  });
});
