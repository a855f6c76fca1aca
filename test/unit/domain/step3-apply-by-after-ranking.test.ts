import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Marisol: Los Angeles, H-1B, 2028 Match, every step to
 * NRMP done, the certificate issued, her rank order list certified on 12 Feb 2028, Step 3 not
 * reported. After ranking Step 3 is due for the petition (sit by Mon 20 Mar 2028, projected); the
 * card and the reminders name the day to apply to FSMB by (the sit-by day less FSMB's ~14 days and
 * the 7-day seat allowance: Mon 28 Feb 2028, projected), and the step is reminded at least weekly
 * to that day, then to the sit-by day. The 2028 calendar, because on 2027's, with the petition due
 * 60 days before the stamping, that apply-by day (Fri 26 Feb 2027) is the rank order list deadline's
 * next day: no day is left between the two to remind her on.
 */
const calendar = seasonCalendar(2028);
const DAY = 86_400_000;
const APPLY_BY_END = Date.parse("2028-02-29T08:00:00Z"); // Tue 29 Feb 2028, 00:00 in Los Angeles
const SIT_BY_END = Date.parse("2028-03-21T07:00:00Z");

function marisol(step3?: ReturnType<typeof milestoneFactory>): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      timezone: "America/Los_Angeles",
      matchYear: 2028,
      graduation: "2025-06-30",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2027-09-15"),
      milestoneFactory("ecfmg_certification", "done", "2025-07-01"),
      milestoneFactory("rank_order_list", "done", "2028-02-12"),
      ...(step3 === undefined ? [] : [step3]),
    ],
  });
}

const step3Of = (result: Plan) => result.nextSteps.find((s) => s.milestone === "usmle_step3");
const step3Reminders = (result: Plan) =>
  result.reminders.filter((r) => r.milestone === "usmle_step3").map((r) => Date.parse(r.sendAt));

function largestGapDays(from: number, sends: readonly number[], until: number): number {
  const points = [from, ...sends.filter((at) => at >= from && at < until).sort((a, b) => a - b)];
  let gap = 0;
  for (let index = 1; index < points.length; index++)
    gap = Math.max(gap, (points[index] as number) - (points[index - 1] as number));
  return gap / DAY;
}

describe("H-1B after ranking: Step 3's apply-to-FSMB-by day", () => {
  const now = new Date("2028-02-24T18:00:00Z");
  const result = plan(marisol(), calendar, now);

  it("the card names the day to apply to FSMB by, projected", () => {
    expect(step3Of(result)?.action).toContain("sit by Mon 20 Mar 2028 (our advice)");
    expect(step3Of(result)?.action).toContain("apply to FSMB by Mon 28 Feb 2028 (our advice)");
  });

  it("a reminder names that day, and the step is reminded at least weekly to it", () => {
    const named = result.reminders.filter(
      (r) => r.milestone === "usmle_step3" && r.title.includes("apply to FSMB by Mon 28 Feb 2028"),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(largestGapDays(now.getTime(), step3Reminders(result), APPLY_BY_END)).toBeLessThanOrEqual(7.1);
    expect(step3Reminders(result).some((at) => at < APPLY_BY_END && at > APPLY_BY_END - 2 * DAY)).toBe(true);
  });

  it("then at least weekly to the sit-by day", () => {
    expect(largestGapDays(now.getTime(), step3Reminders(result), SIT_BY_END)).toBeLessThanOrEqual(7.1);
  });

  it("once the apply-by day has passed, the card does not name it, and reminders stay weekly", () => {
    const later = plan(marisol(), calendar, new Date("2028-03-01T18:00:00Z"));
    expect(step3Of(later)?.action).not.toContain("apply to FSMB by");
    expect(
      largestGapDays(Date.parse("2028-03-01T18:00:00Z"), step3Reminders(later), SIT_BY_END),
    ).toBeLessThanOrEqual(7.1);
  });

  it("a Step 3 booked for a day ahead is not told to apply", () => {
    const booked = plan(marisol(milestoneFactory("usmle_step3", "scheduled", "2028-03-10")), calendar, now);
    expect(step3Of(booked)?.action).not.toContain("apply to FSMB by");
    expect(booked.reminders.some((r) => r.title.includes("apply to FSMB by"))).toBe(false);
  });
});
