import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Auckland, 2027 Match, every step done but Step 2 CK, booked for a day after its last sitting day
 * (Wed 27 Jan 2027, our advice): the card says to move it earlier, or if no earlier seat is open to
 * keep the day booked. Its reminders count down to the last day; the eve of the day booked gets the
 * "Your date" rung an exam booked in time gets, where nothing came about the exam the day before.
 */
function booked(day: string): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        timezone: "Pacific/Auckland",
        matchYear: 2027,
        graduation: "2025-06-30",
      }),
      milestones: [
        ...doneMilestones(
          REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
          "2026-09-18",
        ),
        milestoneFactory("usmle_step2ck", "scheduled", day),
      ],
      interviews: [interviewFactory({ program: "Harbour IM", startsAt: "2026-11-12T09:00:00-05:00" })],
    }),
    seasonCalendar(2027),
    new Date("2027-01-05T10:00:00+13:00"),
  );
}
const exam = (result: Plan) => result.reminders.filter((each) => each.milestone === "usmle_step2ck");

describe("Step 2 CK booked the day after its last sitting day", () => {
  const reminders = exam(booked("2027-01-28"));

  it("the eve of the day booked says 'Your date', counting down to that day", () => {
    const eve = reminders.filter((each) => each.countsDownTo === "own-date");
    // The applicant's own day, as the in-time rungs carry it (its displays drop the midnight).
    expect(eve.map((each) => [each.sendAtLocal.slice(0, 10), each.deadlineDetail.local])).toEqual([
      ["2027-01-27", "Thu 28 Jan 2027, 12:00 AM GMT+13"],
    ]);
    expect(eve[0]?.deadlineDetail.status).toBe("applicant");
    expect(eve[0]?.title).toBe("Your USMLE Step 2 CK exam");
  });

  it("the countdown to the last sitting day stays, with ids apart from the eve's", () => {
    const due = reminders.filter(
      (each) => each.countsDownTo === undefined && each.rung.startsWith("due-in-"),
    );
    expect(due.map((each) => each.deadlineDetail.local)).toContain("Wed 27 Jan 2027");
    expect(new Set(reminders.map((each) => each.id)).size).toBe(reminders.length);
  });
});

describe("Step 2 CK booked in time (Wed 20 Jan): unchanged, its own date's rungs only", () => {
  it("no second eve rung", () => {
    const own = exam(booked("2027-01-20")).filter((each) => each.countsDownTo === "own-date");
    expect(own.filter((each) => each.rung === "sitting-eve")).toEqual([]);
    expect(own.map((each) => each.sendAtLocal.slice(0, 10))).toContain("2027-01-19");
  });
});
