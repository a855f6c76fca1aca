import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { dueReminders } from "#domain/reminder-policy.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate in Karachi matched on a J-1 for a Thu 1 Jul 2027 start, every step before the visa done,
// could only get a consular interview on the start day itself. The delayed start's first weekly
// notice went that morning (the ledger marks it sent). The interview decides whether she can start
// at all: the next morning an advisor asks whether the visa was issued, as after any interview,
// rather than waiting for the next weekly notice a week later.

const calendar = seasonCalendar(2027);

function interviewed(interview: string) {
  return matched2027("Asia/Karachi", {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
      milestoneFactory("j1_ds2019", "done", "2027-05-10"),
      milestoneFactory("visa_j1", "scheduled", interview),
    ],
  });
}
const delayedNotice = (result: Plan) =>
  result.reminders.find((reminder) => reminder.rung === "critical-risk" && reminder.risk === "START_DELAYED");

describe("a J-1 visa interview on the day residency starts, the delayed start's notice sent that morning", () => {
  const input = interviewed("2027-07-01");
  // Thu 1 Jul, 09:00 in Karachi: the delayed start's first notice goes out.
  const onStart = plan(input, calendar, new Date("2027-07-01T04:00:00Z"));
  const notice = delayedNotice(onStart);
  const sent = notice === undefined ? {} : { [notice.id]: notice.sendAt };
  // Fri 2 Jul, 07:00 in Karachi, the morning after the interview.
  const result = plan({ ...input, remindersSent: sent }, calendar, new Date("2027-07-02T02:00:00Z"));
  const asked = result.reminders.filter(
    (reminder) => reminder.milestone === "visa_j1" && reminder.title.includes("was the visa issued?"),
  );

  it("has sent the delayed start's notice on the start day", () => {
    expect(notice?.sendAt).toBe("2027-07-01T04:00:00.000Z");
  });

  it("asks whether the visa was issued at that morning's slot, and the email goes", () => {
    expect(asked.map((reminder) => reminder.sendAt)).toEqual(["2027-07-02T04:00:00.000Z"]);
    const due = dueReminders(result, new Date("2027-07-02T04:00:00Z"), new Set(Object.keys(sent)));
    expect(due.map((reminder) => reminder.id)).toContain(asked[0]?.id);
  });

  it("says the step is overdue since the start and that residency has started, not 'before residency starts'", () => {
    expect(asked[0]?.overdueSince?.local).toBe("Thu 1 Jul 2027");
    expect(asked[0]?.why).toContain("Residency started on Thu 1 Jul 2027");
    expect(asked[0]?.why).not.toContain("before residency starts");
    expect(asked[0]?.why).toContain("221(g)");
  });
});

describe("a J-1 visa interview on 6 July, in the delayed start's first week", () => {
  it("is asked about the morning after, overdue since the interview's day", () => {
    const input = interviewed("2027-07-06");
    const notice = delayedNotice(plan(input, calendar, new Date("2027-07-01T04:00:00Z")));
    const sent = notice === undefined ? {} : { [notice.id]: notice.sendAt };
    const result = plan({ ...input, remindersSent: sent }, calendar, new Date("2027-07-07T02:00:00Z"));
    const asked = result.reminders.filter(
      (reminder) => reminder.milestone === "visa_j1" && reminder.title.includes("was the visa issued?"),
    );
    expect(asked.map((reminder) => reminder.sendAt)).toEqual(["2027-07-07T04:00:00.000Z"]);
    expect(asked[0]?.overdueSince?.local).toBe("Tue 6 Jul 2027");
  });
});
