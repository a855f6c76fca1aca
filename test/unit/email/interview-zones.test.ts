import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantFactory, inputFactory, interviewFactory } from "#test/unit/domain/factories.ts";

/**
 * An interview email's headline gave the time in the applicant's zone and in
 * US Eastern, then the program's zone below: three zones for one event, the ET one neither theirs
 * nor the program's. An interview's second zone is the program's own (as the .ics and "Next" give it).
 */
const interview = interviewFactory({
  id: "iv-cook",
  program: "Cook County Internal Medicine",
  startsAt: "2027-05-12T10:00:00-05:00",
  timezone: "America/Chicago",
  format: "virtual",
});
const input = inputFactory({
  applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2028 }),
  interviews: [interview],
});
const thePlan = plan(input, seasonCalendar(2028), new Date("2027-05-11T08:00:00Z"));
const prep = thePlan.reminders.filter(
  (reminder) => reminder.interviewId === "iv-cook" && reminder.rung.startsWith("interview-prep"),
);

function render(withDeadline = false) {
  const deadline = thePlan.reminders.find((reminder) => reminder.milestone !== "interview");
  return renderReminderEmail({
    recipientName: "Ada Eze",
    reminders: withDeadline && deadline ? [...prep, deadline] : prep,
    plan: thePlan,
    interviews: [interview],
    unsubscribeUrl: "https://api.example.org/unsubscribe?token=t",
  });
}

describe("an interview email's time", () => {
  it("is planned (precondition)", () => {
    expect(prep.length).toBeGreaterThan(0);
  });

  it("gives the applicant's time and the program's time, never US Eastern", () => {
    const email = render();
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Wed 12 May 2027, 4:00 PM GMT+1");
      expect(part).toContain("10:00 AM CDT");
      expect(part).not.toContain("11:00 AM ET");
    }
    expect(email.text).toMatch(
      /4:00 PM GMT\+1 \(your time\) \/ Wed 12 May 2027, 10:00 AM CDT \(at the program\)/,
    );
  });

  it("says the interview starts then, not that it is due", () => {
    const email = render();
    expect(email.text).toMatch(/Starts[^\n]*: Wed 12 May 2027, 4:00 PM GMT\+1/);
    expect(email.text).not.toMatch(/Due[^\n]*: Wed 12 May 2027, 4:00 PM/);
    expect(email.subject).not.toMatch(/: due /);
  });

  it("is headed as an interview, not as a deadline", () => {
    const email = render();
    for (const part of [email.text, email.html]) {
      expect(part).not.toContain("deadline needs your attention");
      expect(part).toContain("Your interview is coming up");
    }
  });

  it("heads an email with an interview and a deadline as reminders, not deadlines", () => {
    const email = render(true);
    expect(email.text).not.toContain("deadlines need your attention");
    expect(email.text).toMatch(/\d reminders need your attention/);
  });
});

/**
 * An interview added from the email's .ics stayed in the calendar when the
 * interview was cancelled. A cancelling file now follows a cancellation, and a moved interview's
 * next email carries the new time (test/unit/usecases/interview-cancellation.test.ts); calendar
 * apps differ in applying those, so the email says so, and what to do when one does not.
 */
describe("an interview email's calendar file, if the interview moves or is cancelled", () => {
  it("says a cancelling file or the new time follows, to delete or change the old event if it stays, and that the feed follows on its own", () => {
    const email = render();
    for (const part of [email.text, email.html]) {
      expect(part).toContain("If the interview is cancelled, we email you a file that cancels it");
      expect(part).toContain("if it moves, our next email about it carries the new time");
      expect(part).toContain("if your calendar still shows the old event, delete or change it yourself");
      expect(part).toContain("the Matchpath calendar feed, if you subscribed to it, updates on its own");
    }
  });
});
