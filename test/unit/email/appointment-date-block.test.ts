import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "../domain/factories.ts";

// An exam day or a consular visa interview is an appointment the applicant booked, not a deadline.
// On the morning of a J-1 visa interview booked after the plan's visa date (Lagos, Fri 25 Jun 2027, in the start's last week),
// the interview is the step's one date: the email's date block read "The date you gave us. The
// deadline is Fri 25 Jun 2027", calling the interview itself a deadline.

const calendar = seasonCalendar(2027);

describe("the email on the morning of a J-1 visa interview booked late", () => {
  const result = plan(
    matched2027("Africa/Lagos", {
      extra: [
        milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
        milestoneFactory("contract", "done", "2027-03-26"),
        milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
        milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
        milestoneFactory("j1_ds2019", "done", "2027-05-10"),
        milestoneFactory("visa_j1", "scheduled", "2027-06-25"),
      ],
    }),
    calendar,
    new Date("2027-06-24T23:30:00Z"),
  );
  const notice = result.reminders.filter(
    (reminder) => reminder.milestone === "visa_j1" && reminder.countsDownTo === "own-date",
  );

  it("calls the interview an appointment, never a deadline", () => {
    expect(notice.length).toBeGreaterThan(0);
    const email = renderReminderEmail({
      recipientName: "Hira Siddiqui",
      reminders: notice.slice(0, 1),
      plan: result,
      unsubscribeUrl: "https://api.example.org/u",
    });
    expect(email.text).toContain("Your date: Fri 25 Jun 2027");
    expect(email.text).toContain("The day you booked: an appointment to keep, not a deadline.");
    expect(email.text).not.toContain("The deadline is Fri 25 Jun 2027");
  });
});
