import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// Tester s11 issue 9e B6: an early starter for the 2028 Match (graduating 2027-06-30, only WDOMS
// done) planned on 1 Mar 2027, the ECFMG application five weeks past its target (Wed 27 Jan 2027):
// Step 1's target stayed Tue 27 Apr 2027 and Step 2 CK's Wed 25 Aug 2027, no risk, although ECFMG's
// approval alone (the 90 days of the application's target rule) puts Step 1 at the end of May.

const DAY = 86_400_000;
const input = inputFactory({
  applicant: applicantFactory({ matchYear: 2028, timezone: "Africa/Lagos", graduation: "2027-06-30" }),
  milestones: [milestoneFactory("wdoms_listing", "done", "2026-10-01")],
});
const step = (result: Plan, key: string) => result.nextSteps.find((next) => next.milestone === key);
const slipped = (result: Plan) => result.risks.find((risk) => risk.code === "TARGETS_SLIPPED");

describe("a missed target moves the targets behind it, and a risk says so (s11 9e B6)", () => {
  const now = "2027-03-01T12:00:00Z";
  const late = planFor(input, now);
  const fresh = planFor(input, "2026-11-30T12:00:00Z");

  it("re-derives Step 1's target from now plus ECFMG's approval, and Step 2 CK's from that", () => {
    const step1 = Date.parse(step(late, "usmle_step1")?.target?.at ?? "");
    const step2ck = Date.parse(step(late, "usmle_step2ck")?.target?.at ?? "");
    expect(step1).toBeGreaterThanOrEqual(Date.parse(now) + 89 * DAY);
    expect(step(late, "usmle_step1")?.target?.local).toBe("Sun 30 May 2027");
    expect(step2ck - step1).toBeGreaterThanOrEqual(119 * DAY);
    expect(step(late, "usmle_step2ck")?.target?.local).toBe("Mon 27 Sep 2027");
  });

  it("keeps the hard deadlines as they are", () => {
    for (const key of ["ecfmg_application", "usmle_step1", "usmle_step2ck"])
      expect(step(late, key)?.dueBy).toBe(step(fresh, key)?.dueBy);
  });

  it("warns that the competitive plan slipped, by how much, and that the Step 2 CK score comes after review starts", () => {
    const risk = slipped(late);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(expect.arrayContaining(["usmle_step1", "usmle_step2ck"]));
    expect(risk?.message).toContain("Wed 27 Jan 2027");
    expect(risk?.message).toContain("Sun 30 May 2027 instead of Tue 27 Apr 2027 (33 days later)");
    expect(risk?.message).toContain("Mon 27 Sep 2027 instead of Wed 25 Aug 2027 (33 days later)");
    expect(risk?.message).toContain("after programs start reviewing ERAS applications on Wed 22 Sep 2027");
    expect(risk?.sources?.some((source) => source.startsWith("advice: ECFMG must approve"))).toBe(true);
  });

  it("changes nothing while every target is still ahead", () => {
    expect(slipped(fresh)).toBeUndefined();
    expect(step(fresh, "usmle_step1")?.target?.local).toBe("Tue 27 Apr 2027");
    expect(step(fresh, "usmle_step2ck")?.target?.local).toBe("Wed 25 Aug 2027");
  });
});
