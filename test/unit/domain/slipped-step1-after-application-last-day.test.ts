import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

// An early starter in Lagos aiming for the 2028 Match, Step 1 not begun, plans to submit the ECFMG
// application on a day she gives. Past the application's latest day (Step 1's latest start, the day
// MATCH_YEAR_LAST_DAY names), the card says that day is too late for the Match: ECFMG's approval and
// Step 1's 120 days of preparation count from the application. TARGETS_SLIPPED must count the same
// way, not aim Step 1 at 90 days after the application, a day before its deadline that read in time.

const lagos = (planned: string): PlannerInput =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "early-lagos-2028",
      timezone: "Africa/Lagos",
      matchYear: 2028,
      graduation: "2026-05-31",
      medicalSchool: { name: "Example Medical College", country: "NG", wdomsSponsorNote: true },
    }),
    milestones: [
      { key: "wdoms_listing", status: "done", date: "2026-11-25" },
      { key: "ecfmg_application", status: "scheduled", date: planned },
    ],
  });
const planOf = (planned: string): Plan =>
  plan(lagos(planned), seasonCalendar(2028), new Date("2026-12-08T09:00:00+01:00"));
const slipped = (result: Plan) => result.risks.find((risk) => risk.code === "TARGETS_SLIPPED");

describe("an application planned for 21 June 2027, after its latest day", () => {
  const result = planOf("2027-06-21");

  it("never aims Step 1 at 90 days after it: the card and the risks agree the day is too late", () => {
    const card = result.nextSteps.find((step) => step.milestone === "ecfmg_application");
    expect(card?.action).toContain("after your last day for the 2028 Match");
    const risk = slipped(result);
    expect(risk?.message).not.toMatch(/USMLE Step 1: aim for/);
    expect(risk?.severity).toBe("critical");
    expect(result.risks.find((each) => each.code === "MATCH_YEAR_LAST_DAY")?.severity).toBe("critical");
  });
});

describe("an application planned for 10 May 2027, before its latest day", () => {
  it("still aims Step 1 at the catalog's 90 days after it (Step 1's study begun before it)", () => {
    const risk = slipped(planOf("2027-05-10"));
    expect(risk?.message).toContain("USMLE Step 1: aim for Sun 8 Aug 2027");
    expect(risk?.message).toContain("90 days after you submit your Application for ECFMG Certification");
  });
});
