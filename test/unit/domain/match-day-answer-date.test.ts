import { describe, expect, it } from "vitest";
import { MATCH_RESULT_SOURCE } from "#domain/planner/match-day.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027 } from "./factories.ts";

/**
 * After Match Day with the result untold, the plan needs where they matched before the contract
 * (two weeks after Match Day, advice), since the contract and the steps after it wait on it. The
 * row, its follow-up and its weekly question name that one date, as our advice with its own source
 * (never as an NRMP date), urgent; from the contract's date the row is due at residency's start in
 * the late words. Diego: Mexico City, H-1B, everything to Match Week done, Match Day not told;
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

  it("from the contract's date: due at residency's start, urgent, in the late words", () => {
    const early = plan(applicant, calendar, new Date("2027-03-22T16:00:00Z"));
    const result = plan(applicant, calendar, new Date("2027-04-20T16:00:00Z"));
    const matchDay = result.nextSteps.find((step) => step.milestone === "match_day");
    expect(matchDay?.deadline?.at).toBe(calendar.dates.residency_start.iso);
    expect(matchDay?.urgency).toBe("urgent");
    expect(matchDay?.action).not.toBe(early.nextSteps.find((step) => step.milestone === "match_day")?.action);
  });
});
