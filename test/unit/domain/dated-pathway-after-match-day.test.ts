import { describe, expect, it } from "vitest";
import { displayOrder } from "#domain/display-order.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * After Match Day (Fri 19 Mar 2027), a Pathway dated before its deadline (submitted
 * in time, ECFMG's answer never told) beside a certified list led the next steps as overdue, above
 * "tell us where you matched". The rule for an undated Pathway holds for it too:
 * after Match Day the Match Day question comes first, the Pathway's question after it.
 */

const calendar = seasonCalendar(2027);

describe.each([
  ["in_progress", "2026-12-10", "America/Chicago"],
  ["scheduled", "2026-11-24", "Africa/Accra"],
] as const)("after Match Day, a Pathway %s dated %s beside a certified list (%s)", (status, day, zone) => {
  const input = certifiedListWith(zone, milestoneFactory("ecfmg_pathway", status, day));

  it.each(["2027-03-19T20:00:00Z", "2027-03-22T09:00:00Z", "2027-03-26T15:00:00Z"])(
    "at %s: Match Day's question first, the Pathway's after it",
    (now) => {
      // Prepare / Act
      const result = plan(input, calendar, new Date(now));
      const shown = displayOrder(result.nextSteps, Date.parse(now), zone).map((step) => step.milestone);
      const pathway = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
      // Assess
      expect(result.nextSteps[0]?.milestone).toBe("match_day");
      expect(shown[0]).toBe("match_day");
      expect(shown.indexOf("ecfmg_pathway")).toBeGreaterThan(0);
      expect(pathway?.action).toMatch(/Did ECFMG accept it\? Tell us/);
      if (pathway !== undefined) expect(stepBadge(pathway, now, result.risks)).not.toMatch(/overdue/i);
      expect(result.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
    },
  );

  it("before Match Day, the Pathway keeps its rank order list deadline", () => {
    const result = plan(input, calendar, new Date("2027-03-10T12:00:00Z"));
    const pathway = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    expect(pathway?.deadline?.at.slice(0, 10)).toBe("2027-02-25");
  });
});
