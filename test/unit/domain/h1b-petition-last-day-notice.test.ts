import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import type { Reminder } from "#domain/reminder.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { reminderSubject } from "#email/reminder-email.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate who passed Step 3 and matched on an H-1B for a 1 Jul 2027 start, contract signed; the
// program has not reported filing the petition the plan counted on by Fri 16 Apr. From 24 Apr (a
// filing then brings the visa into the start's last week; before, a warning) the start holds only if
// the program files by about Fri 30 Apr
// (in every zone: a visa on 30 Jun is in time for a 1 Jul start). The critical email used to be titled "Your visa steps are
// behind" and headed "Overdue since Fri 16 Apr" above a body saying "must file by about Fri 30 Apr":
// an applicant reads the heading first. The notice is due by the last filing day and says so in its
// title, as the J-1 file's last day does; once that day has passed, no day is left to act by but
// today, and the notice names none.

const calendar = seasonCalendar(2027);
const unfiled = (zone: string) =>
  matched2027(zone, {
    visa: "H-1B",
    extra: [
      milestoneFactory("usmle_step3", "done", "2026-12-10"),
      milestoneFactory("contract", "done", "2027-03-26"),
    ],
  });

function criticalNotice(result: Plan): { notice: Reminder; subject: string } {
  const notice = result.reminders.find((reminder) => reminder.rung === "critical-risk");
  if (notice === undefined) throw new Error("no critical notice");
  return { notice, subject: reminderSubject([notice], result) };
}

describe("an H-1B petition not reported filed past the plan's filing day: the notice names the program's last filing day", () => {
  for (const [zone, now, lastDay] of [
    ["Asia/Manila", "2027-04-24T01:00:00Z", "Fri 30 Apr 2027"],
    ["Pacific/Honolulu", "2027-04-24T19:00:00Z", "Fri 30 Apr 2027"],
  ] as const)
    it(`in ${zone}, with the last day ahead: due ${lastDay}, titled for the filing, never "overdue since" 16 Apr`, () => {
      const { notice, subject } = criticalNotice(plan(unfiled(zone), calendar, new Date(now)));
      expect(notice.title).toContain("must file your H-1B petition by its last day");
      expect(notice.title).not.toContain("J-1");
      expect(notice.overdueSince).toBeUndefined();
      expect(notice.deadlineDetail.local).toContain(lastDay);
      expect(subject).toContain(`due ${lastDay}`);
      expect(subject).not.toContain("16 Apr");
      expect(notice.why).toContain(`must file your H-1B petition by about ${lastDay}`);
    });

  it("in Manila on 10 May, the last filing day passed: the title says so and the notice names no date", () => {
    const { notice, subject } = criticalNotice(
      plan(unfiled("Asia/Manila"), calendar, new Date("2027-05-10T01:00:00Z")),
    );
    expect(notice.title).toContain("file your H-1B petition for your start has passed");
    expect(isUndatedNotice(notice)).toBe(true);
    expect(notice.overdueSince).toBeUndefined();
    expect(subject).not.toMatch(/due|overdue/i);
    expect(notice.why).toContain("about Fri 30 Apr 2027, has passed");
  });
});
