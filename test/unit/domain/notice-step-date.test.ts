import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reminderShownDate } from "#domain/date-words.ts";
import type { Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

// Rafiq: Dhaka, H-1B, every exam and the Pathway done, the certificate not reported, planned on the
// eve of the rank order list deadline (Wed 24 Feb 2027, 9 PM ET). The certificate's card says its
// H-1B target passed and its deadline is Wed 16 Jun 2027 (advice: two weeks before the start).
// VISA_NOT_READY_FOR_START's notice rides on that card, laid against residency's start (Thu 1 Jul,
// projected): it said "Due by residency's start, Thu 1 Jul 2027" beside a card saying 16 Jun. It
// shows the card's deadline, and still stops being sent at the start it is laid against.

const snapshot = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      new URL("../../fixtures/notice-step-date/h1b-dhaka-ranking-certificate-pending.json", import.meta.url),
      "utf8",
    ),
  ),
);
const calendar = seasonCalendar(2027);
const result = plan(snapshot, calendar, new Date("2027-02-23T20:00:00Z"));
const card = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
const notice = result.reminders.find(
  (each) => each.milestone === "ecfmg_certification" && each.rung === "critical-risk",
) as Reminder;

describe("a notice laid against residency's start shows its step's date", () => {
  it("rides on the certificate's card, whose deadline is before the start", () => {
    expect(notice.risk).toBe("VISA_NOT_READY_FOR_START");
    expect(card?.deadline?.local).toBe("Wed 16 Jun 2027");
    expect(Date.parse(card?.deadline?.at ?? "")).toBeLessThan(calendar.dates.residency_start.at);
  });

  it("shows the card's deadline with its basis, as every other certificate reminder does", () => {
    expect(notice.stepDate).toEqual(card?.deadline);
    expect(reminderShownDate(notice)).toEqual(card?.deadline);
    const shownDays = result.reminders
      .filter((each) => each.milestone === "ecfmg_certification")
      .map((each) => reminderShownDate(each).local);
    expect(new Set(shownDays)).toEqual(new Set(["Wed 16 Jun 2027"]));
  });

  it("is still laid against the start, and says so in a field, not in its words", () => {
    expect(notice.deadline).toBe(calendar.dates.residency_start.iso);
    expect(notice.laidAgainst).toBe("residency-start");
  });

  it("its email names the card's deadline, never residency's start", () => {
    const email = renderReminderEmail({
      recipientName: "Rafiq Hossain",
      reminders: [notice],
      plan: result,
      unsubscribeUrl: "https://example.org/unsubscribe",
    });
    expect(email.subject).toContain("Wed 16 Jun 2027");
    expect(email.text).toContain("Wed 16 Jun 2027");
    expect(`${email.subject}${email.text}`).not.toMatch(/residency's start, Thu 1 Jul/);
  });
});
