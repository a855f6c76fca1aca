import { describe, expect, it } from "vitest";
import { cohortRow } from "#domain/console/cohort-row.ts";
import { changeInstants, planFacts, rowAsOf, upcomingFacts } from "#domain/console/row-as-of.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, examsDone, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * The cohort row read as of now: a row stored months ago, with no re-plan since,
 * must say what a plan made now says: stage, risks, overdue count and next deadline.
 */
describe("cohort row as of now", () => {
  const input = inputFactory();
  const calendar = seasonCalendar(input.applicant.matchYear);
  const planAt = (at: Date) => plan(input, calendar, at);
  const storedAt = new Date(`${input.applicant.matchYear - 1}-08-01T12:00:00Z`);
  const stored = planAt(storedAt);
  const seasonInstants = Object.values(calendar.dates).map((date) => date.iso);
  const upcoming = upcomingFacts(planFacts(stored), changeInstants(stored, seasonInstants), planAt);
  const row = cohortRow({ applicantId: "a_1", applicant: input.applicant, plan: stored, upcoming });

  it.each([
    `${input.applicant.matchYear - 1}-10-15T00:00:00Z`,
    `${input.applicant.matchYear}-01-20T00:00:00Z`,
    `${input.applicant.matchYear}-03-20T00:00:00Z`,
  ])("agrees with a fresh plan at %s", (now) => {
    const fresh = planFacts(planAt(new Date(now)));
    const read = rowAsOf(row, new Date(now).toISOString());
    expect({
      stage: read.stage,
      risks: read.risks,
      overdue: read.overdue,
      nextDeadline: read.nextDeadline,
      plannedMatchYear: read.plannedMatchYear,
    }).toEqual({ ...fresh, nextDeadline: fresh.nextDeadline });
    // The stored row alone (what the page showed before) disagrees at least in its overdue count.
    if (fresh.overdue > 0) expect(row.overdue).not.toBe(fresh.overdue);
  });

  it("reaches the season's end: after the rank order list deadline the row says season over", () => {
    // An applicant who could have ranked (exams reported, registered with NRMP: after SOAP, its
    // outcome not yet told); with nothing done the season was out of reach at its deadline and stays
    // MATCH_YEAR_NOT_FEASIBLE.
    const ready = inputFactory({
      milestones: [...examsDone(), milestoneFactory("nrmp_registration", "done")],
    });
    const readyAt = (at: Date) => plan(ready, calendar, at);
    const readyStored = readyAt(storedAt);
    const readyRow = cohortRow({
      applicantId: "a_2",
      applicant: ready.applicant,
      plan: readyStored,
      upcoming: upcomingFacts(planFacts(readyStored), changeInstants(readyStored, seasonInstants), readyAt),
    });
    const after = rowAsOf(readyRow, `${input.applicant.matchYear}-03-20T00:00:00.000Z`);
    const fresh = planFacts(readyAt(new Date(`${input.applicant.matchYear}-03-20T00:00:00Z`)));
    expect(fresh.risks.codes).toContain("SEASON_OVER");
    expect(after.stage).toBe(fresh.stage);
    // Its next deadline, if any, is still ahead: nothing of the over season's passed steps.
    expect(
      after.nextDeadline === undefined ||
        after.nextDeadline.at >= `${input.applicant.matchYear}-03-20T00:00:00.000Z`,
    ).toBe(true);
    // The out-of-reach applicant's row agrees with a fresh plan too, and names no passed deadline.
    const outOfReach = rowAsOf(row, `${input.applicant.matchYear}-03-20T00:00:00.000Z`);
    const freshOut = planFacts(planAt(new Date(`${input.applicant.matchYear}-03-20T00:00:00Z`)));
    expect(freshOut.risks.codes).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(outOfReach.stage).toBe(freshOut.stage);
    expect(
      outOfReach.nextDeadline === undefined ||
        outOfReach.nextDeadline.at >= `${input.applicant.matchYear}-03-20T00:00:00.000Z`,
    ).toBe(true);
  });

  it("keeps a row without upcoming facts as stored, and drops the entries already passed", () => {
    const { upcoming: _none, ...plain } = row;
    expect(rowAsOf(plain, "2099-01-01T00:00:00.000Z")).toEqual(plain);
    expect(row.upcoming?.length).toBeGreaterThan(0);
    const first = row.upcoming?.[0]?.from ?? "";
    // Dropped: every entry left (none, when the first was the only one) is still ahead.
    expect((rowAsOf(row, first).upcoming ?? []).every((entry) => entry.from > first)).toBe(true);
  });
});

/**
 * A booked exam whose result is pending: the "no result recorded" risk appears when the result
 * should be out (exam day + reportingDays), an instant that is neither a deadline nor a season
 * date; the row's look-ahead must re-plan there (the cohort said "1
 * critical" while the applicant page said 2).
 */
describe("cohort row as of now, with an exam's result pending", () => {
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2028, timezone: "Asia/Kolkata" }),
    milestones: [
      ...doneMilestones(
        ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
        "2026-11-01",
      ),
      milestoneFactory("usmle_step2ck", "scheduled", "2027-10-05"),
    ],
  });
  const calendar = seasonCalendar(2028);
  const planAt = (at: Date) => plan(input, calendar, at);
  const stored = planAt(new Date("2027-10-01T12:00:00Z"));
  const seasonInstants = Object.values(calendar.dates).map((date) => date.iso);
  const upcoming = upcomingFacts(planFacts(stored), changeInstants(stored, seasonInstants), planAt);
  const row = cohortRow({ applicantId: "a_3", applicant: input.applicant, plan: stored, upcoming });

  it.each(["2027-10-06T13:30:00Z", "2027-11-02T12:00:00Z", "2027-11-20T12:00:00Z"])(
    "agrees with a fresh plan at %s",
    (now) => {
      const fresh = planFacts(planAt(new Date(now)));
      const read = rowAsOf(row, new Date(now).toISOString());
      expect(read.risks).toEqual(fresh.risks);
    },
  );

  it("counts the pending result as a risk only from the day it should be out", () => {
    expect(planFacts(planAt(new Date("2027-10-06T13:30:00Z"))).risks.codes).not.toContain(
      "SCHEDULED_DATE_PASSED",
    );
    expect(planFacts(planAt(new Date("2027-11-02T12:00:00Z"))).risks.codes).toContain(
      "SCHEDULED_DATE_PASSED",
    );
  });
});
