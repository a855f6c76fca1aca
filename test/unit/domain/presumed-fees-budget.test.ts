import { describe, expect, it } from "vitest";
import { budgetRows, budgetTotals } from "#domain/budget-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * One rule for the fees of steps an interview
 * presumes done (presumed-in-the-match.ts). Each such fee the fee table prices appears once, as
 * presumed paid ("presumed from your interview"), counted apart from what the applicant reported
 * spent, in USD and in another currency alike; the moved plan's MATCH_YEAR_NOT_FEASIBLE names
 * exactly the season fees the budget shows as presumed paid.
 */
const CAIRO = (milestones: MilestoneEntry[]) =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "advs-youssef",
      fullName: "Youssef Hamdy",
      timezone: "Africa/Cairo",
      matchYear: 2027,
      graduation: "2024-09-30",
      programsPlanned: 60,
      medicalSchool: { name: "Ain Shams University", country: "EG", wdomsSponsorNote: true },
    }),
    milestones,
    interviews: [
      interviewFactory({
        program: "Harbor View Family Medicine",
        startsAt: "2027-01-11T13:00:00-05:00",
        timezone: "America/New_York",
      }),
    ],
  });

const keysWith = (result: Plan, status: string): string[] =>
  result.budget.items.filter((item) => item.status === status).map((item) => item.key);

describe("fees of steps presumed done by an interview", () => {
  const nothing = plan(CAIRO([]), seasonCalendar(2027), new Date("2026-12-03T12:00:00Z"));

  it("every presumed step's USD fee is presumed paid, none spent, none left out", () => {
    expect(keysWith(nothing, "presumed").sort()).toEqual(
      [
        "ecfmg_certification_application",
        "eras_programs",
        "eras_token",
        "eras_usmle_transcript",
        "usmle_step1_exam",
        "usmle_step2ck_exam",
      ].sort(),
    );
    expect(keysWith(nothing, "spent")).toEqual([]);
    expect(nothing.budget.spentUsd).toBe(0);
    const presumed = nothing.budget.items
      .filter((item) => item.status === "presumed")
      .reduce((sum, item) => sum + item.amountUsd, 0);
    expect(nothing.budget.presumedUsd).toBe(presumed);
    expect(nothing.budget.totalUsd).toBe(nothing.budget.upcomingUsd + presumed);
  });

  it("the OET fee (AU$) is presumed paid too, not 'spent'", () => {
    const oet = nothing.budget.otherCurrency?.find((item) => item.key === "oet_medicine_test");
    expect(oet?.status).toBe("presumed");
  });

  it("the rows and totals say 'presumed from your interview', apart from what was paid", () => {
    const rows = budgetRows(nothing.budget).filter((row) => row.status === "Presumed paid");
    expect(rows.length).toBe(7);
    for (const row of rows) expect(row.note).toMatch(/^Presumed from your interview/);
    const totals = budgetTotals(nothing.budget);
    expect(totals.paid).toBe("$0");
    expect(totals.presumed).toMatch(/^about \$[\d,]+ plus AU\$587$/);
  });

  it("a step reported done is spent, not presumed (the rule reads the presumption only)", () => {
    const reported = plan(
      CAIRO([milestoneFactory("usmle_step1", "done", "2026-02-10")]),
      seasonCalendar(2027),
      new Date("2026-12-03T12:00:00Z"),
    );
    expect(keysWith(reported, "spent")).toContain("usmle_step1_exam");
    expect(keysWith(reported, "presumed")).not.toContain("usmle_step1_exam");
  });

  it("moved to 2028: the 2027 season fees presumed paid are the ones MATCH_YEAR_NOT_FEASIBLE names", () => {
    const moved = plan(
      CAIRO([milestoneFactory("oet_medicine", "in_progress")]),
      seasonCalendar(2027),
      // Past the later ROL candidate's last OET sitting day, Tue 12 Jan 2027.
      new Date("2027-01-14T09:00:00Z"),
    );
    const notFeasible = moved.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(notFeasible).toBeDefined();
    const keys = moved.budget.items.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keysWith(moved, "presumed")).toEqual(
      expect.arrayContaining(["eras_token", "eras_programs", "eras_usmle_transcript"]),
    );
    // The 2028 Match's own token and applications stay budgeted, as estimates.
    expect(keysWith(moved, "upcoming")).toEqual(
      expect.arrayContaining(["eras_token.next-match", "eras_programs.next-match"]),
    );
    expect(notFeasible?.message).toContain(
      "The 2027 fees your interview suggests you paid (ERAS token, ERAS applications, USMLE transcript to ERAS)",
    );
  });
});
