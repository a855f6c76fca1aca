import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * One predicate says whether an
 * interview is evidence of being in a Match: dated in that Match's interview season (from the day
 * programs may first review ERAS applications to the rank order list deadline, the window the
 * intake warning uses) once ERAS applicants may submit. An interview on 1 Sep 2026 and one on 2 Sep
 * 2026 are both before the 2027 season's review day (23 Sep, projected): both warned, neither
 * evidence, so the two plans agree (2 Sep once presumed the exams done and 1 Sep wrote the
 * 2027 Match off).
 */
const NOW = new Date("2026-09-06T09:00:00Z");

function planWith(interview: Interview, note: boolean | null = true): Plan {
  const applicant = applicantFactory({
    externalId: "adve2-edge",
    matchYear: 2027,
    timezone: "Africa/Lagos",
    graduation: "2025-06-30",
    medicalSchool: { name: "Lagoon College of Medicine", country: "NG", wdomsSponsorNote: note },
  });
  return plan(
    inputFactory({ applicant, milestones: [], interviews: [interview] }),
    seasonCalendar(2027),
    NOW,
  );
}

const interviewOn = (day: string): Interview =>
  interviewFactory({ id: "iv-edge", program: "Harbor Family Medicine", startsAt: `${day}T11:00:00-04:00` });

/** The plan without the interview's own step and reminders, which carry its date. */
function withoutTheInterview(result: Plan): unknown {
  const notInterview = (each: { milestone?: string }) => each.milestone !== "interview";
  return {
    ...result,
    nextSteps: result.nextSteps.filter(notInterview).map((each) => ({ ...each, id: undefined })),
    reminders: result.reminders.filter(notInterview).length,
  };
}

describe("one rule for when an interview is evidence", () => {
  it("an interview on 1 Sep 2026 and one on 2 Sep 2026 give the same plan for the 2027 Match", () => {
    const first = planWith(interviewOn("2026-09-01"));
    const second = planWith(interviewOn("2026-09-02"));
    expect(withoutTheInterview(second)).toEqual(withoutTheInterview(first));
    // Neither is evidence: nothing is presumed from it.
    for (const result of [first, second])
      expect(result.risks.map((each) => each.code)).not.toContain("CERTIFICATION_STATUS_UNREPORTED");
  });

  it("an interview in the season (12 Oct 2026) is still evidence: the exams are presumed", () => {
    const result = planWith(interviewOn("2026-10-12"));
    expect(result.risks.map((each) => each.code)).toContain("CERTIFICATION_STATUS_UNREPORTED");
  });

  it("an interview before the season does not open the unknown sponsor-note gate; one in it does", () => {
    const early = planWith(interviewOn("2026-09-02"), null);
    expect(early.nextSteps.map((each) => each.milestone)).toContain("wdoms_listing");
    const inSeason = planWith(interviewOn("2026-10-12"), null);
    expect(inSeason.nextSteps.map((each) => each.milestone)).not.toContain("wdoms_listing");
  });
});
