import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * A certified 2027 list whose Step 2 CK result (sat 8 Jan)
 * was never reported stays in the Match on that condition until midnight ET seven days after Match
 * Day (Sat 27 Mar 2027, 00:00 EDT = 04:00 UTC), when the first weekly "did you match?" check has
 * gone. Before, the flip at midnight ET after Match Day replaced Karachi's "Match Day: tell us where
 * you matched" email at the very instant it was due. The out-of-reach notice, when it goes, asks
 * "did you match?" first.
 */

const calendar = seasonCalendar(2027);
const HOUR = 3_600_000;
/** Midnight ET seven days after Match Day (Fri 19 Mar 2027): Sat 27 Mar 2027, 00:00 EDT. */
const WINDOW_END = Date.parse("2027-03-27T04:00:00Z");
/** The night after Match Day, when every zone's Match Day email is due or just gone. */
const AFTER_MATCH_DAY = Date.parse("2027-03-19T17:00:00Z");
const ZONES = ["Asia/Karachi", "Africa/Lagos", "Pacific/Auckland", "America/New_York", "America/Los_Angeles"];

const unreportedStep2 = (timezone: string) =>
  certifiedListWith(timezone, milestoneFactory("usmle_step2ck", "scheduled", "2027-01-08"));

function outOfReach(result: Plan) {
  return result.reminders.filter((reminder) => reminder.rung === "match-year-out-of-reach");
}

describe.each(ZONES)("certified list, Step 2 CK result unreported (%s)", (zone) => {
  const input = unreportedStep2(zone);

  it("the Match Day question is planned before any out-of-reach email", () => {
    const result = plan(input, calendar, new Date(AFTER_MATCH_DAY));
    const asked = result.reminders.find((reminder) => reminder.rung === "match-day-result");
    expect(asked).toBeDefined();
    expect(Date.parse(asked?.sendAt ?? "")).toBeLessThan(WINDOW_END);
    expect(outOfReach(result)).toEqual([]);
  });

  it("every few hours from Match Day to a week later: no write-off and no out-of-reach email", () => {
    for (let now = AFTER_MATCH_DAY; now < WINDOW_END; now += 7 * HOUR) {
      const result = plan(input, calendar, new Date(now));
      const at = new Date(now).toISOString();
      expect(
        result.risks.map((risk) => risk.code),
        at,
      ).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
      expect(outOfReach(result), at).toEqual([]);
      expect(
        result.nextSteps.map((step) => step.milestone),
        at,
      ).toContain("match_day");
    }
    const last = plan(input, calendar, new Date(WINDOW_END - 1));
    expect(outOfReach(last)).toEqual([]);
  });

  it("from the end of the window, the out-of-reach notice asks where they matched first", () => {
    const result = plan(input, calendar, new Date(WINDOW_END));
    const risk = result.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.message).toMatch(/^If you matched, tell us where/);
    expect(outOfReach(result)[0]?.why).toMatch(/^If you matched, tell us where/);
  });
});
