import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import { comingEmailsHtml } from "#pages/timeline-sections.ts";
import { matched2027, milestoneFactory } from "../domain/factories.ts";

/**
 * A matched J-1 applicant in Auckland sent their J-1 sponsorship (1 Apr 2027) and never reported
 * the certificate; the DS-2019, which waits for it, was planned for Mon 17 May 2027 (our advice).
 * Days later (from Tue 25 May the visa steps' critical notice leads: a DS-2019 still to come would
 * put the visa in the start's last week), every channel gives the certificate that one day, overdue
 * since it: the weekly email's subject, its item and its why, the timeline's next emails and the
 * calendar feed's deadline event, never the visa's own date (Wed 16 Jun) as the certificate's.
 */
const input = matched2027("Pacific/Auckland", {
  extra: [
    milestoneFactory("contract", "done", "2027-03-26"),
    milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
    milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-01"),
  ],
});
const NOW = "2027-05-19T21:00:00.000Z"; // Thu 20 May 9:00 AM in Auckland, a chase slot
const planned = plan(input, seasonCalendar(2027), new Date(NOW));
const chase = planned.reminders.filter((reminder) => reminder.milestone === "ecfmg_certification");

describe("the certificate the DS-2019 waits for, days past the DS-2019's day", () => {
  it("its weekly email is overdue since Mon 17 May in the subject, the item and the why", () => {
    const first = chase[0];
    expect(first?.sendAt).toBe(NOW);
    const email = renderReminderEmail({
      recipientName: "Aroha",
      reminders: first === undefined ? [] : [first],
      plan: planned,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(email.subject).toBe("Receive ECFMG certification: overdue since Mon 17 May 2027 (our advice)");
    expect(email.text).toContain("Overdue since: Mon 17 May 2027 (our advice, not set by any authority)");
    expect(email.text).toContain("your DS-2019, planned for Mon 17 May 2027 (our advice), waits for it");
    expect(email.text).not.toMatch(/^\s+Due/m);
  });

  it("the timeline's next emails and the calendar feed's deadline name the same day", () => {
    const html = comingEmailsHtml({
      firstName: "Aroha",
      timezone: "Pacific/Auckland",
      plan: planned,
      links: { preferences: "https://example.org/preferences" } as ApplicantLinks,
      comingReminders: chase.slice(0, 2),
    });
    expect(html).toContain("Receive ECFMG certification (overdue since Mon 17 May 2027, our advice)");
    expect(html).not.toContain("16 Jun");
    const feed = renderApplicantFeed({
      applicantId: "a_test",
      timezone: "Pacific/Auckland",
      plan: planned,
      interviews: [],
      updatedAt: NOW,
    });
    const deadline = new ICAL.Component(ICAL.parse(feed))
      .getAllSubcomponents("vevent")
      .map((component) => new ICAL.Event(component))
      .find((event) => event.uid === "a_test.ecfmg_certification.deadline@matchpath");
    expect(deadline?.startDate.toString()).toBe("2027-05-17");
  });
});
