import { describe, expect, it } from "vitest";
import { deadlineWords, stepDatesInline } from "#domain/date-words.ts";
import type { NextStep, Plan } from "#domain/plan.ts";
import { plan as planWith } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { HOUR_MS, MINUTE_MS, startOfLocalDate } from "#domain/time.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * An exam's last sitting day is a date in the applicant's own
 * calendar (Wed 27 Jan 2027 for USMLE in the 2027 Match, the ET date of its cut-off, projected), an
 * all-day deadline. The step's deadline is that date with no hour (table, timeline, email); the step
 * is due today on that local date, overdue only from the applicant's next local day, its reminders
 * count to that day's end, and the plan writes the Match off at that same moment, never before.
 */

const calendar = seasonCalendar(2027);
const plan = (input: ReturnType<typeof inputFactory>, now: Date) => planWith(input, calendar, now);

/** Interviewing for the 2027 Match with everything done but `open` (undated, in progress). */
function interviewing(zone: string, ...open: ReturnType<typeof milestoneFactory>[]) {
  const keys = [
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "oet_medicine",
    "ecfmg_pathway",
    "eras_token",
    "eras_application",
    "lors",
    "personal_statement",
    "cv",
    "program_list",
    "nrmp_registration",
  ] as const;
  return inputFactory({
    applicant: applicantFactory({ timezone: zone, matchYear: 2027, graduation: "2024-06-30", visa: "J-1" }),
    milestones: [
      ...doneMilestones(
        keys.filter((key) => !open.some((entry) => entry.key === key)),
        "2026-09-01",
      ),
      ...open,
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-10T09:00:00-05:00" })],
  });
}

const step2 = (zone: string) => interviewing(zone, milestoneFactory("usmle_step2ck", "in_progress"));
const outOfReach = (result: Plan) => result.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
const stepOf = (result: Plan, key: string): NextStep | undefined =>
  result.nextSteps.find((step) => step.milestone === key);
/** The CLI's NEXT STEPS row of `key`. */
const row = (result: Plan, key: string, zone: string) =>
  renderPlan(result, "Test", zone)
    .split("\n")
    .find((line) => line.includes(` ${key} `) && !line.startsWith("  -"));

/** The first instant of the applicant's day after `day`. */
const endOf = (zone: string, day: string) =>
  startOfLocalDate(zone, new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR_MS).toISOString().slice(0, 10));

describe.each([
  ["America/Los_Angeles", "2027-01-28T03:00:00Z"], // Wed 27 Jan 19:00 PST, Thu 28 Jan 01:00 ET
  ["Pacific/Auckland", "2027-01-27T06:00:00Z"], // Wed 27 Jan 19:00 NZDT
  ["Asia/Karachi", "2027-01-27T18:00:00Z"], // Wed 27 Jan 23:00 PKT, before the 9:00 PM ET cut-off
])("Step 2 CK under way, not booked, in %s", (zone, evening) => {
  const input = step2(zone);
  const end = endOf(zone, "2027-01-27");

  it("on the evening of the last sitting day: due today, in reach, the date with no hour", () => {
    const result = plan(input, new Date(evening));
    const step = stepOf(result, "usmle_step2ck");
    expect(outOfReach(result)).toBe(false);
    expect(step?.urgency).toBe("urgent");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("usmle_step2ck");
    expect(step?.deadline).toMatchObject({
      local: "Wed 27 Jan 2027",
      et: "Wed 27 Jan 2027",
      precision: "day",
      day: "2027-01-27",
      status: "projected",
      // The rank order list deadline less the result's time: our advice, marked †.
      basis: "advice",
      at: new Date(end).toISOString(),
    });
    const line = row(result, "usmle_step2ck", zone);
    expect(line).toContain("Wed 27 Jan 2027 †");
    expect(line).not.toMatch(/\d:00 [AP]M/);
    expect(line).not.toContain("28 Jan");
  });

  it("the email's and the timeline's words give the date alone, due, never overdue", () => {
    const result = plan(input, new Date(evening));
    const step = stepOf(result, "usmle_step2ck") as NextStep;
    expect(deadlineWords(step.deadline as NonNullable<NextStep["deadline"]>)).toEqual({
      local: "Wed 27 Jan 2027",
    });
    const words = stepDatesInline(step, Date.parse(evening), result.risks);
    expect(words).toContain("Wed 27 Jan 2027, our advice, not set by any authority");
    expect(words).not.toContain("overdue");
    expect(words).not.toMatch(/\d:00 [AP]M/);
  });

  it("its reminders count down to the end of that local date, never to 9:00 PM ET", () => {
    const result = plan(input, new Date(evening));
    const reminders = result.reminders.filter((each) => each.milestone === "usmle_step2ck");
    expect(reminders.length).toBeGreaterThan(0);
    for (const reminder of reminders) expect(reminder.deadline).toBe(new Date(end).toISOString());
  });

  it("a minute before the local date ends: still in reach and not overdue", () => {
    const result = plan(input, new Date(end - MINUTE_MS));
    expect(outOfReach(result)).toBe(false);
    expect(stepOf(result, "usmle_step2ck")?.urgency).toBe("urgent");
    expect(result.overdue).toEqual([]);
  });

  it("from the applicant's next local day: passed, kept on the later candidate's Wed 3 Feb", () => {
    const result = plan(input, new Date(end));
    expect(outOfReach(result)).toBe(false);
    expect(stepOf(result, "usmle_step2ck")?.deadline?.local).toBe("Wed 3 Feb 2027");
  });

  it("from the next local day after the later candidate's Wed 3 Feb: written off at that same moment", () => {
    const later = endOf(zone, "2027-02-03");
    expect(outOfReach(plan(input, new Date(later - MINUTE_MS)))).toBe(false);
    expect(outOfReach(plan(input, new Date(later)))).toBe(true);
  });
});

