import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Ravi, in Pune, has only checked his school's listing in December 2026: the 2027 Match is out of
 * reach, so his plan moves to the 2028 Match. His OET, not booked, is dated for 2028 either way,
 * and a seat by its last sitting day must be booked ahead: the moved plan lays the same last
 * booking day's countdown as the plan of the applicant who entered 2028.
 */
const NOW = new Date("2026-12-06T00:00:00+05:30");
const planFor = (matchYear: number) =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        timezone: "Asia/Kolkata",
        matchYear,
        visa: "J-1",
        graduation: "2024-06-30",
      }),
      milestones: [milestoneFactory("wdoms_listing", "done", "2024-01-01")],
    }),
    seasonCalendar(matchYear),
    NOW,
  );
const bookingRungs = (result: ReturnType<typeof plan>) =>
  result.reminders
    .filter((reminder) => reminder.milestone === "oet_medicine" && reminder.rung.startsWith("book-by"))
    .map((reminder) => `${reminder.sendAtLocal} ${reminder.rung} ${reminder.id} ${reminder.title}`);

describe("a plan moved to a later Match keeps the OET's last booking day countdown", () => {
  it("moved from 2027 to 2028: the same book-by rungs as the plan entered for 2028", () => {
    const entered2028 = bookingRungs(planFor(2028));
    expect(entered2028).toHaveLength(3);
    expect(bookingRungs(planFor(2027))).toEqual(entered2028);
  });
});
