import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { RISK_CODES } from "#domain/risk-codes.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { RISK_TITLES } from "#usecases/escalation.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An ECFMG certificate reported done beside a Step 2 CK whose latest score on file is below the
 * passing score (facts.md: 218 for exams from 1 Jul 2025, secondary). ECFMG certifies only after
 * Step 1 and Step 2 CK are passed (facts.md §3, official), so one report is out of date; most likely
 * a later, passing attempt was never recorded. The plan asks (a warning), never refuses, and keeps
 * the certificate as reported. Dhaka, 5 Dec 2026, every step but the rank order list done.
 */
const NOW = new Date("2026-12-05T04:00:00Z");
const DONE: readonly MilestoneEntry[] = [
  milestoneFactory("wdoms_listing", "done", "2025-01-10"),
  milestoneFactory("ecfmg_application", "done", "2025-02-01"),
  milestoneFactory("usmle_step1", "done", "2025-09-20"),
  milestoneFactory("oet_medicine", "done", "2026-06-10"),
  milestoneFactory("ecfmg_pathway", "done", "2026-08-01"),
  milestoneFactory("eras_token", "done", "2026-06-20"),
  milestoneFactory("eras_application", "done", "2026-09-10"),
  milestoneFactory("nrmp_registration", "done", "2026-10-01"),
];

function planWith(score: number, certificate: MilestoneEntry["status"]): Plan {
  const input = inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Dhaka", matchYear: 2027, visa: "J-1" }),
    milestones: [
      ...DONE,
      { ...milestoneFactory("usmle_step2ck", "done", "2026-03-10"), score },
      milestoneFactory("ecfmg_certification", certificate, certificate === "done" ? "2026-05-20" : undefined),
    ],
  });
  return plan(input, seasonCalendar(2027), NOW);
}
const besideFailing = (result: Plan) =>
  result.risks.filter((risk) => risk.code === "CERTIFICATE_BESIDE_FAILING_SCORE");

describe("an ECFMG certificate done beside a failing Step 2 CK score is asked about", () => {
  it("raises a warning naming the exam and its score, and keeps the certificate done", () => {
    const result = planWith(205, "done");
    const [risk, ...more] = besideFailing(result);
    expect(more).toEqual([]);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(["ecfmg_certification", "usmle_step2ck"]);
    expect(risk?.message).toContain("your latest Step 2 CK score on file, 205, is below the passing score");
    expect(risk?.message).toContain("ECFMG certifies only after Step 1 and Step 2 CK are passed");
    expect(risk?.sources?.some((source) => source.includes("ecfmg.org"))).toBe(true);
    // Not a refusal: the certificate stays done, and the failing score keeps its own risk.
    const open = [...result.nextSteps, ...result.blocked, ...result.overdue].map((step) => step.milestone);
    expect(open).not.toContain("ecfmg_certification");
    expect(result.risks.map((each) => each.code)).toContain("SCORE_BELOW_PASSING");
  });

  it("speaks to the advisor: ask which attempt passed", () => {
    const [risk] = besideFailing(planWith(205, "done"));
    expect(risk).toBeDefined();
    const said = riskForAdvisor(risk as NonNullable<typeof risk>, {
      fullName: "Nasir Ahmed",
      matchYear: 2027,
      visa: "J-1",
    });
    expect(said).toMatch(/^Nasir Ahmed reported the ECFMG certificate done.*ask which attempt passed/);
    expect(said).toContain("What Nasir Ahmed's plan tells them now:");
    expect(RISK_TITLES.CERTIFICATE_BESIDE_FAILING_SCORE).toMatch(/ECFMG certificate.*failing/);
    expect(RISK_CODES).toContain("CERTIFICATE_BESIDE_FAILING_SCORE");
  });

  it.each([
    { score: 245, certificate: "done" as const, why: "a passing score" },
    { score: 205, certificate: "not_started" as const, why: "no certificate reported" },
  ])("says nothing with $why", ({ score, certificate }) => {
    expect(besideFailing(planWith(score, certificate))).toEqual([]);
  });
});
