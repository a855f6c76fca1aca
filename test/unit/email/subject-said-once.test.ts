import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { reminderSubject, renderReminderEmail } from "#email/reminder-email.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "#test/unit/domain/factories.ts";

/**
 * A subject says each thing once: a reminder whose title names its date already ("Pass USMLE
 * Step 3: apply for your B-1/B-2 visitor visa by Mon 11 Jan 2027 (our advice)") is not followed by
 * the same act and date again; under a day before an instant, only the time left follows it.
 * Youssef: Casablanca, H-1B, certified and registered for the 2027 Match, Step 3 not started.
 */
const planned = plan(
  inputFactory({
    applicant: applicantFactory({
      externalId: "subject-said-once",
      fullName: "Youssef Benali",
      timezone: "Africa/Casablanca",
      matchYear: 2027,
      graduation: "2024-06-30",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  }),
  seasonCalendar(2027),
  new Date("2026-12-05T21:00:00Z"),
);

function subjectOf(reminder: Reminder): string {
  return renderReminderEmail({
    recipientName: "Youssef Benali",
    reminders: [reminder],
    plan: planned,
    unsubscribeUrl: "https://api.example.org/u",
  }).subject;
}

describe("a subject names its date once", () => {
  it.each([
    [
      "visa-by-in-14d",
      "Pass USMLE Step 3: apply for your B-1/B-2 visitor visa by Mon 11 Jan 2027 (our advice)",
    ],
    ["sit-by-follow-up", "Pass USMLE Step 3: sit it by Fri 19 Mar 2027 (our advice)"],
  ])("Step 3's %s rung: the title alone", (rung, subject) => {
    const reminder = planned.reminders.find((each) => each.rung === rung);
    if (reminder === undefined) throw new Error(`no ${rung} rung`);
    expect(subjectOf(reminder)).toBe(subject);
  });

  it("a title without its date keeps the date after it", () => {
    const reminder = planned.reminders.find(
      (each) => each.rung === "due-in-14d" && each.title === "Pass USMLE Step 3",
    );
    expect(reminder && subjectOf(reminder)).toBe("Pass USMLE Step 3: due Fri 19 Mar 2027");
  });

  it("a title naming an instant under a day away is followed by the time left only", () => {
    const rank = planned.reminders.find(
      (each) => each.milestone === "rank_order_list" && each.rung === "due-in-1d",
    );
    if (rank === undefined) throw new Error("no rank list rung");
    const seven = new Date(Date.parse(rank.deadline) - 7 * 3_600_000).toISOString();
    const titled = { ...rank, title: `Certify your list by ${rank.deadlineDetail.local}`, sendAt: seven };
    expect(reminderSubject([titled], planned)).toBe(
      `Certify your list by ${rank.deadlineDetail.local}: in 7 hours`,
    );
  });
});
