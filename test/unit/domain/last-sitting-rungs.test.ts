import { describe, expect, it } from "vitest";
import { reminderDateLabel } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { DAY_MS } from "#domain/time.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A rung counts down to one day and prints that day. Tomás, Lima, 2027 Match, everything to NRMP
 * registration done but Step 2 CK, booked for 15 Oct 2026 and no result by 10 Dec 2026: if he did
 * not take it he must sit it by its last sitting day, Wed 27 Jan 2027 (our advice: the projected
 * rank order list deadline less 28 days for the result); the result itself is due by that deadline.
 */
function tomas(): Plan {
  const input = inputFactory({
    applicant: applicantFactory({ timezone: "America/Lima", matchYear: 2027, visa: "J-1" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-20",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", "2026-10-15"),
    ],
  });
  return plan(input, seasonCalendar(2027), new Date("2026-12-10T09:00:00-05:00"));
}

describe("a passed sitting with no result: the rungs to the last sitting day print that day", () => {
  const reminders = tomas().reminders.filter((one) => one.milestone === "usmle_step2ck");

  it("its 14, 3 and 1-day rungs say 'If you did not sit it, sit it by Wed 27 Jan 2027', sent 14, 3 and 1 days before it", () => {
    const sitBy = reminders.filter((one) => one.rung.startsWith("sit-by-in-"));
    expect(sitBy.map((one) => [one.rung, one.sendAtLocal.slice(0, 10), one.deadlineDetail.local])).toEqual([
      ["sit-by-in-14d", "2027-01-13", "Wed 27 Jan 2027"],
      ["sit-by-in-3d", "2027-01-24", "Wed 27 Jan 2027"],
      ["sit-by-in-1d", "2027-01-26", "Wed 27 Jan 2027"],
    ]);
    for (const one of sitBy) expect(reminderDateLabel(one).label).toBe("If you did not sit it, sit it by");
  });

  it("no rung of the step counts down to a day earlier than the one it prints", () => {
    for (const one of reminders) {
      const days = /-in-(\d+)d$/.exec(one.rung)?.[1];
      if (days === undefined) continue;
      const sent = Date.parse(one.sendAtLocal.slice(0, 10));
      expect(Math.round((Date.parse(one.deadline) - sent) / DAY_MS) - Number(days)).toBeLessThan(2);
    }
  });
});
