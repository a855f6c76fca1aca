import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";

/**
 * An interview's reminder says its start in both zones and what to prepare; "Your next steps" then
 * listed the same interview again, word for word. Kwame (Accra, 2027 Match, registered) adds two
 * virtual interviews: the email the day before the first leads with it, and lists only the second.
 */
const input = inputFactory({
  applicant: applicantFactory({ fullName: "Kwame Mensah", timezone: "Africa/Accra", matchYear: 2027 }),
  milestones: doneMilestones(REGISTERED_KEYS, "2026-09-10"),
  interviews: [
    interviewFactory({
      id: "iv-first",
      program: "Lakeside Internal Medicine",
      startsAt: "2026-12-15T09:00:00-06:00",
      timezone: "America/Chicago",
    }),
    interviewFactory({
      id: "iv-second",
      program: "Harbor Family Medicine",
      startsAt: "2026-12-16T10:00:00-05:00",
      timezone: "America/New_York",
    }),
  ],
});

describe("an interview's reminder and the next steps below it", () => {
  it("lists the interview the email is about once, and another interview still", () => {
    const planned = plan(input, seasonCalendar(2027), new Date("2026-12-13T12:00:00Z"));
    const prep = planned.reminders.filter((reminder) => reminder.rung === "interview-prep-1d");
    const firstAt = prep.map((reminder) => reminder.sendAt).sort()[0];
    const first = prep.filter((reminder) => reminder.sendAt === firstAt);
    expect(first.length).toBe(1);
    const email = renderReminderEmail({
      recipientName: "Kwame Mensah",
      reminders: first,
      plan: planned,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: "Africa/Accra",
      milestones: input.milestones,
    });
    const [above = "", below = ""] = email.text.split("Your next steps:");
    expect(above).toContain("Prepare for your virtual interview with Lakeside Internal Medicine");
    expect(below).not.toContain("Lakeside Internal Medicine");
    expect(below).toContain("Harbor Family Medicine");
  });
});
