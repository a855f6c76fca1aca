import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Rank order list certified for the 2027 Match, the outcome never told: once residency has started,
 * the question is answered by the 2028 Match's first ERAS submission day (Wed 1 Sep 2027, 9:00 AM
 * ET, projected). It is a season's day, not an hour to meet: Auckland read "answer by Thu 2 Sep
 * 2027, 1:00 AM GMT+12" (the night before, to her), Honolulu "3:00 AM HST". Every zone reads the day
 * with its name.
 */
function matchOver(timezone: string) {
  const result = plan(
    inputFactory({
      applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-06-30" }),
      milestones: [
        ...doneMilestones(REGISTERED_KEYS, "2026-09-18"),
        milestoneFactory("rank_order_list", "done", "2027-02-10"),
      ],
    }),
    seasonCalendar(2027),
    new Date("2027-07-02T00:00:00Z"),
  );
  return result.reminders.filter(
    (each) => each.milestone === "match_day" && each.rung.startsWith("match-over"),
  );
}

describe("the never-told Match outcome after residency's start: the day to answer by", () => {
  it.each(["Pacific/Auckland", "Pacific/Honolulu", "America/New_York"])(
    "%s: the ERAS day by name, no hour",
    (zone) => {
      const reminders = matchOver(zone);
      expect(reminders.length).toBeGreaterThan(0);
      for (const reminder of reminders) {
        expect(reminder.deadlineDetail.local).toBe(
          "by the first day of ERAS applications for the 2028 Match, Wed 1 Sep 2027",
        );
        expect(reminder.deadlineDetail.precision).toBe("day");
      }
    },
  );
});
