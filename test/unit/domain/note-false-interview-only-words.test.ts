import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * Whenever ANSWERS_CONTRADICT_* asks about a sponsor
 * note reported `false`, SCHOOL_NOT_ECFMG_ELIGIBLE says "until you confirm or change that answer (see
 * the question about your answers)", never "ECFMG certification is not possible", also when the interview is the
 * only evidence (nothing else reported). Farah: Lahore (Asia/Karachi), no milestones, interview 14 Dec.
 */
const calendar = seasonCalendar(2027);

const farah = inputFactory({
  applicant: applicantFactory({
    externalId: "nfi-1",
    timezone: "Asia/Karachi",
    matchYear: 2027,
    graduation: "2025-06-30",
    medicalSchool: { name: "Lahore Example College", country: "PK", wdomsSponsorNote: false },
  }),
  milestones: [],
  interviews: [interviewFactory({ program: "Northside IM", startsAt: "2026-12-14T10:00:00-05:00" })],
});

describe("a sponsor note 'false' beside an interview only", () => {
  const result = plan(farah, calendar, new Date("2027-01-20T05:00:00Z"));
  const school = result.risks.find((risk) => risk.code === "SCHOOL_NOT_ECFMG_ELIGIBLE");

  it("raises the question", () => {
    expect(result.risks.map((risk) => risk.code)).toContain("ANSWERS_CONTRADICT_INTERVIEW");
  });

  it("SCHOOL_NOT_ECFMG_ELIGIBLE asks, never states 'not possible'", () => {
    expect(school?.message).toContain(
      "until you confirm or change that answer (see the question about your answers)",
    );
    expect(school?.message).not.toContain("not possible");
  });

  it("the school check's card asks to confirm or change the answer", () => {
    const card = result.nextSteps.find((step) => step.milestone === "wdoms_listing");
    expect(card?.action).toContain("confirm or change your answer");
  });
});
