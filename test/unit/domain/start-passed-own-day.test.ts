import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// Residency starts on Thu 1 Jul 2027 (NRMP's date). "Residency started on Thu 1 Jul" is true only
// once 1 Jul has begun both at the program (midnight ET) and where the applicant is: in Honolulu ET's
// midnight is 6 PM on Wed 30 Jun, when she was told her start was delayed, a day early in her calendar.

const calendar = seasonCalendar(2027);

/** Matched on a J-1, every visa step done but the visa, whose interview was on `interview`. */
function interviewed(timezone: string, interview: string) {
  return matched2027(timezone, {
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
const codes = (result: Plan) => result.risks.map((risk) => risk.code);
const delayedNotices = (result: Plan) =>
  result.reminders.filter((reminder) => reminder.risk === "START_DELAYED");

describe("the delayed start in Honolulu turns at her midnight, not at 6 PM on Wed 30 Jun", () => {
  const input = interviewed("Pacific/Honolulu", "2027-06-17");

  it("says nothing of a delayed start at 6:30 PM on Wed 30 Jun", () => {
    const result = plan(input, calendar, new Date("2027-07-01T04:30:00Z"));
    expect(codes(result)).not.toContain("START_DELAYED");
    expect(delayedNotices(result)).toEqual([]);
  });

  it("says it from her Thursday, and the next week's notice turns at her next Thursday", () => {
    const result = plan(input, calendar, new Date("2027-07-01T10:30:00Z"));
    expect(codes(result)).toContain("START_DELAYED");
    expect(result.riskChangesAt).toContain("2027-07-08T10:00:00.000Z");
    expect(result.riskChangesAt).not.toContain("2027-07-08T04:00:00.000Z");
  });
});

describe("an applicant in Honolulu who never told us whether she matched", () => {
  it("is told the Match is over with residency started only from her 1 Jul", () => {
    const input = matched2027("Pacific/Honolulu", { visa: "H-1B", matchDay: false });
    const unmatchedWeek = {
      ...input,
      milestones: input.milestones.filter((entry) => entry.key !== "match_week" && entry.key !== "soap"),
    };
    const evening = plan(unmatchedWeek, calendar, new Date("2027-07-01T04:30:00Z"));
    const said = (result: Plan) =>
      result.risks.find((risk) => risk.code === "MATCH_DAY_NOT_REPORTED")?.message ?? "";
    expect(said(evening)).not.toContain("residency started");
    const morning = plan(unmatchedWeek, calendar, new Date("2027-07-01T19:00:00Z"));
    expect(said(morning)).toContain("residency started on Thu 1 Jul 2027");
  });
});

describe("Lagos, J-1 visa interview on Wed 30 Jun, the day before the start, result untold", () => {
  const input = interviewed("Africa/Lagos", "2027-06-30");

  it("sends no 'was the visa issued?' at midnight: the start's 08:00 notice asks it", () => {
    // Thu 1 Jul, 00:00 in Lagos: the interview's day is over, the next slot (09:00) is past the start.
    const result = plan(input, calendar, new Date("2027-06-30T23:00:00Z"));
    const midnight = result.reminders.filter((reminder) => reminder.sendAt === "2027-06-30T23:00:00.000Z");
    expect(midnight).toEqual([]);
  });

  it("sends the delayed start's notice at her morning slot, overdue since the start", () => {
    const result = plan(input, calendar, new Date("2027-07-01T04:30:00Z"));
    const [notice] = delayedNotices(result);
    // 09:00 in Lagos, that day's one email: the start has passed, so no later date is lost by waiting.
    expect(notice?.sendAt).toBe("2027-07-01T08:00:00.000Z");
    expect(notice?.overdueSince?.local).toBe("Thu 1 Jul 2027");
  });
});

describe("the delayed start's notice riding the contract, in Auckland", () => {
  it("is overdue since the start, not since the contract's advice date", () => {
    const input = matched2027("Pacific/Auckland");
    const result = plan(input, calendar, new Date("2027-07-01T22:00:00Z"));
    const [notice] = delayedNotices(result);
    expect(notice?.milestone).toBe("contract");
    expect(notice?.overdueSince?.local).toBe("Thu 1 Jul 2027");
    const risk = result.risks.find((each) => each.code === "START_DELAYED");
    expect(risk?.message).toContain("and program contract,");
  });
});
