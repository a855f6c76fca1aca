import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// An early starter aiming at the 2028 Match whose ECFMG application went in on Mon 1 Mar 2027, five
// weeks after its target: Step 1's target moves from Tue 27 Apr 2027 to 90 days after that day, Sun
// 30 May 2027. For weeks the plan says "aim for Sun 30 May"; once that day passes, Step 1 read
// "target passed Tue 27 Apr 2027" again, with the old day's follow-ups. The moved day is her target:
// it is the one that passed.

const planIn = (timezone: string, now: string): Plan =>
  planFor(
    inputFactory({
      applicant: applicantFactory({ timezone, matchYear: 2028, visa: "J-1", graduation: "2026-06-30" }),
      milestones: [
        milestoneFactory("wdoms_listing", "done"),
        milestoneFactory("ecfmg_application", "done", "2027-03-01"),
      ],
    }),
    now,
  );
const step1Of = (plan: Plan) => plan.nextSteps.find((step) => step.milestone === "usmle_step1");
const riskOf = (plan: Plan, code: string) => plan.risks.find((risk) => risk.code === code);

describe("a Step 1 target moved by a late application keeps its moved day once that day passes", () => {
  it("aims Step 1 at the moved day while it is ahead (20 May)", () => {
    const may = planIn("Asia/Karachi", "2027-05-20T10:00:00Z");
    expect(step1Of(may)?.target?.local).toBe("Sun 30 May 2027");
    expect(riskOf(may, "TARGETS_SLIPPED")?.message).toContain(
      "USMLE Step 1: aim for Sun 30 May 2027 instead of Tue 27 Apr 2027",
    );
  });

  it.each([
    ["Asia/Karachi", "2027-06-02T10:00:00Z"],
    ["Pacific/Auckland", "2027-06-02T10:00:00Z"], // 10:00 PM on Wed 2 Jun there
    ["Pacific/Honolulu", "2027-06-02T20:00:00Z"],
  ])("in %s, once it has passed (%s), says the moved day passed, never the day it replaced", (zone, now) => {
    const june = planIn(zone, now);
    expect(step1Of(june)?.target?.local).toBe("Sun 30 May 2027");
    expect(riskOf(june, "TARGET_PASSED")?.message).toContain(
      "Your target for USMLE Step 1 was Sun 30 May 2027",
    );
    const followUps = june.reminders.filter(
      (reminder) =>
        reminder.milestone === "usmle_step1" &&
        (reminder.rung === "target-passed" || reminder.rung === "after-target"),
    );
    expect(followUps.length).toBeGreaterThan(0);
    for (const reminder of followUps) {
      expect(reminder.why).toContain("Sun 30 May 2027");
      expect(reminder.why).not.toContain("27 Apr 2027");
    }
    const slipped = riskOf(june, "TARGETS_SLIPPED")?.message ?? "";
    expect(slipped).not.toContain("27 Apr 2027, has passed");
    expect(slipped).not.toContain("aim for Sun 30 May 2027");
    expect(slipped).toContain(
      "your USMLE Step 1 is not done yet and its target, Sun 30 May 2027, has passed",
    );
  });
});

describe("a target moved by an application that went in names the day it went in", () => {
  it("counts Step 1's 90 days from the day the application went in, not from a submission still to come", () => {
    const message = riskOf(planIn("Asia/Karachi", "2027-05-20T10:00:00Z"), "TARGETS_SLIPPED")?.message;
    expect(message).toContain(
      "USMLE Step 1: aim for Sun 30 May 2027 instead of Tue 27 Apr 2027 (32 days later), 90 days after your Application for ECFMG Certification went in on Mon 1 Mar 2027.",
    );
    expect(message).not.toContain("after you submit");
  });
});
