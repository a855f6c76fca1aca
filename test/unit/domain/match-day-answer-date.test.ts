import { describe, expect, it } from "vitest";
import { MATCH_RESULT_SOURCE } from "#domain/planner/match-result-due.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027 } from "./factories.ts";

/**
 * After Match Day with the result untold, the plan needs where they matched before the contract
 * (two weeks after Match Day, advice), since the contract and the steps after it wait on it. The
 * row, its follow-up and its weekly question name that one date, as our advice with its own source
 * (never as an NRMP date), urgent; from the contract's date the row, its weekly question and the
 * MATCH_DAY_NOT_REPORTED notice are overdue since that date, in the late words, and the question
 * goes on weekly up to residency's start. Diego: Mexico City, H-1B, everything to Match Week done, Match Day not told;
 * Chinedu: the same in Lagos.
 */
const calendar = seasonCalendar(2027);
const applicants = [
  ["Diego, Mexico City", matched2027("America/Mexico_City", { visa: "H-1B", matchDay: false })],
  ["Chinedu, Lagos", matched2027("Africa/Lagos", { visa: "H-1B", matchDay: false })],
] as const;

describe.each(applicants)("Match Day's answer-by date after the release: %s", (_, applicant) => {
  it("before the contract's date: the contract's day as advice, in the row and in every question", () => {
    const result = plan(applicant, calendar, new Date("2027-03-22T16:00:00Z"));
    const matchDay = result.nextSteps.find((step) => step.milestone === "match_day");
    const contract = result.blocked.find((step) => step.milestone === "contract");
    expect(matchDay?.deadline?.at).toBe(contract?.deadline?.at);
    expect(matchDay?.deadline).toMatchObject({ basis: "advice", source: MATCH_RESULT_SOURCE });
    expect(matchDay?.urgency).toBe("urgent");
    const asked = result.reminders.filter((each) => each.rung.startsWith("match-day-"));
    expect(asked.length).toBeGreaterThan(0);
    for (const reminder of asked) expect(reminder.deadlineDetail).toEqual(matchDay?.deadline);
  });

  it("from the contract's date: overdue since it everywhere, asked up to residency's start, in the late words", () => {
    const early = plan(applicant, calendar, new Date("2027-03-22T16:00:00Z"));
    const earlyStep = early.nextSteps.find((step) => step.milestone === "match_day");
    const result = plan(applicant, calendar, new Date("2027-04-20T16:00:00Z"));
    const matchDay = result.nextSteps.find((step) => step.milestone === "match_day");
    // The same date as before it passed (never residency's start), now overdue.
    expect(matchDay?.deadline).toEqual(earlyStep?.deadline);
    expect(matchDay?.urgency).toBe("overdue");
    expect(result.overdue.find((step) => step.milestone === "match_day")?.deadline).toEqual(
      matchDay?.deadline,
    );
    expect(matchDay?.action).not.toBe(earlyStep?.action);
    expect(matchDay?.action).toContain("push back your start on Thu 1 Jul 2027");
    // The weekly question and MATCH_DAY_NOT_REPORTED's notice: overdue since that day, each kept
    // until residency's start (the scheduler drops a reminder past its deadline).
    const weekly = result.reminders.find((each) => each.rung === "match-day-weekly");
    const notice = result.reminders.find(
      (each) => each.rung === "critical-risk" && each.milestone === "match_day",
    );
    expect(weekly?.overdueSince?.at).toBe(matchDay?.deadline?.at);
    expect(weekly?.overdueSince?.local).toBe(matchDay?.deadline?.local);
    expect(notice?.overdueSince?.local).toBe(matchDay?.deadline?.local);
    expect(weekly?.deadline).toBe(calendar.dates.residency_start.iso);
    expect(weekly?.why).toBe(matchDay?.action);
  });

  it("a week before residency's start the weekly question still goes, overdue since the contract's date", () => {
    const result = plan(applicant, calendar, new Date("2027-06-23T16:00:00Z"));
    const matchDay = result.nextSteps.find((step) => step.milestone === "match_day");
    const weekly = result.reminders.find((each) => each.rung === "match-day-weekly");
    expect(weekly).toBeDefined();
    expect(Date.parse(weekly?.sendAt ?? "")).toBeLessThan(Date.parse(calendar.dates.residency_start.iso));
    expect(weekly?.overdueSince?.at).toBe(matchDay?.deadline?.at);
  });
});
