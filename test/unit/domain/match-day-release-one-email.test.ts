import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith } from "./factories.ts";

// The season simulation found applicant-days with two emails outside interview days: Match Day's
// morning rung came hours before the release's question (London: 9:00 AM, then 4:00 PM).

const calendar = seasonCalendar(2027);

describe("Match Day: the release's question is the day's one email", () => {
  const matchDayReminders = (zone: string, now: string) =>
    plan(certifiedListWith(zone), calendar, new Date(now)).reminders.filter(
      (each) => each.milestone === "match_day",
    );

  it("London: no 9:00 AM rung on Match Day; the question at the release, 4:00 PM", () => {
    for (const now of ["2027-03-18T10:00:00.000Z", "2027-03-19T09:00:00.000Z"])
      expect(
        matchDayReminders("Europe/London", now).filter((each) => each.sendAt < "2027-03-19T16:00"),
      ).toEqual([]);
    const asked = matchDayReminders("Europe/London", "2027-03-19T16:00:00.000Z");
    expect(asked.map((each) => [each.rung, each.sendAt])).toContainEqual([
      "match-day-result",
      "2027-03-19T16:00:00.000Z",
    ]);
  });

  it("Manila, where the release comes at midnight and is asked the next morning: Friday's rung stays", () => {
    const rungs = matchDayReminders("Asia/Manila", "2027-03-18T10:00:00.000Z");
    expect(rungs.map((each) => [each.rung, each.sendAt])).toEqual([
      ["due-in-1d", "2027-03-19T01:00:00.000Z"],
    ]);
  });
});
