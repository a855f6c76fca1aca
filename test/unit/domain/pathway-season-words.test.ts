import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import {
  applicantFactory,
  DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * A Pathway application's words fit the plan's own judgment of it. The 2027 Match's projected Pathway deadlines: applications Sat 26 Dec 2026, documents
 * Tue 26 Jan 2027 (9:00 PM ET); the 2027 Pathways closed with the previous ERAS season on
 * 31 May 2027 for the 2028 Match's calendar.
 */

/** A Lagos applicant for `matchYear`, in the Match but for the Pathway (and the OET as given). */
function pathwayApplicant(
  matchYear: number,
  pathway: { status: MilestoneStatus; date: string },
  oet: { status: MilestoneStatus; date: string },
  certified = false,
): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ matchYear, timezone: "Africa/Lagos" }),
    milestones: [
      ...doneMilestones(DONE_TO_NRMP_BUT_OET_AND_PATHWAY, "2026-03-10"),
      milestoneFactory("oet_medicine", oet.status, oet.date),
      milestoneFactory("ecfmg_pathway", pathway.status, pathway.date),
      ...(certified ? [milestoneFactory("ecfmg_certification", "done", "2026-06-01")] : []),
    ],
  });
}

function pathwayCard(result: Plan): string {
  const card = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
  expect(card).toBeDefined();
  return card?.action ?? "";
}

const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);

describe("a Pathway application ECFMG cannot accept for the Match", () => {
  // The deadline is projected: the plan cannot know ECFMG refuses it, so it says the application
  // came after it and what follows a refusal, never "reviewing".
  it("one that went in after the application deadline says so and what next, never 'reviewing'", () => {
    const input = pathwayApplicant(
      2027,
      { status: "scheduled", date: "2027-01-20" },
      { status: "done", date: "2026-10-01" },
    );
    const result = plan(input, seasonCalendar(2027), new Date("2027-01-25T10:00:00Z"));
    const card = pathwayCard(result);
    expect(card).not.toMatch(/reviewing|If you submitted it/);
    expect(card).toMatch(
      /went in on Wed 20 Jan 2027, after its deadline, Sat 26 Dec 2026 \(projected\), so ECFMG may not accept it for the 2027 Match/,
    );
    expect(card).toMatch(/your Pathway is for the 2028 Match, whose Pathway applications are due by/);
    const passed = plan(input, seasonCalendar(2027), new Date("2027-02-20T10:00:00Z"));
    const risk = riskOf(passed, "SCHEDULED_DATE_PASSED");
    expect(risk?.message).toMatch(/^Your Pathway application of Wed 20 Jan 2027 went in after its deadline/);
    expect(risk?.message).not.toMatch(/reviewing your Pathway|your new date/);
  });

  it("one in time whose OET result misses the documents deadline says the Match is out of reach", () => {
    const input = pathwayApplicant(
      2027,
      { status: "in_progress", date: "2026-12-01" },
      { status: "scheduled", date: "2027-01-20" },
    );
    const result = plan(input, seasonCalendar(2027), new Date("2027-01-25T10:00:00Z"));
    expect(riskOf(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeDefined();
    const card = pathwayCard(result);
    expect(card).not.toMatch(/reviewing/);
    expect(card).toMatch(/application of Tue 1 Dec 2026 was for the 2027 Match, which is out of reach/);
    expect(card).toMatch(/now for the 2028 Match/);
    for (const risk of result.risks) expect(risk.message).not.toMatch(/ECFMG is reviewing/);
  });
});

describe("a Pathway under review past its review time", () => {
  it("gets Pathway words, never a sitting's 'no result ... your new date'", () => {
    const input = pathwayApplicant(
      2027,
      { status: "in_progress", date: "2026-12-01" },
      { status: "done", date: "2026-10-01" },
    );
    const result = plan(input, seasonCalendar(2027), new Date("2027-01-10T10:00:00Z"));
    const passed = riskOf(result, "SCHEDULED_DATE_PASSED");
    expect(passed?.message).toMatch(
      /^ECFMG is reviewing your Pathway application of Tue 1 Dec 2026; allow about 4 weeks \(advice\)/,
    );
    expect(passed?.message).not.toMatch(/your new date|no result is recorded|sit|book/);
    expect(passed?.message).toMatch(/Did ECFMG accept it\?/);
  });
});

describe("a Pathway application of an earlier Pathways season", () => {
  it("dated April 2024, for the 2028 Match, is applied for again, never 'under review'", () => {
    const input = pathwayApplicant(
      2028,
      { status: "in_progress", date: "2024-04-10" },
      { status: "done", date: "2026-10-01" },
    );
    const result = plan(input, seasonCalendar(2028), new Date("2027-10-01T10:00:00Z"));
    const card = pathwayCard(result);
    expect(card).not.toMatch(/reviewing/);
    expect(card).toMatch(/application of Wed 10 Apr 2024 belongs to an earlier Pathways season/);
    expect(card).toMatch(/not decided for the 2028 Match/);
  });

  it("dated in the 2027 Pathways (before they closed with the ERAS season, 31 May 2027) is not the 2028 Match's", () => {
    const input = pathwayApplicant(
      2028,
      { status: "scheduled", date: "2026-12-01" },
      { status: "done", date: "2026-10-01" },
    );
    const result = plan(input, seasonCalendar(2028), new Date("2027-10-01T10:00:00Z"));
    expect(pathwayCard(result)).toMatch(/earlier Pathways season/);
  });

  it("dated in the 2028 Pathways, its date passed, is under ECFMG's review", () => {
    const input = pathwayApplicant(
      2028,
      { status: "in_progress", date: "2027-09-01" },
      { status: "done", date: "2026-10-01" },
    );
    const result = plan(input, seasonCalendar(2028), new Date("2027-09-10T10:00:00Z"));
    expect(pathwayCard(result)).toMatch(/ECFMG is reviewing it/);
  });

  it("keeps the application as reported once ECFMG has certified the applicant", () => {
    const input = pathwayApplicant(
      2028,
      { status: "in_progress", date: "2024-04-10" },
      { status: "done", date: "2024-01-01" },
      true,
    );
    const result = plan(input, seasonCalendar(2028), new Date("2027-10-01T10:00:00Z"));
    const card = result.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    expect(card?.action ?? "").not.toMatch(/earlier Pathways season/);
  });
});
