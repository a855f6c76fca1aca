import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { J1_START_OUT_OF_REACH_TITLE } from "#domain/planner/j1-start-out-of-reach.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A Karachi graduate, certified, who matched on a J-1 for a 1 Jul 2027 start and signed in March.
// The plan counts on the sponsorship application by Mon 5 Apr, the DS-2019 by Mon 17 May (six weeks
// of ECFMG's review) and the J-1 visa by Wed 16 Jun. Two applicants run late on it:
// - one completed the sponsorship application on Thu 6 May and has been waiting for the DS-2019
//   since: even ECFMG's shorter review (4 weeks) brings it on 3 Jun at the earliest, and with the
//   month the plan keeps for the consul the visa comes around 3 Jul, after the start;
// - one still has the Statement of Need and the application under way in late May.
// An advisor tells each of them plainly, the day it is known, that a 1 Jul start on a J-1 is out of
// reach (the GME office now, a delayed start, an expedited appointment), as the plan tells a late
// graduate, and gives the DS-2019 one date on every channel, never a day already gone as one to
// beat, nor a negative count of days.

const calendar = seasonCalendar(2027);
const ZONE = "Asia/Karachi";
const contract = milestoneFactory("contract", "done", "2027-03-30");

function karachi(extra: MilestoneEntry[]) {
  return matched2027(ZONE, { extra: [contract, ...extra] });
}
const waitingForDs2019 = karachi([
  milestoneFactory("j1_statement_of_need", "done", "2027-05-05"),
  milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-05-06"),
  milestoneFactory("j1_ds2019", "in_progress", "2027-05-10"),
]);
const applicationUnderWay = karachi([
  milestoneFactory("j1_statement_of_need", "in_progress", "2027-04-10"),
  milestoneFactory("j1_ecfmg_sponsorship", "in_progress", "2027-04-15"),
]);

const planAt = (input: ReturnType<typeof karachi>, now: string): Plan => plan(input, calendar, new Date(now));
const verdict = (result: Plan) =>
  result.risks.find(
    (risk) => risk.code === "VISA_NOT_READY_FOR_START" && risk.message.includes("on a J-1 is out of reach"),
  );
const MAY_20 = "2027-05-20T04:00:00Z"; // 9:00 AM in Karachi
const JUNE_10 = "2027-06-10T04:00:00Z";

