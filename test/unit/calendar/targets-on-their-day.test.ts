import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * The target of a step that also has a deadline (OET target Wed 11 Aug 2027,
 * deadline in November) was only a line inside the deadline event, so August showed nothing about
 * the date the emails push towards. The issue asks for "every deadline and target date": while
 * ahead, the target is its own all-day event (`<step>.target`) carrying the reminders that count
 * down to it; the deadline event keeps its own.
 */
describe("a step with a deadline and a target ahead", () => {
  // Ada: Match 2028 from Lagos, read on 12 May 2027.
  const applicant = applicantFactory({ matchYear: 2028, timezone: "Africa/Lagos" });
  const now = "2027-05-12T08:00:00.000Z";
  const thePlan = plan(
    {
      applicant,
      milestones: [milestoneFactory("wdoms_listing", "done", "2026-10-01")],
      interviews: [],
    },
    seasonCalendar(2028),
    new Date(now),
  );
  const feed = renderApplicantFeed({
    applicantId: "a_ada",
    timezone: applicant.timezone,
    plan: thePlan,
    interviews: [],
    updatedAt: now,
  });
  const events = new ICAL.Component(ICAL.parse(feed))
    .getAllSubcomponents("vevent")
    .map((vevent) => new ICAL.Event(vevent));
  const byUid = (uid: string) => events.find((event) => event.uid === uid);
  const alarmInstants = (event: ICAL.Event | undefined) =>
    (event?.component.getAllSubcomponents("valarm") ?? [])
      .map((alarm) => (alarm.getFirstPropertyValue("trigger") as ICAL.Time).toJSDate().toISOString())
      .sort();
  const both = thePlan.nextSteps.filter(
    (step) =>
      step.deadline !== undefined &&
      step.target !== undefined &&
      Date.parse(step.target.at) > Date.parse(now),
  );

  it("has such steps (precondition)", () => {
    expect(both.map((step) => step.milestone)).toEqual(expect.arrayContaining(["oet_medicine"]));
  });

  it("puts each target ahead on its own day, all day, in the applicant's zone", () => {
    for (const step of both) {
      const event = byUid(`a_ada.${step.milestone}.target@matchpath`);
      expect(event, step.milestone).toBeDefined();
      expect(event?.startDate.isDate).toBe(true);
      expect(event?.startDate.toString()).toBe(step.target?.day);
      expect(event?.summary).toContain(`Aim to finish: ${step.title}`);
      expect(event?.description).toContain("a target, not a deadline");
    }
    expect(byUid("a_ada.oet_medicine.target@matchpath")?.startDate.toString()).toBe("2027-08-11");
  });

  it("alarms the target's reminders on the target event and the deadline's on the deadline event, each once", () => {
    for (const step of both) {
      const mine = (kind: "target" | undefined) =>
        thePlan.reminders
          .filter(
            (reminder) =>
              reminder.milestone === step.milestone &&
              reminder.interviewId === undefined &&
              reminder.countsDownTo === kind &&
              // An email the plan sends at its own instant is no alarm.
              Date.parse(reminder.sendAt) > Date.parse(now),
          )
          .map((reminder) => new Date(reminder.sendAt).toISOString())
          .sort();
      expect(alarmInstants(byUid(`a_ada.${step.milestone}.target@matchpath`)), step.milestone).toEqual(
        mine("target"),
      );
      expect(alarmInstants(byUid(`a_ada.${step.milestone}.deadline@matchpath`)), step.milestone).toEqual(
        mine(undefined),
      );
    }
  });

  it("has no target event once the target has passed, and the deadline event takes its alarms back", () => {
    // The same plan read after the OET target (11 Aug 2027) and before its deadline.
    const afterTarget = { ...thePlan, now: "2027-08-20T08:00:00.000Z" };
    const laterFeed = renderApplicantFeed({
      applicantId: "a_ada",
      timezone: applicant.timezone,
      plan: afterTarget,
      interviews: [],
      updatedAt: now,
    });
    expect(laterFeed).toContain("a_ada.oet_medicine.deadline@matchpath");
    expect(laterFeed).not.toContain("a_ada.oet_medicine.target@matchpath");
  });
});
