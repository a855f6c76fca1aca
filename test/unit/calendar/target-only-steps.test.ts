import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * Steps no authority sets a deadline for (US clinical experience, research, budget) have only a
 * target date, yet get reminder emails: the feed must hold that date and alarm when the emails go
 * out (Fatima's USCE emails of 4 May and 19 Jul 2027 had no alarm and
 * 2 Aug 2027 had no event).
 */
describe("a step with a target date and no deadline", () => {
  // Fatima: Match 2028 from Karachi, her feed read on 2 May 2027.
  const applicant = applicantFactory({ matchYear: 2028, timezone: "Asia/Karachi" });
  const thePlan = plan(
    {
      applicant,
      milestones: [
        milestoneFactory("wdoms_listing", "done", "2026-10-01"),
        milestoneFactory("ecfmg_application", "done", "2026-10-01"),
        milestoneFactory("usmle_step1", "done", "2026-10-01"),
      ],
      interviews: [],
    },
    seasonCalendar(2028),
    new Date("2027-05-02T00:00:00Z"),
  );
  const feed = renderApplicantFeed({
    applicantId: "a_fatima",
    timezone: applicant.timezone,
    plan: thePlan,
    interviews: [],
    updatedAt: "2027-05-02T00:00:00.000Z",
  });
  const events = new ICAL.Component(ICAL.parse(feed))
    .getAllSubcomponents("vevent")
    .map((vevent) => new ICAL.Event(vevent));
  const byUid = (uid: string) => events.find((event) => event.uid === uid);
  const alarmInstants = (event: ICAL.Event | undefined) =>
    (event?.component.getAllSubcomponents("valarm") ?? [])
      .map((alarm) => (alarm.getFirstPropertyValue("trigger") as ICAL.Time).toJSDate().toISOString())
      .sort();

  it("puts US clinical experience's target date in the calendar as an all-day event on her local date", () => {
    const step = thePlan.nextSteps.find((candidate) => candidate.milestone === "usce");
    expect(step?.deadline).toBeUndefined();
    expect(step?.target?.day).toBe("2027-08-02");
    const event = byUid("a_fatima.usce.target@matchpath");
    expect(event?.startDate.isDate).toBe(true);
    expect(event?.startDate.toString()).toBe("2027-08-02");
    expect(event?.summary).toBe(`Aim to finish: ${step?.title}`);
    expect(event?.description).toContain("Aim to finish by Mon 2 Aug 2027: a target, not a deadline.");
    expect(event?.description).toContain("No authority sets a deadline for this step.");
    expect(event?.description).toContain(`Next: ${step?.action}`);
  });

  it("alarms at each of that step's reminder emails, as absolute UTC instants (9:00 AM in Karachi)", () => {
    const sendAts = thePlan.reminders
      .filter((reminder) => reminder.milestone === "usce")
      .map((reminder) => reminder.sendAt)
      .sort();
    expect(sendAts).toEqual(expect.arrayContaining(["2027-05-04T04:00:00.000Z", "2027-07-19T04:00:00.000Z"]));
    expect(alarmInstants(byUid("a_fatima.usce.target@matchpath"))).toEqual(sendAts);
    expect(feed).toMatch(/TRIGGER;VALUE=DATE-TIME:20270504T040000Z/);
  });

  it("gives every reminder email of every step an alarm in the feed", () => {
    const alarmed = new Set(
      events.flatMap((event) => alarmInstants(event).map((at) => `${event.uid.split(".")[1]} ${at}`)),
    );
    const steps = thePlan.reminders.filter((reminder) => reminder.interviewId === undefined);
    expect(steps.length).toBeGreaterThan(10);
    for (const reminder of steps) {
      expect(alarmed, `${reminder.milestone} ${reminder.sendAt}`).toContain(
        `${reminder.milestone} ${new Date(reminder.sendAt).toISOString()}`,
      );
    }
  });

  it("keeps the target event's UID when the target moves (a week later, the same UID)", () => {
    const later = plan(
      { applicant, milestones: [], interviews: [] },
      seasonCalendar(2028),
      new Date("2027-05-09T00:00:00Z"),
    );
    const again = renderApplicantFeed({
      applicantId: "a_fatima",
      timezone: applicant.timezone,
      plan: later,
      interviews: [],
      updatedAt: "2027-05-09T00:00:00.000Z",
    });
    expect(again).toContain("UID:a_fatima.usce.target@matchpath");
  });
});
