import { describe, expect, it } from "vitest";
import { PROGRAM_ANSWER_TITLE } from "#domain/act-by-day-labels.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "#test/unit/domain/factories.ts";

/**
 * Matched on H-1B with Step 3 not passed past its day for the petition, the step waits on the
 * program's answer (a later start or a J-1), as its card says. Its weekly chase to residency's start
 * asks that question and what to do with each answer, and names one date, the day it missed, as the
 * card, the overdue list and the critical notice do ("Overdue since Fri 19 Mar"), never the start as
 * a day to settle it by; its subject asks the question, with no date that would read as time to wait.
 * Bilal lives in Karachi; Ana, the same applicant, in Chicago.
 */
const calendar = seasonCalendar(2027);
const matchedOnH1b = (timezone: string) =>
  matched2027(timezone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-09-15"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });

function chase(result: Plan): Reminder[] {
  return result.reminders.filter((r) => r.milestone === "usmle_step3" && r.rung !== "critical-risk");
}

function emailOf(result: Plan, reminder: Reminder) {
  return renderReminderEmail({
    recipientName: "Bilal Ahmed",
    reminders: [reminder],
    plan: result,
    unsubscribeUrl: "https://example.org/unsubscribe",
  });
}

describe.each([
  ["abroad", "Asia/Karachi"],
  ["in the US", "America/Chicago"],
])("Step 3 waiting on the program's answer, %s", (_where, timezone) => {
  const result = plan(matchedOnH1b(timezone), calendar, new Date("2027-03-24T12:00:00Z"));
  const rungs = chase(result);

  it("asks weekly whether the program has answered, up to the start, overdue since the day the card names", () => {
    expect(rungs.length).toBeGreaterThan(10);
    const card = result.nextSteps.find((step) => step.milestone === "usmle_step3");
    const overdue = result.overdue.find((step) => step.milestone === "usmle_step3");
    expect(card?.deadline?.local).toBe("Fri 19 Mar 2027");
    expect(overdue?.deadline.local).toBe("Fri 19 Mar 2027");
    for (const reminder of rungs) {
      expect(reminder.overdueSince?.local).toBe("Fri 19 Mar 2027");
      expect(reminder.title).toBe(PROGRAM_ANSWER_TITLE);
      expect(reminder.why).toContain("Has it answered?");
      expect(reminder.why).toContain(
        "If it will start you later and keep the H-1B, begin Step 3 the day it says so",
      );
      expect(reminder.why).toContain("If it takes you on a J-1, switch your visa track to J-1");
    }
  });

  it("its email asks the question in the subject and says overdue since the missed day, never the start", () => {
    for (const reminder of rungs) {
      const email = emailOf(result, reminder);
      expect(email.subject).toBe(PROGRAM_ANSWER_TITLE);
      expect(email.text).toContain(
        "   Overdue since: Fri 19 Mar 2027 (our advice, not set by any authority)",
      );
      expect(email.text).not.toMatch(/Settle it|by residency's start, Thu 1 Jul/);
      expect(email.html).not.toMatch(/Settle it|by residency's start, Thu 1 Jul/);
    }
  });
});
