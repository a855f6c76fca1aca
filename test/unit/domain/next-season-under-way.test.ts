import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * A 2026 applicant whose Match is over, planned in December
 * 2026, was pointed at the 2027 Match with nothing about its ERAS season, which opened in June and
 * whose programs began reviewing in September 2026. The plan says the 2027 season is already under
 * way, with its dates (projected where projected), and what that means: apply now, late, or target
 * the 2028 Match. This applicant never registered with NRMP, so once late registration closed the
 * plan moved to the 2027 Match, and the move's notice (NRMP_REGISTRATION_CLOSED) says it.
 */
const input = inputFactory({
  applicant: applicantFactory({ timezone: "Asia/Karachi", matchYear: 2026, graduation: "2023-12-20" }),
  // Every exam and the Pathway done, no NRMP registration nor list for 2026: that Match is over for them.
  milestones: doneMilestones(
    ["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck", "oet_medicine", "ecfmg_pathway"],
    "2025-04-10",
  ),
});
const moveNotice = (result: Plan) => {
  expect(result.risks.find((risk) => risk.code === "SEASON_OVER")).toBeUndefined();
  return result.risks.find((risk) => risk.code === "NRMP_REGISTRATION_CLOSED");
};

describe("a Match over, the next one's season already under way", () => {
  it("in December 2026: ERAS opened, programs reviewing, apply late or target 2028", () => {
    // Prepare / Act
    const risk = moveNotice(plan(input, seasonCalendar(2026), new Date("2026-12-03T06:00:00Z")));
    // Assess
    const message = risk?.message ?? "";
    expect(message).toContain("The 2027 season is already under way");
    expect(message).toContain("MyERAS opened on Wed 3 Jun 2026 (projected)");
    expect(message).toContain("programs began reviewing applications on Wed 23 Sep 2026 (projected)");
    expect(message).toMatch(/apply now.*late/i);
    expect(message).toContain("2028 Match");
    expect(risk?.sources).toEqual(
      expect.arrayContaining([seasonCalendar(2027).dates.eras_season_opens_myeras.source]),
    );
  });

  it("in April 2026, before the 2027 season opens, it says nothing of it", () => {
    const risk = moveNotice(plan(input, seasonCalendar(2026), new Date("2026-04-20T06:00:00Z")));
    expect(risk?.message).not.toContain("already under way");
    expect(risk?.message).toContain(
      "The 2027 season's MyERAS opens on Wed 3 Jun 2026 (projected): its steps are below.",
    );
  });
});
