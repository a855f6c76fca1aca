import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import {
  applicantFactory,
  doneMilestones,
  interviewFactory,
  PRE_ERAS_KEYS,
} from "#test/unit/domain/factories.ts";

/**
 * Lena (Europe/Berlin, 2028 Match), an in-person interview at Rush
 * University IM on Thu 20 Jan 2028, 9:00 AM in Chicago. The timeline said "Due Thu 20 Jan 2028,
 * 4:00 PM GMT+1 (your time) · Thu 20 Jan 2028, 10:00 AM ET" (an interview is an event, and ET is
 * neither her zone nor the program's); the feed's alarms on the interview said "due", and one
 * fired on 21 Jan, after the interview's start, for the thank-you note.
 */
const ZONE = "Europe/Berlin";
const interview = interviewFactory({
  id: "rush-im-1",
  program: "Rush University IM",
  startsAt: "2028-01-20T09:00:00-06:00",
  timezone: "America/Chicago",
  format: "in_person",
});
const input = {
  applicant: applicantFactory({ matchYear: 2028, timezone: ZONE, fullName: "Lena Tester" }),
  // In reach of its Match: a dropped Match's interviews get no reminders.
  milestones: doneMilestones(PRE_ERAS_KEYS),
  interviews: [interview],
};
const START = Date.parse("2028-01-20T15:00:00Z");

function card(now: Date, title: string): string {
  const html =
    timelinePage({
      firstName: "Lena",
      timezone: ZONE,
      plan: plan(input, seasonCalendar(2028), now),
      interviews: [interview],
      links: applicantLinks({
        baseUrl: "https://api.example.org",
        keyring: parseKeyring(`k1=${"s".repeat(40)}`),
        applicantId: "a_lena",
        feedGeneration: 0,
        now,
      }),
      comingReminders: [],
    }).body ?? "";
  return new RegExp(`<li>\\s*<h3>${title}[\\s\\S]*?</li>`).exec(html)?.[0] ?? "";
}

describe("an interview is an event, not a deadline", () => {
  const now = new Date("2028-01-10T08:00:00Z");

  it("the timeline says when it starts, in the program's zone (in person) and hers, never 'Due' or ET", () => {
    const prep = card(now, "Prepare for your in-person interview with Rush University IM");
    expect(prep).toContain(
      "Starts <strong>Thu 20 Jan 2028, 9:00 AM CST</strong> (at the program) · Thu 20 Jan 2028, 4:00 PM GMT+1 (your time)",
    );
    expect(prep).not.toMatch(/>Due /);
    expect(prep).not.toContain(" ET");
  });

  it("the thank-you card after the interview gives no ET time either", () => {
    const thanks = card(new Date("2028-01-20T18:00:00Z"), "Thank Rush University IM for the interview");
    expect(thanks).not.toBe("");
    expect(thanks).not.toContain(" ET");
  });

  it("the feed's interview alarms say 'starts' and none fires after the interview starts", () => {
    const thePlan = plan(input, seasonCalendar(2028), now);
    const feed = renderApplicantFeed({
      applicantId: "a_lena",
      timezone: ZONE,
      plan: thePlan,
      interviews: [interview],
      updatedAt: "2028-01-10T08:00:00.000Z",
    });
    const component = new ICAL.Component(ICAL.parse(feed));
    const event = component
      .getAllSubcomponents("vevent")
      .find((vevent) => String(vevent.getFirstPropertyValue("uid")).includes("interview-rush-im-1"));
    const alarms = event?.getAllSubcomponents("valarm") ?? [];
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      const trigger = alarm.getFirstPropertyValue("trigger") as ICAL.Time;
      expect(trigger.toJSDate().getTime()).toBeLessThan(START);
      const description = String(alarm.getFirstPropertyValue("description"));
      expect(description).toContain("starts Thu 20 Jan 2028, 4:00 PM GMT+1");
      expect(description).not.toMatch(/\bdue\b/i);
    }
    // The thank-you note is sent by email (its reminder), not rung as an alarm after the event.
    expect(thePlan.reminders.some((reminder) => reminder.title.startsWith("Thank Rush"))).toBe(true);
    expect(feed).not.toContain("Thank Rush University IM");
  });
});
