import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An early starter for the 2028 Match, only WDOMS done on 7 Dec 2026: the ECFMG application's
 * target is shown as Wed 27 Jan 2027 in every zone (a day, our advice), its instant 9:00 AM ET,
 * which is 3:00 AM on Thu 28 Jan in Auckland. Its 14-, 3- and 1-day rungs count from the day
 * shown, as in Karachi: Auckland's came a day late, "aim to finish today" on the target day.
 * The hard deadline's rungs count from their own instant, as before.
 */
function rungDays(timezone: string, milestone: string): Record<string, string> {
  const result = plan(
    inputFactory({
      applicant: applicantFactory({ timezone, matchYear: 2028, graduation: "2027-06-30" }),
      milestones: [milestoneFactory("wdoms_listing", "done", "2026-11-20")],
    }),
    seasonCalendar(2028),
    new Date("2026-12-07T08:00:00Z"),
  );
  const days: Record<string, string> = {};
  for (const reminder of result.reminders)
    if (reminder.milestone === milestone) days[reminder.rung] = reminder.sendAtLocal.slice(0, 10);
  return days;
}

describe("a target's rungs count from the day its card shows", () => {
  it.each(["Pacific/Auckland", "Asia/Karachi", "Asia/Manila"])("%s: 13, 24 and 26 Jan", (zone) => {
    const days = rungDays(zone, "ecfmg_application");
    expect(days["due-in-14d"]).toBe("2027-01-13");
    expect(days["due-in-3d"]).toBe("2027-01-24");
    expect(days["due-in-1d"]).toBe("2027-01-26");
  });

  it("Auckland: the hard deadline's first rung is two weeks before its own day, as before", () => {
    expect(rungDays("Pacific/Auckland", "usmle_step1")["deadline-in-14d"]).toBe("2027-09-14");
  });
});