describe("a J-1 sponsorship completed on 6 May, the DS-2019 awaited: a 1 Jul start is out of reach", () => {
  it("on 20 May one critical risk says so, with the fastest review's day and the visa's, and what to do; no negative count of days", () => {
    const result = planAt(waitingForDs2019, MAY_20);
    const risk = verdict(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("you completed your J-1 sponsorship application on Thu 6 May 2027");
    expect(risk?.message).toContain("your DS-2019 can come around Thu 3 Jun 2027 at the earliest");
    expect(risk?.message).toContain("your J-1 visa would come around Sat 3 Jul 2027 at the earliest");
    expect(risk?.message).toContain("we count the shorter, 4 weeks");
    expect(risk?.message).toContain("Tell your program's GME office now");
    expect(risk?.message).toContain("delayed start");
    expect(risk?.message).toContain("expedited");
    expect(risk?.milestones[0]).toBe("j1_ds2019");
    const codes = result.risks.map((each) => each.code);
    expect(codes).not.toContain("ECFMG_REVIEW_PAST_DS2019");
    for (const each of result.risks) expect(each.message).not.toMatch(/leaving -\d/);
    const notice = result.reminders.filter((reminder) => reminder.rung === "critical-risk");
    expect(notice.map((reminder) => [reminder.sendAt, reminder.title])).toEqual([
      ["2027-05-20T04:00:00.000Z", J1_START_OUT_OF_REACH_TITLE],
    ]);
  });

  it("the DS-2019 has one date, the review's last day, on its card and its rungs, its out-of-reach notice none, and is not overdue before it", () => {
    const result = planAt(waitingForDs2019, MAY_20);
    const card = result.nextSteps.find((step) => step.milestone === "j1_ds2019");
    expect(card?.deadline?.day).toBe("2027-06-17");
    expect(card?.action).toContain("may run to Thu 17 Jun 2027, the date this plan now counts on");
    expect(card?.action).not.toContain("Mon 17 May");
    // Its card gives the verdict too, never a visa date (16 Jun) it cannot make.
    expect(card?.action).toContain("your J-1 visa would come around Sat 3 Jul 2027 at the earliest");
    expect(card?.action).not.toContain("Wed 16 Jun");
    expect(result.overdue.map((step) => step.milestone)).not.toContain("j1_ds2019");
    const reminders = result.reminders.filter((reminder) => reminder.milestone === "j1_ds2019");
    // The verdict's notice names no date: nothing is left to act by but today.
    const notice = reminders.find((reminder) => reminder.rung === "critical-risk");
    expect(notice !== undefined && isUndatedNotice(notice)).toBe(true);
    const days = reminders
      .filter((reminder) => reminder !== notice)
      .map((reminder) => (reminder.overdueSince ?? reminder.deadlineDetail).day);
    expect(days.length).toBeGreaterThan(1);
    expect(new Set(days)).toEqual(new Set(["2027-06-17"]));
  });

  it("once the review's last day has passed, the DS-2019 is overdue since that day, the same on the card and the overdue list", () => {
    const result = planAt(waitingForDs2019, "2027-06-20T04:00:00Z");
    const card = result.nextSteps.find((step) => step.milestone === "j1_ds2019");
    expect(card?.deadline?.day).toBe("2027-06-17");
    expect(result.overdue.find((step) => step.milestone === "j1_ds2019")?.deadline.day).toBe("2027-06-17");
    // The fastest review's end (3 Jun) has passed: said as a day that could have been, never one ahead.
    const message = verdict(result)?.message ?? "";
    expect(message).toContain(
      "so it could have ended by Thu 3 Jun 2027 (if your DS-2019 has come, mark it done today)",
    );
    expect(message).toContain("your J-1 visa would come around Sat 3 Jul 2027 at the earliest");
    expect(message).not.toContain("can come around Thu 3 Jun");
  });

  it("completed on 19 Apr instead, the fastest review leaves the visa in time: a warning, no verdict", () => {
    const early = karachi([
      milestoneFactory("j1_statement_of_need", "done", "2027-04-18"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-19"),
    ]);
    const result = planAt(early, "2027-04-21T04:00:00Z");
    expect(verdict(result)).toBeUndefined();
    expect(result.risks.map((risk) => risk.code)).toContain("ECFMG_REVIEW_PAST_DS2019");
  });
});

describe("a J-1 sponsorship application still under way in late May: a 1 Jul start is out of reach", () => {
  it.each([
    [MAY_20, "Thu 17 Jun 2027", "Sat 17 Jul 2027"],
    [JUNE_10, "Thu 8 Jul 2027", "Sat 7 Aug 2027"],
  ])("on %s the risk and the sponsorship's card say so, counting from that day", (now, ds2019, visa) => {
    const result = planAt(applicationUnderWay, now);
    const risk = verdict(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("your J-1 sponsorship application is not complete yet");
    expect(risk?.message).toContain(`your DS-2019 would come around ${ds2019} at the earliest`);
    expect(risk?.message).toContain(`your J-1 visa would come around ${visa} at the earliest`);
    expect(risk?.message).toContain("complete your sponsorship application in EVNet today");
    const card = result.nextSteps.find((step) => step.milestone === "j1_ecfmg_sponsorship");
    expect(card?.action).toContain(`would bring your DS-2019 around ${ds2019} at the earliest`);
    expect(card?.action).toContain("out of reach");
    // Never a day already gone as one the DS-2019 could still be pushed past.
    expect(card?.action).not.toContain("push your DS-2019 past");
  });

  it("in mid-April, with time for the chain on the fastest review, no verdict", () => {
    expect(verdict(planAt(applicationUnderWay, "2027-04-20T04:00:00Z"))).toBeUndefined();
  });
});
