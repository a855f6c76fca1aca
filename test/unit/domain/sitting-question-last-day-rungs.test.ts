import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Chidi: Lagos, J-1, 2027 Match, everything done but
 * Step 2 CK, booked for a day that has passed. After the one "did you take it?" question, the last
 * sitting day's rungs (3 days and 1 day before Wed 27 Jan 2027, counted in days) go out while no result is recorded,
 * whether or not the result is overdue yet: one rule, the same reminders (same ids) in both cases.
 */
const calendar = seasonCalendar(2027);
const LAST_DAY_END = Date.parse("2027-01-27T23:00:00Z"); // Thu 28 Jan 2027, 00:00 in Lagos

function chidi(booked: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Africa/Lagos", matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-09-12",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", booked),
    ],
  });
}

const beforeLastDay = (result: Plan) =>
  result.reminders.filter((r) => r.milestone === "usmle_step2ck" && Date.parse(r.sendAt) < LAST_DAY_END);
const lastDayRungs = (result: Plan) =>
  beforeLastDay(result)
    .filter((r) => r.rung === "sit-by-in-3d" || r.rung === "sit-by-in-1d")
    .map((r) => ({ id: r.id, rung: r.rung, day: r.sendAtLocal.slice(0, 10) }));

describe("a booked day passed, result not yet overdue: the last sitting day's rungs after the question", () => {
  const notOverdue = plan(chidi("2027-01-10"), calendar, new Date("2027-01-11T09:00:00Z"));

  // No question and no last-sitting-day rungs while
  // the score may still come (10 Jan + 28 days, reportingDays: Sun 7 Feb, after the last sitting day).
  it("no question and no last-sitting-day rung while the score may still come", () => {
    expect(beforeLastDay(notOverdue)).toEqual([]);
  });

  it("once the result is overdue, the 3-day and 1-day rungs before the last sitting day", () => {
    const overdue = plan(chidi("2026-12-20"), calendar, new Date("2027-01-20T09:00:00Z"));
    // Counted in days from the last sitting day: the 1-day rung the day before.
    expect(lastDayRungs(overdue).map((r) => `${r.rung} ${r.day}`)).toEqual([
      "sit-by-in-3d 2027-01-24",
      "sit-by-in-1d 2027-01-26",
    ]);
  });

  it("a sitting days before the last sitting day: nothing before it", () => {
    const late = plan(chidi("2027-01-22"), calendar, new Date("2027-01-24T12:00:00Z"));
    expect(beforeLastDay(late).map((r) => r.rung)).toEqual([]);
  });
});
