import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import {
  applicantFactory,
  doneMilestones,
  interviewFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";

/**
 * Malia (Honolulu, 2027 Match, registered) is interviewed in person by Harbor IM in New York at
 * 8:00 AM EST on Tue 1 Dec 2026, 3:00 AM in Honolulu. Her thank-you note was due 48 hours after the
 * start, "Thu 3 Dec 2026, 3:00 AM HST", an hour no advisor gives for a note; it is due on her own
 * Thursday, to its end, shown as that day, and its reminder still comes the day after the interview.
 */
const interview = interviewFactory({
  id: "iv-harbor",
  program: "Harbor IM",
  startsAt: "2026-12-01T08:00:00-05:00",
  timezone: "America/New_York",
  format: "in_person",
});

function planAt(now: string, zone = "Pacific/Honolulu"): Plan {
  return plan(
    {
      applicant: applicantFactory({ fullName: "Malia Kealoha", timezone: zone, matchYear: 2027 }),
      milestones: doneMilestones(REGISTERED_KEYS, "2026-09-10"),
      interviews: [interview],
    },
    seasonCalendar(2027),
    new Date(now),
  );
}

describe("a thank-you note is due on a day of hers, not at an hour of the program's", () => {
  it("is due through Thu 3 Dec in Honolulu, shown as the day, never 3:00 AM", () => {
    const planned = planAt("2026-12-02T19:00:00Z"); // Wed 2 Dec, 9:00 AM HST
    const thanks = planned.nextSteps.find((step) => step.title === "Thank Harbor IM for the interview");
    expect(thanks?.deadline).toMatchObject({
      at: "2026-12-04T10:00:00.000Z",
      local: "Thu 3 Dec 2026",
      precision: "day",
      day: "2026-12-03",
    });
  });

  it("its reminder comes the day after the interview and names no hour", () => {
    const planned = planAt("2026-12-01T06:00:00Z"); // Mon 30 Nov, 8:00 PM HST
    const reminder = planned.reminders.find((each) => each.rung === "interview-thank-you");
    expect(reminder?.sendAt.slice(0, 10)).toBe("2026-12-02");
    if (!reminder) return;
    const email = renderReminderEmail({
      recipientName: "Malia Kealoha",
      reminders: [reminder],
      plan: planned,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: "Pacific/Honolulu",
      interviews: [interview],
    });
    expect(email.subject).toContain("Thu 3 Dec 2026");
    expect(email.subject).not.toContain("3:00 AM");
    expect(email.text).not.toContain("Thu 3 Dec 2026, 3:00 AM");
    // The day is hers: no copy of its end in the program's time beside it.
    expect(email.text).toContain("Due: Thu 3 Dec 2026 (our advice");
  });

  it("is a day in her own zone: in Auckland the interview is on Wed 2 Dec, the note due through Fri 4 Dec", () => {
    const planned = planAt("2026-12-02T19:00:00Z", "Pacific/Auckland");
    const thanks = planned.nextSteps.find((step) => step.title === "Thank Harbor IM for the interview");
    expect(thanks?.deadline).toMatchObject({ local: "Fri 4 Dec 2026", day: "2026-12-04" });
  });
});
