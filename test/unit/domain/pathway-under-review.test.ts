import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { pathwayDatedInput } from "./factories.ts";

/**
 * A Pathway application dated before its deadline (the 2027
 * Match's projected Sat 26 Dec 2026, 9:00 PM ET) is under ECFMG's review once that date has
 * passed, not overdue: the card says so (allow about 4 weeks, the catalog's advice), asks for
 * ECFMG's answer only once that review time has passed, never "submit it as soon as you can", and
 * nothing reads "overdue" before the rank order list deadline (Wed 24 Feb 2027), by which NRMP needs
 * ECFMG's acceptance.
 */

const calendar = seasonCalendar(2027);

function pathwayOn(status: "scheduled" | "in_progress", date: string) {
  return pathwayDatedInput(status, date, "Asia/Kolkata");
}

function pathwayCard(result: Plan) {
  const card = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
  expect(card).toBeDefined();
  return card;
}

describe.each(["scheduled", "in_progress"] as const)(
  "a Pathway application dated Thu 10 Dec 2026 (%s)",
  (status) => {
    const input = pathwayOn(status, "2026-12-10");

    it("after the application deadline, within the review time: under review, not overdue", () => {
      const now = "2027-01-02T06:30:00Z";
      const result = plan(input, calendar, new Date(now));
      const card = pathwayCard(result);
      expect(card?.action).toMatch(/ECFMG is reviewing it \(allow about 4 weeks, advice\)/);
      expect(card?.action).not.toMatch(/as soon as you can|If you did not/);
      expect(card?.urgency).not.toBe("overdue");
      if (card !== undefined) expect(stepBadge(card, now, result.risks)).not.toMatch(/overdue/);
      expect(result.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
    });

    it("once the review time has passed: ECFMG's answer is asked, still nothing overdue", () => {
      const now = "2027-01-20T06:30:00Z";
      const result = plan(input, calendar, new Date(now));
      const card = pathwayCard(result);
      expect(card?.action).toMatch(/Did ECFMG accept it\? Tell us/);
      expect(card?.action).not.toMatch(/as soon as you can|If you did not/);
      if (card !== undefined) expect(stepBadge(card, now, result.risks)).not.toMatch(/overdue/);
      expect(result.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
    });
  },
);

// The deadline is projected (ECFMG's may be later): not overdue while the rank order list deadline
// is ahead, ECFMG's answer asked instead (it was overdue before).
describe("a Pathway application dated after its deadline", () => {
  it("Mon 4 Jan 2027, planned on 10 Jan: not overdue while the rank order list deadline is ahead", () => {
    const result = plan(pathwayOn("scheduled", "2027-01-04"), calendar, new Date("2027-01-10T06:30:00Z"));
    expect(result.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
  });
});
