import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import type { Plan } from "#domain/plan.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// A Karachi student aiming at the 2028 Match on a J-1, the school's listing checked and nothing
// else: the ECFMG application is never reported. Its target (Wed 27 Jan 2027) passes, so Step 1's
// target moves with it (about 90 days after the application); then Step 1's old target (Tue 27 Apr
// 2027) passes too. An email of 21 May 2027 said in one item "your target date has passed" (Step 1's
// old day) and "your target moved with it" (no day): one story is told, the target moved, to a day.

const ZONE = "Asia/Karachi";
const input = inputFactory({
  applicant: applicantFactory({ timezone: ZONE, matchYear: 2028, visa: "J-1", graduation: "2026-06-30" }),
  milestones: [milestoneFactory("wdoms_listing", "done")],
});
const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);
const passedRungs = (result: Plan, key: string) =>
  result.reminders.filter(
    (reminder) =>
      reminder.milestone === key && (reminder.rung === "target-passed" || reminder.rung === "after-target"),
  );

describe("a target that moved with a late prerequisite is told as moved, to a day", () => {
  const may = planFor(input, "2027-05-20T10:00:00Z");
  const step1 = stepOf(may, "usmle_step1");

  it("shows Step 1's moved target as a day on its row and card, not the old one", () => {
    // 20 May + 90 days: the day the target reads today, a day later each day the application waits.
    expect(step1?.target?.local).toBe("Wed 18 Aug 2027");
    expect(step1?.target?.basis).toBe("advice");
    expect(step1?.action).toContain(
      "about 90 days after your Application for ECFMG Certification (your target moved with it, to Wed 18 Aug 2027: counted from today, a day later for each day your Application for ECFMG Certification waits)",
    );
  });

  it("follows Step 1 up as a target that moved, never as one that passed", () => {
    const rungs = passedRungs(may, "usmle_step1");
    expect(rungs.length).toBeGreaterThan(0);
    for (const reminder of rungs) {
      expect(reminder.title).toBe("Pass USMLE Step 1: your target moved later");
      expect(reminder.why).toContain("Your target for USMLE Step 1 was Tue 27 Apr 2027; it moved with");
      expect(reminder.why).toContain("Wed 18 Aug 2027 (our advice), counted from today");
      expect(reminder.why).not.toContain("it is not started");
    }
    // None of Step 1's reminders counts down to a day that moves.
    const aimed = may.reminders.filter(
      (reminder) => reminder.milestone === "usmle_step1" && reminder.countsDownTo === "target",
    );
    expect(aimed).toEqual([]);
  });

  it("moves Step 2 CK behind Step 1's moved day, said the same way", () => {
    const step2 = stepOf(may, "usmle_step2ck");
    expect(step2?.target?.local).toBe("Thu 16 Dec 2027");
    expect(step2?.action).toContain(
      "about 120 days after your USMLE Step 1 (your target moved with it, to Thu 16 Dec 2027",
    );
  });

  it("puts the moved day in the calendar feed as Step 1's aim", () => {
    const feed = renderApplicantFeed({
      applicantId: "a_karachi",
      timezone: ZONE,
      plan: may,
      interviews: [],
      updatedAt: may.now,
    });
    const target = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents("vevent")
      .map((vevent) => new ICAL.Event(vevent))
      .find((event) => event.uid === "a_karachi.usmle_step1.target@matchpath");
    expect(target?.startDate.toString()).toBe("2027-08-18");
  });

  it("tells the application, whose own target passed with nothing before it late, that it passed, not moved", () => {
    const april = planFor(input, "2027-04-19T10:00:00Z");
    const application = stepOf(april, "ecfmg_application");
    expect(application?.action).not.toContain("moved with it");
    const rungs = passedRungs(april, "ecfmg_application");
    expect(rungs.length).toBeGreaterThan(0);
    for (const reminder of rungs)
      expect(reminder.title).toBe(
        "Submit the Application for ECFMG Certification: your target date has passed",
      );
  });

  it("before Step 1's old day has passed, shows the moved day and lays no passed-target notice for Step 1", () => {
    const march = planFor(input, "2027-03-01T10:00:00Z");
    expect(stepOf(march, "usmle_step1")?.target?.local).toBe("Sun 30 May 2027");
    expect(passedRungs(march, "usmle_step1").filter((reminder) => reminder.sendAt < "2027-04-27")).toEqual(
      [],
    );
  });

  it.each([
    ["Pacific/Auckland", "2027-05-20T21:00:00Z", "Thu 19 Aug 2027"], // 09:00 on Fri 21 May there
    ["Africa/Lagos", "2027-05-20T10:00:00Z", "Wed 18 Aug 2027"],
    ["America/Los_Angeles", "2027-05-21T05:00:00Z", "Wed 18 Aug 2027"], // 10:00 PM on Thu 20 May there
  ])("in %s counts the moved day from the applicant's own today (%s)", (timezone, now, day) => {
    const there = inputFactory({
      applicant: applicantFactory({ timezone, matchYear: 2028, visa: "J-1", graduation: "2026-06-30" }),
      milestones: [milestoneFactory("wdoms_listing", "done")],
    });
    const result = planFor(there, now);
    expect(stepOf(result, "usmle_step1")?.target?.local).toBe(day);
    for (const reminder of passedRungs(result, "usmle_step1"))
      expect(reminder.why).toContain(`${day} (our advice)`);
  });

  it("once the application is reported in (21 May), aims Step 1 at 90 days after that day, never at the old passed day", () => {
    const submitted = inputFactory({
      applicant: applicantFactory({ timezone: ZONE, matchYear: 2028, visa: "J-1", graduation: "2026-06-30" }),
      milestones: [
        milestoneFactory("wdoms_listing", "done"),
        milestoneFactory("ecfmg_application", "done", "2027-05-21"),
      ],
    });
    const june = planFor(submitted, "2027-06-01T05:00:00Z");
    expect(stepOf(june, "usmle_step1")?.target?.local).toBe("Thu 19 Aug 2027");
    expect(passedRungs(june, "usmle_step1")).toEqual([]);
    expect(june.risks.find((risk) => risk.code === "TARGET_PASSED")?.milestones ?? []).not.toContain(
      "usmle_step1",
    );
    expect(june.risks.find((risk) => risk.code === "TARGETS_SLIPPED")?.message).toContain(
      "your Application for ECFMG Certification went in on Fri 21 May 2027, after its target, Wed 27 Jan 2027",
    );
  });

  it("moves nothing from a waived application's day: nothing went in then", () => {
    const waived = inputFactory({
      applicant: applicantFactory({ timezone: ZONE, matchYear: 2028, visa: "J-1", graduation: "2026-06-30" }),
      milestones: [
        milestoneFactory("wdoms_listing", "done"),
        milestoneFactory("ecfmg_application", "waived", "2027-05-21"),
      ],
    });
    const june = planFor(waived, "2027-06-01T05:00:00Z");
    expect(stepOf(june, "usmle_step1")?.target?.local).not.toBe("Thu 19 Aug 2027");
    expect(june.risks.find((risk) => risk.code === "TARGETS_SLIPPED")?.message ?? "").not.toContain(
      "went in on",
    );
  });
});
