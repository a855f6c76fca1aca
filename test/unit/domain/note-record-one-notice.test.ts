import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { riskTitle } from "#usecases/escalation.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A sponsor note reported `false` that the applicant's own approved
 * ECFMG application contradicts is one contradiction: one critical notice (the question, with the
 * gate's words folded in), not two at the same instant; its title names no interview.
 */
describe("a sponsor note false beside an approved ECFMG application", () => {
  it("sends one critical notice, the question, with the gate's words in it", () => {
    const applicant = applicantFactory({
      fullName: "Chidi Okonkwo",
      matchYear: 2027,
      timezone: "Africa/Lagos",
      graduation: "2024-07-31",
      medicalSchool: { name: "Eastern Plains College of Medicine", country: "NG", wdomsSponsorNote: false },
    });
    const result = plan(
      inputFactory({
        applicant,
        milestones: [
          milestoneFactory("wdoms_listing", "done", "2023-02-14"),
          milestoneFactory("ecfmg_application", "done", "2024-03-10"),
        ],
        interviews: [],
      }),
      seasonCalendar(2027),
      new Date("2026-12-05T09:00:00Z"),
    );
    const notices = result.reminders.filter((each) => each.rung === "critical-risk");
    expect(notices.map((each) => each.risk)).toEqual(["ANSWERS_CONTRADICT_RECORD"]);
    const [notice] = notices;
    expect(notice?.title).toContain("sponsor note");
    expect(notice?.title).not.toContain("interview");
    expect(notice?.why).toContain("Also: Your answers say your school has no ECFMG sponsor note");
    // Its own code, and words that name no interview.
    const risk = result.risks.find((each) => each.code === "ANSWERS_CONTRADICT_RECORD");
    if (risk === undefined) throw new Error("no risk");
    expect(riskTitle(risk, result)).not.toContain("interview");
    expect(riskTitle(risk, result).toLowerCase()).toContain("sponsor note");
    const advisor = riskForAdvisor(risk, { fullName: "Chidi Okonkwo", matchYear: 2027, visa: "J-1" });
    expect(advisor.split("What Chidi Okonkwo was told")[0]).not.toContain("interview");
    // An escalation stored before the split, under the interview's code, reads the same.
    const stored = { code: "ANSWERS_CONTRADICT_INTERVIEW" as const, message: risk.message };
    expect(riskTitle(stored, result)).toBe(riskTitle(risk, result));
    expect(riskForAdvisor(stored, { fullName: "Chidi Okonkwo", matchYear: 2027, visa: "J-1" })).toBe(advisor);
  });
});
