import { describe, expect, it } from "vitest";
import { displayOrder } from "#domain/display-order.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * After Match Day (Fri 19 Mar 2027), a certified list beside a
 * Pathway in progress with no date. The Match Day question ("tell us where you matched") comes
 * first among the next steps; the Pathway is a question ("Did ECFMG accept your Pathway? Tell us"),
 * ordered after it, never an overdue lead (nor in the plan's overdue list).
 */

const calendar = seasonCalendar(2027);

describe.each(["Asia/Kolkata", "Africa/Lagos", "America/Los_Angeles"])(
  "after Match Day, an undated Pathway in progress beside a certified list (%s)",
  (zone) => {
    const input = certifiedListWith(zone, milestoneFactory("ecfmg_pathway", "in_progress"));

    it.each(["2027-03-20T12:00:00Z", "2027-03-24T12:00:00Z"])(
      "at %s: Match Day first, the Pathway asked after it",
      (now) => {
        const result = plan(input, calendar, new Date(now));
        const keys = result.nextSteps.map((step) => step.milestone);
        expect(keys[0]).toBe("match_day");
        const shown = displayOrder(result.nextSteps, Date.parse(now), zone).map((step) => step.milestone);
        expect(shown[0]).toBe("match_day");
        const pathway = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
        expect(pathway).toBeDefined();
        expect(pathway?.action).toMatch(/Did ECFMG accept your Pathway\? Tell us/);
        expect(shown.indexOf("ecfmg_pathway")).toBeGreaterThan(shown.indexOf("match_day"));
        expect(pathway?.urgency).not.toBe("overdue");
        if (pathway !== undefined) expect(stepBadge(pathway, now, result.risks)).not.toMatch(/overdue/);
        expect(result.overdue.map((step) => step.milestone)).not.toContain("ecfmg_pathway");
      },
    );
  },
);
