import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { renderInterviewInvite } from "#calendar/interview-ics.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory } from "#test/unit/domain/factories.ts";

const SUBSCRIPTION_PROPERTIES = ["x-wr-calname", "x-wr-caldesc", "refresh-interval", "x-published-ttl"];

const interview = {
  id: "mercy-im",
  program: "Mercy Internal Medicine",
  startsAt: "2026-11-12T10:00:00-06:00",
  timezone: "America/Chicago",
  format: "virtual" as const,
};

function calendarProperties(ics: string): string[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllProperties().map((property) => property.name);
}

describe("an interview email's.ics is a one-off invite, not a subscription", () => {
  const thePlan = plan(
    inputFactory({ applicant: applicantFactory({ matchYear: 2027 }) }),
    seasonCalendar(2027),
    new Date("2026-10-01T05:00:00Z"),
  );
  const input = {
    applicantId: "a_road",
    timezone: "Asia/Kolkata",
    plan: thePlan,
    updatedAt: "2026-09-20T08:00:00.000Z",
    organizer: "Matchpath <reminders@example.org>",
  };

  it("carries no calendar name, description or refresh interval; METHOD:PUBLISH and the event stay", () => {
    const ics = renderInterviewInvite({ ...input, interview });
    const properties = calendarProperties(ics);
    for (const name of SUBSCRIPTION_PROPERTIES) expect(properties).not.toContain(name);
    expect(properties).toContain("method");
    const component = new ICAL.Component(ICAL.parse(ics));
    expect(component.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(component.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent).uid)).toEqual([
      "a_road.interview-mercy-im.interview@matchpath",
    ]);
  });

  it("the subscribed feed keeps them", () => {
    const properties = calendarProperties(renderApplicantFeed({ ...input, interviews: [interview] }));
    expect(properties).toEqual(
      expect.arrayContaining(["x-wr-calname", "refresh-interval", "x-published-ttl"]),
    );
  });
});
