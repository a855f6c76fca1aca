import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { localDate } from "#domain/time.ts";
import { certifiedListWith } from "./factories.ts";

// Match Day's one email: the morning reminder on the release's day is dropped for the release's
// question, read from the instant the question is really laid, in every zone: never both that day
// (two emails), never neither (the day's notice lost).

const calendar = seasonCalendar(2027);
const release = calendar.dates.nrmp_match_day.at;

const matchDayReminders = (zone: string, now: number) =>
  plan(certifiedListWith(zone), calendar, new Date(now)).reminders.filter(
    (each) => each.milestone === "match_day",
  );

describe.each([
  "Europe/London",
  "America/New_York",
  "Pacific/Honolulu",
  "Asia/Manila",
  "Pacific/Auckland",
  "Africa/Lagos",
  "Asia/Kolkata",
])("Match Day's release question in %s", (zone) => {
  it("is the one Match Day email of its day: no earlier rung that day", () => {
    const question = matchDayReminders(zone, release).find((each) => each.rung === "match-day-result");
    expect(question).toBeDefined();
    const day = localDate(zone, Date.parse(question?.sendAt ?? ""));
    for (const now of [release - 36 * 3_600_000, release - 12 * 3_600_000, release - 3_600_000]) {
      const earlier = matchDayReminders(zone, now).filter(
        (each) => each.sendAt < (question?.sendAt ?? "") && localDate(zone, Date.parse(each.sendAt)) === day,
      );
      expect(earlier.map((each) => each.rung)).toEqual([]);
    }
  });
});
