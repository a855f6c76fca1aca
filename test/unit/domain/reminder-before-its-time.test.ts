import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory, PRE_ERAS_KEYS } from "./factories.ts";
import { sentFollowingWakeUps } from "./follow-wake-ups.ts";

/**
 * A reminder is of use only before the time it names: no rung is laid at or after its deadline,
 * even when the deadline falls on the applicant's delivery time (a target set at their slot, or an
 * ET opening at 9:00 AM for an applicant in New York), and the WDOMS look-up planned for this week
 * still emails once a week, each before the Monday it names.
 */
const lateReminders = (result: Plan) =>
  result.reminders.filter((reminder) => Date.parse(reminder.sendAt) >= Date.parse(reminder.deadline));

describe("no reminder at or after the time it names", () => {
  it("tells a New York applicant of the ERAS token before MyERAS opens at 9:00 AM ET, not at it", () => {
    const result = plan(
      inputFactory({
        applicant: applicantFactory({
          externalId: "token-new-york",
          fullName: "Marisol Vega",
          timezone: "America/New_York",
          matchYear: 2027,
        }),
        milestones: PRE_ERAS_KEYS.map((key) => milestoneFactory(key, "done", "2026-01-10")),
      }),
      seasonCalendar(2027),
      new Date("2026-05-25T15:00:00Z"),
    );
    const token = result.reminders.filter((reminder) => reminder.milestone === "eras_token");
    expect(token.length).toBeGreaterThan(0);
    expect(lateReminders(result)).toEqual([]);
  });

  it("emails the WDOMS look-up once a week, each before the Monday it names, following the wake-ups", () => {
    const input = inputFactory({
      applicant: applicantFactory({
        externalId: "wdoms-weekly-manila",
        fullName: "Paolo Reyes",
        timezone: "Asia/Manila",
        matchYear: 2028,
        medicalSchool: { name: "Example Manila College", country: "PH", wdomsSponsorNote: null },
      }),
    });
    const planAt = (now: Date) => {
      const current = plan(input, seasonCalendar(2028), now);
      expect(lateReminders(current)).toEqual([]);
      return current;
    };
    const emails = sentFollowingWakeUps(
      planAt,
      new Date("2026-12-05T02:00:00Z"), // Sat 10:00 in Manila
      new Date("2027-01-04T00:00:00Z"),
    )
      .filter((reminder) => reminder.milestone === "wdoms_listing" && reminder.rung === "start-by")
      .map((reminder) => [reminder.sendAtLocal.slice(0, 10), reminder.deadlineDetail.local]);
    expect(emails).toEqual([
      ["2026-12-06", "Mon 7 Dec 2026, 9:00 AM GMT+8"],
      ["2026-12-07", "Mon 14 Dec 2026, 9:00 AM GMT+8"],
      ["2026-12-14", "Mon 21 Dec 2026, 9:00 AM GMT+8"],
      ["2026-12-21", "Mon 28 Dec 2026, 9:00 AM GMT+8"],
      ["2026-12-28", "Mon 4 Jan 2027, 9:00 AM GMT+8"],
    ]);
  });
});
