import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, examsDone, inputFactory, milestoneFactory } from "./factories.ts";

// An advisor was told "The 2027 Match stays planned" (CERTIFICATION_AFTER_START)
// for an applicant the same plan called out of that Match. The risk is now raised only while the Match
// is still planned: not when it is out of reach (MATCH_YEAR_NOT_FEASIBLE) or over (SEASON_OVER).
const calendar = seasonCalendar(2027);
const codes = (milestones: ReturnType<typeof doneMilestones>, now: string) =>
  plan(
    inputFactory({ applicant: applicantFactory({ matchYear: 2027, graduation: "2027-06-20" }), milestones }),
    calendar,
    new Date(now),
  ).risks.map((risk) => risk.code);

describe("CERTIFICATION_AFTER_START only for a Match still planned", () => {
  it("warns a late graduate whose Match is within reach", () => {
    expect(codes(examsDone(), "2026-12-01T12:00:00Z")).toContain("CERTIFICATION_AFTER_START");
  });

  it("is not raised beside MATCH_YEAR_NOT_FEASIBLE", () => {
    const out = codes(doneMilestones(["wdoms_listing"]), "2026-12-01T12:00:00Z");
    expect(out).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(out).not.toContain("CERTIFICATION_AFTER_START");
  });

  it("is not raised once the Match is over without a certified rank list", () => {
    // Registered with NRMP, no list, SOAP's outcome not yet told: the Match is over but can still speak.
    const over = codes(
      [...examsDone(), milestoneFactory("nrmp_registration", "done")],
      "2027-03-25T12:00:00Z",
    );
    expect(over).toContain("SEASON_OVER");
    expect(over).not.toContain("CERTIFICATION_AFTER_START");
  });
});
