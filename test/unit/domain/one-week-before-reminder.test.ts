import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * One week-before reminder per step. Step 2 CK's last
 * sitting day for the 2027 Match is Wed 27 Jan 2027 (projected). Booked for a day that has passed,
 * the step gets the sitting question a week before that day (Wed 20 Jan); not booked, it got
 * `deadline-in-7d` a week before the deadline *instant* (the midnight after the day: Thu 21 Jan).
 * An applicant asked the question on the 20th who answers "not taken, not booked" must not get a
 * second week-before email the next day: both fall on the same day, a week before the day itself
 * (a re-plan after that day's slot lays no missed deadline-in-7d).
 * Kemal: Istanbul, H-1B, ERAS submitted and NRMP registered, everything done but Step 2 CK.
 */
const calendar = seasonCalendar(2027);

function kemal(step2: ReturnType<typeof milestoneFactory>): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "wk-1",
      timezone: "Europe/Istanbul",
      matchYear: 2027,
      graduation: "2025-06-30",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-12",
      ),
      step2,
    ],
  });
}

const weekBefore = (reminders: readonly Reminder[]) =>
  reminders.filter(
    (r) => r.milestone === "usmle_step2ck" && (r.rung === "deadline-in-7d" || r.rung === "sitting-question"),
  );

describe("one week-before reminder per step", () => {
  it("no sitting question while the score may still come; unbooked, deadline-in-7d a week before the last sitting day", () => {
    const booked = plan(
      kemal(milestoneFactory("usmle_step2ck", "scheduled", "2027-01-06")),
      calendar,
      new Date("2027-01-11T08:00:00Z"),
    );
    const unbooked = plan(
      kemal(milestoneFactory("usmle_step2ck", "in_progress")),
      calendar,
      new Date("2027-01-11T08:00:00Z"),
    );
    const question = weekBefore(booked.reminders).map((r) => [r.rung, r.sendAtLocal.slice(0, 10)]);
    const notice = weekBefore(unbooked.reminders).map((r) => [r.rung, r.sendAtLocal.slice(0, 10)]);
    // Sat 6 Jan: its score is expected around 3 Feb, after the last sitting day.
    expect(question).toEqual([]);
    expect(notice).toEqual([["deadline-in-7d", "2027-01-20"]]);
  });
});

describe("the overdue follow-ups say to sit it by the last sitting day", () => {
  it("no 'book a new one': the title asks for the score first, the why names the day to sit by", () => {
    // Booked for 10 Dec 2026, no result by 12 Jan: overdue, the last sitting day (27 Jan) ahead.
    const input = kemal(milestoneFactory("usmle_step2ck", "scheduled", "2026-12-10"));
    const result = plan(input, calendar, new Date("2027-01-12T08:00:00Z"));
    const rebook = result.reminders.filter(
      (r) => r.milestone === "usmle_step2ck" && r.why.startsWith("If you did not take it"),
    );
    expect(rebook.length).toBeGreaterThan(0);
    for (const reminder of rebook) {
      expect(reminder.title).toBe("Has your USMLE Step 2 CK score come? If so, tell us the result");
      expect(reminder.why).toContain("the last day to sit it for this Match is Wed 27 Jan 2027");
      expect(reminder.why).not.toContain("book a new one");
    }
  });
});
