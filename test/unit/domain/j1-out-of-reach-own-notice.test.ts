import { describe, expect, it } from "vitest";
import type { Plan, Risk } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import type { Reminder } from "#domain/reminder.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// An Auckland graduate who matched on a J-1 for a 1 Jul 2027 start, her Statement of Need in since
// 10 Apr, plans to complete her sponsorship file on Sat 1 May. On 20 Apr the plan tells her, critical,
// that her visa's date can no longer be met and that the file must be complete by about Mon 3 May.
// She does not report it. Once that day has gone the start on 1 Jul is out of reach: a new and more
// urgent message (ask the program now whether it can hold the position). It names the same steps as
// the last day's notice, yet it must go out as its own email that day, not be taken as already sent.

const calendar = seasonCalendar(2027);
const input = matched2027("Pacific/Auckland", {
  extra: [
    milestoneFactory("contract", "done", "2027-03-26"),
    milestoneFactory("j1_statement_of_need", "done", "2027-04-10"),
    milestoneFactory("j1_ecfmg_sponsorship", "scheduled", "2027-05-01"),
  ],
});
const APRIL_20 = "2027-04-19T21:00:00Z"; // Tue 20 Apr, 9:00 AM in Auckland
const MAY_5 = "2027-05-04T22:00:00Z"; // Wed 5 May, 10:00 AM in Auckland

const verdictOf = (result: Plan): Risk | undefined =>
  result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
const noticeOf = (result: Plan): Reminder | undefined =>
  result.reminders.find((reminder) => reminder.rung === "critical-risk");

describe("a J-1 start gone out of reach after its last day's notice is emailed as a notice of its own", () => {
  const before = plan(input, calendar, new Date(APRIL_20));
  const lastDayNotice = noticeOf(before);

  it("on 20 Apr the verdict is the last day, carried by the risk itself", () => {
    expect(verdictOf(before)?.visaVerdict).toBe("j1-last-day");
    expect(verdictOf(before)?.message).toContain("must be complete by about Mon 3 May 2027");
    expect(lastDayNotice?.sendAt).toBe("2027-04-19T21:00:00.000Z");
  });

  it("on 5 May, the last day's notice sent, the out-of-reach verdict goes out at the next delivery slot under another id", () => {
    const sent = { [lastDayNotice?.id ?? ""]: lastDayNotice?.sendAt ?? "" };
    const after = plan({ ...input, remindersSent: sent }, calendar, new Date(MAY_5));
    expect(verdictOf(after)?.visaVerdict).toBe("j1-out-of-reach");
    expect(verdictOf(after)?.message).toContain("on a J-1 is out of reach");
    const notice = noticeOf(after);
    expect(notice?.id).not.toBe(lastDayNotice?.id);
    expect(notice?.title).toBe(
      "A J-1 start on your program's date is out of reach: tell your program's GME office now",
    );
    expect(notice?.sendAt).toBe("2027-05-05T21:00:00.000Z");
    // Emailed once: the plan made again with it in the ledger lays it where it went out.
    const again = plan(
      { ...input, remindersSent: { ...sent, [notice?.id ?? ""]: notice?.sendAt ?? "" } },
      calendar,
      new Date("2027-05-05T22:00:00Z"),
    );
    expect(
      again.reminders.filter((reminder) => reminder.id === notice?.id).map((each) => each.sendAt),
    ).toEqual(["2027-05-05T21:00:00.000Z"]);
  });
});
