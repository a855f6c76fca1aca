import { describe, expect, it } from "vitest";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

function risksFor(input: PlannerInput, now: string) {
  return plan(input, seasonCalendar(input.applicant.matchYear), new Date(now)).risks;
}

const NOW = "2026-11-30T10:00:00Z";

describe("an implausible target Match year is flagged, not planned silently", () => {
  it("flags 2100 for a 2025 graduate as a likely typo, critical, so the advisor hears of it", () => {
    const risks = risksFor(
      inputFactory({ applicant: applicantFactory({ matchYear: 2100, graduation: "2025-06-30" }) }),
      NOW,
    );
    const risk = risks.find((candidate) => candidate.code === "MATCH_YEAR_IMPLAUSIBLE");
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("the 2100 Match, 73 years after the next Match (2027)");
    expect(risk?.message).toContain("is the year a typo?");
  });

  it.each([
    ["the Match in progress", 2027, "2025-06-30"],
    ["an early starter two seasons out", 2029, "2028-05-15"],
    ["a first-year student six years out", 2033, "2032-06-30"],
    ["a late student, two years after graduating", 2036, "2034-06-30"],
  ])("does not flag %s (%i, graduating %s)", (_label, matchYear, graduation) => {
    const risks = risksFor(inputFactory({ applicant: applicantFactory({ matchYear, graduation }) }), NOW);
    expect(risks.map((risk) => risk.code)).not.toContain("MATCH_YEAR_IMPLAUSIBLE");
  });

  it("flags a year more than six Matches ahead for someone who has graduated", () => {
    const risks = risksFor(
      inputFactory({ applicant: applicantFactory({ matchYear: 2034, graduation: "2024-06-30" }) }),
      NOW,
    );
    expect(risks.map((risk) => risk.code)).toContain("MATCH_YEAR_IMPLAUSIBLE");
  });
});
