import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { pathwayDatedInput } from "./factories.ts";

/**
 * A Pathway application dated before its deadline (the 2027
 * Match's projected Sat 26 Dec 2026, 9:00 PM ET) whose date has passed is under ECFMG's review
 * (README; pathway-review.ts): no "submit it by" on its card and no "Due" rungs of the
 * application deadline's ladder; the one "did ECFMG accept it?" check after the review time stays.
 * A Pathway whose date is still ahead keeps its ladder.
 */

const calendar = seasonCalendar(2027);
const NOW = new Date("2026-12-21T10:00:00+01:00");
const DEADLINE = Date.parse("2026-12-27T02:00:00Z");

function pathwayOn(status: "scheduled" | "in_progress", date: string) {
  return pathwayDatedInput(status, date, "Africa/Lagos");
}

function pathwayReminders(result: ReturnType<typeof plan>) {
  return result.reminders.filter((reminder) => reminder.milestone === "ecfmg_pathway");
}

describe.each(["scheduled", "in_progress"] as const)(
  "a Pathway dated Sun 20 Dec 2026 (%s), Lagos",
  (status) => {
    const result = plan(pathwayOn(status, "2026-12-20"), calendar, NOW);

    it("has no reminder before its deadline about submitting it", () => {
      const before = pathwayReminders(result).filter((reminder) => Date.parse(reminder.sendAt) <= DEADLINE);
      expect(before.map((reminder) => `${reminder.sendAt} ${reminder.rung}`)).toEqual([]);
    });

    it("reads as under review, with no 'submit it by'", () => {
      const card = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
      expect(card?.action).toMatch(/ECFMG is reviewing it/);
      expect(card?.action).not.toMatch(/If you did not|submit it by/i);
    });

    it("keeps the 'did ECFMG accept it?' check after the review time", () => {
      const later = pathwayReminders(result).filter((reminder) => reminder.rung === "result-follow-up");
      expect(later.map((reminder) => reminder.sendAt)).toEqual(["2027-01-17T08:00:00.000Z"]);
    });
  },
);

describe("a Pathway whose date is still ahead (control)", () => {
  it("dated Wed 30 Dec 2026 keeps the deadline's ladder", () => {
    const result = plan(pathwayOn("scheduled", "2026-12-30"), calendar, NOW);
    const before = pathwayReminders(result).filter((reminder) => Date.parse(reminder.sendAt) <= DEADLINE);
    expect(before.length).toBeGreaterThan(1);
  });

  it("dated Thu 24 Dec 2026 still hears before its deadline", () => {
    const result = plan(pathwayOn("scheduled", "2026-12-24"), calendar, NOW);
    const before = pathwayReminders(result).filter((reminder) => Date.parse(reminder.sendAt) <= DEADLINE);
    expect(before.length).toBeGreaterThan(0);
  });
});
