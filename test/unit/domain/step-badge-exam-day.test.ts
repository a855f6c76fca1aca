import { describe, expect, it } from "vitest";
import { stepStanding } from "#domain/console/overdue.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { stepBadge } from "#domain/step-badge.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Step 2 CK booked for Tue 30 Mar 2027 read "soon" on the console ten days
 * before, and "later" on the exam day itself (the countdown to the day is over, the hard deadline a
 * year away), on the console and on the applicant's own timeline. On the exam day the badge says
 * "soon" at least; the day after, "result pending" as before.
 */
describe("a booked exam's badge on the exam day", () => {
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2028, timezone: "Asia/Karachi" }),
    milestones: [
      milestoneFactory("usmle_step1", "done", "2026-05-01"),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-03-30"),
    ],
  });
  const at = (now: string) => {
    const plan = planFor(input, seasonCalendar(2028), new Date(now));
    const step = plan.nextSteps.find((each) => each.milestone === "usmle_step2ck");
    if (step === undefined) throw new Error("Step 2 CK is not a next step");
    return { plan, step };
  };

  it("ten days before: soon", () => {
    const { step, plan } = at("2027-03-20T00:03:00Z");
    expect(stepBadge(step, plan.now)).toBe("soon");
  });

  it.each([
    ["05:04 in Karachi", "2027-03-30T00:04:00Z"],
    ["23:30 in Karachi", "2027-03-30T18:30:00Z"],
  ])("on the exam day (%s): soon, on the console too", (_, now) => {
    const { step, plan } = at(now);
    expect(stepBadge(step, plan.now)).toBe("soon");
    expect(stepStanding(plan, step).label).toBe("soon");
  });

  it("the day after: result pending", () => {
    const { step, plan } = at("2027-03-31T00:04:00Z");
    expect(stepBadge(step, plan.now)).toBe("result-pending");
  });
});
