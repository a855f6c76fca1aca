import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * A target (advice) read as an odd local time ("aim to finish by Wed 27 Jan 2027,
 * 10:00 PM GMT+8"). A target is a day in the applicant's own zone; hard deadlines keep their time.
 * Our applicant: a 2028 Match starter in Manila with only the WDOMS check done.
 */
describe("a target is a day, a deadline an instant", () => {
  const input = inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear: 2028, graduation: "2027-06-30" }),
    milestones: doneMilestones(["wdoms_listing"]),
  });
  const result = plan(input, seasonCalendar(2028), new Date("2026-11-30T20:00:00Z"));
  const step1 = result.nextSteps.find((step) => step.milestone === "usmle_step1");

  it("gives every catalog target day precision: the date alone, in the applicant's zone and ET", () => {
    const targets = result.nextSteps.flatMap((step) => (step.target === undefined ? [] : [step.target]));
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) {
      expect(target.precision).toBe("day");
      expect(target.local).toMatch(/^\w{3} \d{1,2} \w{3} \d{4}$/);
      expect(target.et).toMatch(/^\w{3} \d{1,2} \w{3} \d{4}$/);
      expect(target.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(step1?.target?.local).toBe("Tue 27 Apr 2027");
  });

  it("names the day in the applicant's zone: the day the target instant falls on there", () => {
    const at = Date.parse(step1?.target?.at ?? "");
    const manilaDay = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(step1?.target?.day).toBe(manilaDay);
  });

  it("keeps a hard deadline exact, with its time and zone; an exam's last sitting day is a day", () => {
    const application = result.nextSteps.find((step) => step.milestone === "ecfmg_application");
    expect(application?.deadline?.precision).toBeUndefined();
    expect(application?.deadline?.local).toMatch(/\d{1,2}:\d{2} (AM|PM) GMT\+8$/);
    expect(application?.deadline?.et).toMatch(/ET$/);
    // Step 1's deadline is Step 2 CK's latest start (the exam chain), a day as every exam's is.
    expect(step1?.deadline).toMatchObject({ precision: "day", local: "Tue 28 Sep 2027", day: "2027-09-28" });
  });

  it("lays the target's reminders against the same day-precision date", () => {
    const toTarget = result.reminders.filter((reminder) => reminder.countsDownTo === "target");
    expect(toTarget.length).toBeGreaterThan(0);
    for (const reminder of toTarget) expect(reminder.deadlineDetail.precision).toBe("day");
  });
});
