import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, interviewFactory } from "./factories.ts";

/**
 * An interview in an earlier Match's interview
 * season than the plan's Match year (the CLI warned on stderr only) is asked about in the plan: a
 * warning names the interview and its Match, and what would become urgent; the plan's dates stay.
 */
const NOW = new Date("2026-12-28T11:00:00Z");

function planFor(interviews: Interview[], now = NOW): Plan {
  const applicant = applicantFactory({
    fullName: "Tunde Bakare",
    matchYear: 2028,
    timezone: "Africa/Accra",
    graduation: "2025-08-31",
    medicalSchool: { name: "Coastal College of Medicine", country: "GH", wdomsSponsorNote: true },
  });
  return plan(
    inputFactory({ applicant, milestones: doneMilestones(["wdoms_listing"]), interviews }),
    seasonCalendar(2028),
    now,
  );
}
const JANUARY = interviewFactory({
  program: "Lakeshore Pediatrics",
  startsAt: "2027-01-20T10:00:00-05:00",
  timezone: "America/New_York",
});
const risk = (result: Plan) => result.risks.find((each) => each.code === "INTERVIEW_IN_EARLIER_MATCH");

describe("an interview in an earlier Match's season than the plan's", () => {
  it("asks whether the Match year is right, naming the interview, its Match and what would be urgent", () => {
    const result = planFor([JANUARY]);
    const asked = risk(result);
    expect(asked?.severity).toBe("warning");
    expect(asked?.message).toContain("Lakeshore Pediatrics on Wed 20 Jan 2027");
    expect(asked?.message).toContain("is your Match year 2027?");
    expect(asked?.message).toContain("NRMP registration");
    expect(asked?.message).toContain("Wed 24 Feb 2027 (ET, projected)");
    expect(asked?.sources?.length).toBeGreaterThan(0);
    // No change to the plan's dates.
    expect(result.matchYear).toBe(2028);
    const steps = (each: Plan) =>
      JSON.stringify(each.nextSteps.filter((step) => step.milestone !== "interview"));
    expect(steps(result)).toBe(steps(planFor([])));
  });

  it("says nothing for an interview in the plan's own season, or once the earlier Match's list has closed", () => {
    const own = interviewFactory({ program: "Own Season IM", startsAt: "2027-11-10T09:00:00-05:00" });
    expect(risk(planFor([own], new Date("2027-10-01T09:00:00Z")))).toBeUndefined();
    expect(risk(planFor([JANUARY], new Date("2027-03-01T09:00:00Z")))).toBeUndefined();
  });
});

/**
 * The question compares the interview's season with the
 * Match year the applicant entered, never with a later Match the planner moved the plan to.
 */
describe("a plan the planner moved to a later Match", () => {
  it("raises no question about the entered Match's own interview", () => {
    const applicant = applicantFactory({
      fullName: "Ngozi Adeyemi",
      matchYear: 2027,
      timezone: "Africa/Lagos",
      graduation: "2025-06-30",
      medicalSchool: { name: "Harbour College of Medicine", country: "NG", wdomsSponsorNote: true },
    });
    const done = doneMilestones([
      "wdoms_listing",
      "ecfmg_application",
      "usmle_step1",
      "oet_medicine",
      "ecfmg_pathway",
      "usce",
      "lors",
      "personal_statement",
      "cv",
      "program_list",
      "eras_token",
      "eras_application",
      "nrmp_registration",
    ]);
    const interview = interviewFactory({
      program: "Riverside IM",
      startsAt: "2026-12-08T09:00:00-06:00",
      timezone: "America/Chicago",
    });
    const result = plan(
      inputFactory({
        applicant,
        milestones: [...done, { key: "usmle_step2ck", status: "in_progress" }],
        interviews: [interview],
      }),
      seasonCalendar(2027),
      new Date("2027-02-04T09:00:00Z"),
    );
    expect(result.risks.some((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE")).toBe(true);
    expect(risk(result)).toBeUndefined();
  });
});
