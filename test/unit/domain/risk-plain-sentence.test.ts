import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { examsDone, milestoneFactory } from "./factories.ts";

/**
 * Risks as a plain sentence with their provenance apart: the escalation email
 * and the Risks panel quoted the planner's message with its projection rule and raw URLs. The
 * planner now writes the message plain and the provenance in Risk.sources (no stripping anywhere).
 * Real plans, before, during and after a season.
 */
const risksAt = (matchYear: number, now: string) =>
  domainPlanning.plan(
    { profile: profileFactory({ matchYear }), milestones: [], interviews: [], ledger: [] },
    new Date(now),
  ).risks;

// A 2027 applicant within reach who graduates just before residency starts: the certificate is at
// risk (an out-of-reach or finished Match does not raise it).
const lateGraduate = domainPlanning.plan(
  {
    profile: profileFactory({ matchYear: 2027, graduation: "2027-06-20" }),
    milestones: examsDone(),
    interviews: [],
    ledger: [],
  },
  new Date("2026-12-01T12:00:00Z"),
).risks;

// After the 2027 rank order list deadline, for a registered applicant who could have ranked and whose
// SOAP outcome is still awaited: SEASON_OVER (with nothing done the season was out of reach at its
// deadline and stays MATCH_YEAR_NOT_FEASIBLE).
const seasonOver = domainPlanning.plan(
  {
    profile: profileFactory({ matchYear: 2027 }),
    milestones: [...examsDone(), milestoneFactory("nrmp_registration", "done")],
    interviews: [],
    ledger: [],
  },
  new Date("2027-03-25T12:00:00Z"),
).risks;

describe("a risk's plain sentence", () => {
  const risks = [
    ...seasonOver,
    ...risksAt(2027, "2027-07-10T12:00:00Z"),
    ...risksAt(2027, "2026-12-01T12:00:00Z"),
    ...risksAt(2028, "2026-12-01T12:00:00Z"),
    ...lateGraduate,
  ];

  it("keeps no URL and no projection rule, and keeps every source apart", () => {
    expect(risks.map((risk) => risk.code)).toEqual(
      expect.arrayContaining(["SEASON_OVER", "MATCH_YEAR_NOT_FEASIBLE", "CERTIFICATION_AFTER_START"]),
    );
    for (const risk of risks) {
      expect(risk.message, risk.code).not.toMatch(/https?:|Candidates:|a projected date/);
      expect(risk.message.length, risk.code).toBeGreaterThan(40);
      expect(risk.sources?.length, risk.code).toBeGreaterThan(0);
    }
  });

  it("marks a projected date as projected and keeps parentheses that are not provenance", () => {
    const seasonOver = risks.find((risk) => risk.code === "SEASON_OVER");
    const sentence = seasonOver?.message ?? "";
    const sources = seasonOver?.sources ?? [];
    // The planner now names the next Match's deadline, marked "(projected)", its rule in Risk.sources.
    expect(sentence).toMatch(
      /, plan for the 2028 Match, whose rank order list deadline is .* \(projected\)\.$/,
    );
    expect(sentence).toMatch(/\(Wed 24 Feb 2027, 9:00 PM ET\)/);
    expect(sources[0]).toMatch(/^projected: Match Day minus 23 days/);
  });

  it("the advisor's escalation text quotes the plain sentence", () => {
    const seasonOver = risks.find((risk) => risk.code === "SEASON_OVER");
    const text = seasonOver
      ? riskForAdvisor(seasonOver, { fullName: "Ada Obi", matchYear: 2027, visa: "J-1" })
      : "";
    expect(text).toMatch(
      /^The 2027 Match season is over and Ada Obi has no certified rank order list\. What Ada Obi's plan tells them now: “/,
    );
    expect(text).not.toContain("http");
  });
});
