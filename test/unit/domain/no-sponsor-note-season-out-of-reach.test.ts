import { describe, expect, it } from "vitest";
import { matchYearHeading } from "#domain/match-year-heading.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A school with no ECFMG sponsor note and nothing done, three months before the rank order list
 * deadline: the plan says the season is out of reach as it does for a note still unknown, with the
 * earliest feasible Match counted as if the note came today, while every step needing ECFMG stays
 * blocked and silent, and the school's notice stays the one email.
 */
function snapshotWith(wdomsSponsorNote: boolean | null) {
  return ApplicantSnapshotSchema.parse({
    type: "applicant.snapshot",
    submissionId: `no-note-lagos-${String(wdomsSponsorNote)}`,
    applicant: {
      externalId: "no-note-lagos",
      email: "chidi@example.org",
      fullName: "Chidi Eze",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      specialties: ["Family Medicine"],
      visa: "J-1",
      graduation: "2024-07-15",
      medicalSchool: { name: "Lagos Example College of Medicine", country: "NG", wdomsSponsorNote },
      programsPlanned: 60,
    },
    milestones: [],
    interviews: [],
  });
}
const now = new Date("2026-12-03T11:00:00Z");
const noNote = plan(snapshotWith(false), seasonCalendar(2027), now);
const unknown = plan(snapshotWith(null), seasonCalendar(2027), now);
const outOfReach = (result: typeof noNote) =>
  result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");

describe("no sponsor note, nothing done, the season out of reach", () => {
  it("says the season is out of reach and names the same earliest Match as a note still unknown", () => {
    expect(outOfReach(unknown)?.earliestFeasibleMatchYear).toBe(2028);
    expect(outOfReach(noNote)?.earliestFeasibleMatchYear).toBe(2028);
    expect(matchYearHeading(noNote)).toBe(matchYearHeading(unknown));
    expect(noNote.risks.map((risk) => risk.code)).toContain("SCHOOL_NOT_ECFMG_ELIGIBLE");
  });

  it("counts that Match as if the note came today and dates no blocked step", () => {
    const message = outOfReach(noNote)?.message ?? "";
    expect(message).toContain("only if your school's ECFMG sponsor note is granted in time");
    expect(message).toContain("once your school's sponsor note is granted, the early steps are dated");
    expect(message).not.toContain("the early steps below are dated");
  });

  it("keeps every step needing ECFMG blocked and silent, fees included", () => {
    const acted = noNote.nextSteps.map((step) => step.milestone).filter((key) => key !== "budget");
    expect(acted).toEqual(["wdoms_listing"]);
    expect(new Set(noNote.reminders.map((reminder) => reminder.milestone))).toEqual(
      new Set(["wdoms_listing"]),
    );
    expect(noNote.budget.upcomingUsd).toBe(0);
  });

  it("sends the school's one notice, with no notice dated for the Match it cannot plan for", () => {
    expect(noNote.reminders.map((reminder) => reminder.risk)).toEqual(["SCHOOL_NOT_ECFMG_ELIGIBLE"]);
    expect(outOfReach(noNote)?.noticeOn).toBeUndefined();
  });
});

describe("sponsor note unknown, nothing done, the season out of reach", () => {
  it("asks for the WDOMS check before the year is changed, and dates no blocked step", () => {
    const message = outOfReach(unknown)?.message ?? "";
    expect(message).toContain(
      "only if WDOMS shows your school's ECFMG sponsor note covering your graduation year: check it first",
    );
    expect(message).toContain(
      "once you confirm your school's sponsor note in WDOMS, the early steps are dated",
    );
    expect(message).not.toContain("the early steps below are dated");
  });
});
