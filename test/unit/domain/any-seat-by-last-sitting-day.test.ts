import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * Step 2 CK in progress, no test date, 2027 Match (rank
 * order list deadline Wed 24 Feb 2027, 9:00 PM ET, projected; its last sitting day Wed 27 Jan 2027,
 * the deadline less the 28-day score allowance). The 7-day booking allowance (advice) alone never
 * writes the season off: until the last sitting day a critical EXAMS_LATE_FOR_RANKING says to find
 * any seat by it, and names that day (MATCH_YEAR_LAST_DAY's words folded in); the day after, the season is out of reach.
 * That day is a calendar day with no time, "today" or "tomorrow" by the applicant's local day.
 */

const calendar = seasonCalendar(2027);

function applicant(zone: string) {
  const input = certifiedListWith(zone, milestoneFactory("usmle_step2ck", "in_progress"));
  return { ...input, milestones: input.milestones.filter((each) => each.key !== "rank_order_list") };
}

const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);

describe.each([
  // The last sitting day is a day, the same in every zone, with no time:
  // Lagos read "take it tomorrow, by Thu 28 Jan 2027, 3:00 AM" on the 27th before it.
  ["Africa/Lagos", "take it today, Wed 27 Jan 2027, at the latest"],
  ["America/Los_Angeles", "take it today, Wed 27 Jan 2027, at the latest"],
])("in %s", (zone, today) => {
  const input = applicant(zone);

  it.each([
    [
      "six days before the last sitting day (the booking allowance no longer fits)",
      "2027-01-21T10:00:00Z",
      "by",
    ],
    ["the day before the last sitting day", "2027-01-26T10:00:00Z", "tomorrow,"],
  ])("%s: in the Match, find any seat by Wed 27 Jan (critical)", (_name, now, by) => {
    const result = plan(input, calendar, new Date(now));
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    const late = risk(result, "EXAMS_LATE_FOR_RANKING");
    expect(late?.severity).toBe("critical");
    expect(late?.message).toContain(
      `Your USMLE Step 2 CK is not booked, and a test-centre seat usually takes about 7 days to find, our advice, past the last sitting that still counts: the 2027 Match is in reach only if you find any seat you can and take it ${by === "by" ? "by Wed 27 Jan 2027 at the latest" : "tomorrow, Wed 27 Jan 2027, at the latest"}`,
    );
    // One risk per exam fact: MATCH_YEAR_LAST_DAY said the same day and action.
    expect(risk(result, "MATCH_YEAR_LAST_DAY")).toBeUndefined();
    expect(late?.message).toContain("After Wed 27 Jan 2027 (our advice), on our projection,");
    expect(result.reminders.map((each) => each.title)).toContain(
      "Book your USMLE Step 2 CK sitting now: the 2027 Match is in reach only if you sit it soon",
    );
  });

  it("on the last sitting day itself: still in the Match, the day with no time", () => {
    const result = plan(input, calendar, new Date("2027-01-27T10:00:00Z"));
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")?.severity).toBe("critical");
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")?.message).toContain(`find any seat you can and ${today}`);
  });

  it("the day after the last sitting day: in reach on the later candidate only, one critical risk", () => {
    const result = plan(input, calendar, new Date("2027-01-28T10:00:00Z"));
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    expect(risk(result, "MATCH_YEAR_LAST_DAY")?.severity).toBe("critical");
  });

  it("the day after the later candidate's last sitting day: out of reach, at the honest fastest pace (a week for a seat)", () => {
    const result = plan(input, calendar, new Date("2027-02-04T10:00:00Z"));
    const outOfReach = risk(result, "MATCH_YEAR_NOT_FEASIBLE");
    expect(outOfReach?.earliestFeasibleMatchYear).toBe(2028);
    expect(outOfReach?.message).toContain("would be reported around Thu 11 Mar 2027");
    expect(outOfReach?.message).toContain(
      "USMLE Step 2 CK: a test date within about 7 days, then about 28 days for the result",
    );
  });

  it("more than a week before the last sitting day: the usual words, a warning", () => {
    const result = plan(input, calendar, new Date("2027-01-18T10:00:00Z"));
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")?.severity).toBe("warning");
    // MATCH_YEAR_LAST_DAY's seat words are folded into the exam's own risk.
    expect(risk(result, "MATCH_YEAR_LAST_DAY")).toBeUndefined();
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")?.message).toContain(
      // The later candidate keeps the Match to its own last sitting day.
      "After Wed 27 Jan 2027 (our advice), on our projection, your USMLE Step 2 CK result would reach NRMP after the rank order list deadline; if NRMP's 2027 deadline turns out later (16 days before Match Day in 2022–2025, Wed 3 Mar 2027), a sitting by Wed 3 Feb 2027 (our advice) still counts, and only after that day does your plan move to a later Match; a test date usually takes about 7 days, our advice",
    );
  });
});
