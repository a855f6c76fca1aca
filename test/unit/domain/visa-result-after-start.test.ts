import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A graduate matched on a J-1 for a Thu 1 Jul 2027 start, every step before the visa done, has been
// to the consular interview and not told us whether the visa was issued. This plan wants the visa in
// hand by Wed 16 Jun 2027 (our advice); the interview had already left that day behind. Once
// residency has started, the delayed start's weekly notice, the card and the overdue list date the
// delay from what the applicant did: the start for an interview before it, the interview's own day
// for one on or after it. Never "overdue since Wed 16 Jun 2027 (our advice)", a day the booking had
// already left behind, and the card still asks whether the visa was issued.

const calendar = seasonCalendar(2027);

function interviewed(zone: string, interview: string) {
  return matched2027(zone, {
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
const stepOf = (result: Plan) => result.nextSteps.find((step) => step.milestone === "visa_j1");
const notice = (result: Plan) =>
  result.reminders.find((reminder) => reminder.milestone === "visa_j1" && reminder.rung === "critical-risk");

describe("a J-1 visa interview on the day residency starts, a week later with no result told", () => {
  // Auckland: interview Thu 1 Jul 2027; Thu 8 Jul at 16:00, the delayed start's second weekly notice.
  const result = plan(
    interviewed("Pacific/Auckland", "2027-07-01"),
    calendar,
    new Date("2027-07-08T04:00:00Z"),
  );

  it("dates the delay from 1 July on the card, the overdue list and the weekly notice", () => {
    expect(result.risks.some((risk) => risk.code === "START_DELAYED")).toBe(true);
    expect(stepOf(result)?.deadline?.local).toBe("Thu 1 Jul 2027");
    expect(result.overdue.map((step) => step.deadline.local)).toEqual(["Thu 1 Jul 2027"]);
    expect(notice(result)?.overdueSince?.local).toBe("Thu 1 Jul 2027");
  });

  it("still asks whether the 1 July interview's visa was issued", () => {
    expect(stepOf(result)?.action).toContain(
      "Your J-1 visa interview was on Thu 1 Jul 2027. Was the visa issued?",
    );
    expect(stepOf(result)?.action).toContain("221(g)");
  });
});

describe("a J-1 visa interview on 17 June, its result untold into July", () => {
  it("is overdue since residency's start, the day the visa had to be in hand, not the visa's date", () => {
    const result = plan(
      interviewed("Africa/Lagos", "2027-06-17"),
      calendar,
      new Date("2027-07-08T07:00:00Z"),
    );
    expect(stepOf(result)?.deadline?.local).toBe("Thu 1 Jul 2027");
    expect(result.overdue.map((step) => step.deadline.local)).toEqual(["Thu 1 Jul 2027"]);
    expect(notice(result)?.overdueSince?.local).toBe("Thu 1 Jul 2027");
  });
});

describe("a J-1 visa interview booked for 6 July, after residency's start, gone by with no result", () => {
  it("keeps the interview's day as the step's one date", () => {
    const result = plan(
      interviewed("Asia/Karachi", "2027-07-06"),
      calendar,
      new Date("2027-07-09T04:00:00Z"),
    );
    expect(stepOf(result)?.deadline?.local).toBe("Tue 6 Jul 2027");
    expect(result.overdue.map((step) => step.deadline.local)).toEqual(["Tue 6 Jul 2027"]);
    expect(notice(result)?.overdueSince?.local).toBe("Tue 6 Jul 2027");
    expect(stepOf(result)?.action).toContain("Was the visa issued?");
  });
});
