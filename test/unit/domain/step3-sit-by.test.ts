import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

// An H-1B applicant with Step 3 booked for Wed 20 Jan 2027 saw "Pass USMLE
// Step 3 … Due Wed 27 Jan 2027", which reads as the day the pass is needed, though it is the last day
// to sit it (the rank-list deadline minus the scoring time), and nothing said that the result,
// expected about four weeks after the exam, comes after programs start building their rank lists
// (ranking opens), so programs that decide earlier will not see it.

function h1b(step3: ReturnType<typeof milestoneFactory> | undefined) {
  return inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone: "America/Chicago",
      visa: "H-1B",
      graduation: "2024-06-30",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-09-20"),
      milestoneFactory("ecfmg_certification", "done", "2026-11-20"),
      ...(step3 === undefined ? [] : [step3]),
    ],
  });
}

const NOW = "2026-12-01T16:00:00Z";
const step3 = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const step3Risks = (result: Plan) => result.risks.filter((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");

describe("Step 3 for H-1B ranking: sit it by its date, and the result's timing", () => {
  it("a Step 3 not booked yet says plainly to sit it by its date, the last day to take the exam", () => {
    const result = planFor(h1b(undefined), NOW);
    const step = step3(result);
    expect(step?.deadline?.local).toMatch(/^Wed 27 Jan 2027/);
    expect(step?.action).toContain("sit Step 3 by Wed 27 Jan 2027");
    expect(step?.action).toContain("the last day to take the exam, not to have passed it");
  });

  it("a booked Step 3 names the sitting deadline beside the exam day", () => {
    const result = planFor(h1b(milestoneFactory("usmle_step3", "scheduled", "2027-01-20")), NOW);
    // A projected sitting deadline says so.
    expect(step3(result)?.action).toContain("Wed 27 Jan 2027 (our advice), the last day to sit it");
  });

  it("warns when the result expected after the exam comes after ranking opens", () => {
    const result = planFor(h1b(milestoneFactory("usmle_step3", "scheduled", "2027-01-20")), NOW);
    const risks = step3Risks(result);
    expect(risks).toHaveLength(1);
    expect(risks[0]?.severity).toBe("warning");
    // 20 Jan + 28 days of scoring (the catalog's reportingDays) = 17 Feb; ranking opens 15 Jan.
    expect(risks[0]?.message).toContain("Wed 17 Feb 2027");
    expect(risks[0]?.message).toMatch(/Fri 15 Jan 2027/);
    expect(risks[0]?.message).toContain("programs that decide before then will not see your score");
    expect(risks[0]?.sources?.some((source) => source.startsWith("advice:"))).toBe(true);
  });

  it("says nothing more when the result is expected before ranking opens", () => {
    const result = planFor(h1b(milestoneFactory("usmle_step3", "scheduled", "2026-12-10")), NOW);
    expect(step3Risks(result)).toEqual([]);
  });
});
