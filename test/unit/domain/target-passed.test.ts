import { describe, expect, it } from "vitest";
import { TARGET_PASSED_RUNG } from "#domain/planner/target-passed.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An exam registered but not booked (in progress, no date) whose target has passed
 * heard nothing until the hard deadline's ladder began six weeks later, and no risk said so.
 * Our applicant: a 2027 Match graduate in Dhaka, everything before ERAS done but Step 2 CK.
 */
const DONE = doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine"]);

function dhaka(
  open: MilestoneEntry,
  pathway = milestoneFactory("ecfmg_pathway", "done", "2026-05-01"),
): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Dhaka", matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [...DONE, pathway, open],
  });
}
const planAt = (input: PlannerInput, now: string) => plan(input, seasonCalendar(2027), new Date(now));
// 1 Oct 2026, 12:00 in Dhaka: Step 2 CK's target (late August) has passed, its deadline (late January) is ahead.
const OCTOBER = "2026-10-01T06:00:00Z";

describe("an exam not booked after its target has passed", () => {
  describe.each([
    [
      "Step 2 CK registered, not booked",
      "usmle_step2ck",
      milestoneFactory("ecfmg_pathway", "done", "2026-05-01"),
      "not booked yet",
      "Book a test date now",
    ],
    [
      "the Pathway not started",
      "ecfmg_pathway",
      milestoneFactory("ecfmg_pathway", "not_started"),
      "not submitted",
      "Submit it now",
    ],
  ] as const)("%s", (_label, key, pathway, missing, act) => {
    const input = dhaka(milestoneFactory("usmle_step2ck", "in_progress"), pathway);
    const result = planAt(input, OCTOBER);
    const step = result.nextSteps.find((each) => each.milestone === key);

    it("raises a TARGET_PASSED warning naming the step, its target day and the latest day", () => {
      expect(step?.target?.at !== undefined && step.target.at < OCTOBER).toBe(true);
      const risk = result.risks.find((each) => each.code === "TARGET_PASSED");
      expect(risk?.severity).toBe("warning");
      expect(risk?.milestones).toContain(key);
      expect(risk?.message).toContain(`it is ${missing}`);
      expect(risk?.message).toContain(act);
      expect(risk?.message).toMatch(/latest day that still works is \w{3} \d+ (Dec 2026|Jan 2027)/);
      expect(risk?.sources?.some((source) => source.startsWith("target:"))).toBe(true);
    });

    it("sends one notice at the next delivery slot, before any rung of the hard deadline", () => {
      const own = result.reminders.filter((each) => each.milestone === key);
      expect(own[0]?.rung).toBe(TARGET_PASSED_RUNG);
      expect(own[0]?.sendAtLocal).toBe("2026-10-02T09:00:00.000+06:00");
      expect(own.filter((each) => each.rung === TARGET_PASSED_RUNG)).toHaveLength(1);
      expect(own[0]?.why).toContain(act);
      expect(own[0]?.deadline).toBe(step?.dueBy);
    });

    it("keeps the notice's id from one day to the next, so the ledger sends it once", () => {
      const nextDay = planAt(input, "2026-10-02T06:00:00Z");
      const first = result.reminders.find(
        (each) => each.rung === TARGET_PASSED_RUNG && each.milestone === key,
      );
      const again = nextDay.reminders.find(
        (each) => each.rung === TARGET_PASSED_RUNG && each.milestone === key,
      );
      expect(again?.id).toBe(first?.id);
    });
  });

  it("says nothing once the exam is booked ahead, or before the target passes", () => {
    const booked = planAt(dhaka(milestoneFactory("usmle_step2ck", "scheduled", "2026-11-20")), OCTOBER);
    const early = planAt(dhaka(milestoneFactory("usmle_step2ck", "in_progress")), "2026-06-01T06:00:00Z");
    for (const result of [booked, early]) {
      expect(result.risks.map((risk) => risk.code)).not.toContain("TARGET_PASSED");
      expect(result.reminders.map((reminder) => reminder.rung)).not.toContain(TARGET_PASSED_RUNG);
    }
  });

  it("leaves a step EXAMS_LATE_FOR_RANKING already names to that risk (one warning per step)", () => {
    // 30 Nov: too little time left for the usual preparation, so the ranking risk speaks.
    const result = planAt(dhaka(milestoneFactory("usmle_step2ck", "in_progress")), "2026-11-30T06:00:00Z");
    expect(result.risks.map((risk) => risk.code)).toContain("EXAMS_LATE_FOR_RANKING");
    expect(result.risks.map((risk) => risk.code)).not.toContain("TARGET_PASSED");
    const step2ck = result.reminders.filter((each) => each.milestone === "usmle_step2ck");
    expect(step2ck[0]?.rung).toBe(TARGET_PASSED_RUNG);
  });
});