describe("at the instants that were reported", () => {
  it("Los Angeles at 2027-01-28T08:00Z (Thu local): passed, kept on the later candidate; 4 Feb local: out", () => {
    const input = step2("America/Los_Angeles");
    expect(outOfReach(plan(input, new Date("2027-01-28T08:00:00Z")))).toBe(false);
    expect(outOfReach(plan(input, new Date("2027-02-04T08:00:00Z")))).toBe(true);
  });

  it("Auckland at 2027-01-27T12:00Z (Thu 01:00 local): passed; at 06:00Z (Wed local) it was due today", () => {
    const input = step2("Pacific/Auckland");
    expect(outOfReach(plan(input, new Date("2027-01-27T12:00:00Z")))).toBe(false);
    expect(outOfReach(plan(input, new Date("2027-02-03T12:00:00Z")))).toBe(true);
    const wednesday = plan(input, new Date("2027-01-27T06:00:00Z"));
    expect(stepOf(wednesday, "usmle_step2ck")?.deadline?.local).toBe("Wed 27 Jan 2027");
  });

  it("a sitting booked after the day (Auckland): the deadline column names the day its text names", () => {
    const input = interviewing(
      "Pacific/Auckland",
      milestoneFactory("usmle_step2ck", "scheduled", "2027-02-05"),
    );
    const result = plan(input, new Date("2026-12-03T09:00:00Z"));
    const step = stepOf(result, "usmle_step2ck");
    expect(step?.deadline?.local).toBe("Wed 27 Jan 2027");
    expect(step?.action).toContain("Wed 27 Jan 2027");
    expect(step?.action).not.toContain("28 Jan");
    expect(row(result, "usmle_step2ck", "Pacific/Auckland")).toContain("Wed 27 Jan 2027 †");
  });

  it("OET in Los Angeles on Tue 5 Jan 22:00 PST: due today, not overdue, the day with no hour", () => {
    const input = interviewing(
      "America/Los_Angeles",
      milestoneFactory("ecfmg_pathway", "in_progress", "2026-12-20"),
      milestoneFactory("oet_medicine", "in_progress"),
    );
    const result = plan(input, new Date("2027-01-06T06:00:00Z"));
    const step = stepOf(result, "oet_medicine");
    expect(outOfReach(result)).toBe(false);
    expect(step?.urgency).toBe("urgent");
    expect(step?.deadline?.local).toBe("Tue 5 Jan 2027");
    expect(result.overdue.map((each) => each.milestone)).not.toContain("oet_medicine");
  });

  it("Auckland, written off at the later candidate's midnight: the step says its 2027 day passed, and its 2028 one", () => {
    const result = plan(step2("Pacific/Auckland"), new Date("2027-02-03T12:00:00Z"));
    const step = stepOf(result, "usmle_step2ck");
    expect(step?.matchYears).toEqual({ missed: 2027, due: 2028 });
    expect(step?.missedDeadline).toMatchObject({ local: "Wed 27 Jan 2027", precision: "day" });
    expect(step?.deadline).toMatchObject({ local: "Wed 26 Jan 2028", precision: "day" });
  });
});
