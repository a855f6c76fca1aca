import { describe, expect, it } from "vitest";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";
import { hiddenWaits } from "./hidden-waits.ts";

// An applicant whose sponsor note is unknown
// reported only an ERAS application done for the 2027 Match; the plan moved to 2028, and its ERAS
// token waited for the ECFMG application, a step in no section of the plan. An ERAS application
// done means ECFMG issued a token, which needs an ECFMG/USMLE identity (MyIntealth; FSMB's USMLE
// application needs it too): the plan counts the ECFMG application done for feasibility, so nothing
// waits for it. A step the plan waits on is always visible.

/** A 2027 applicant in Cairo, sponsor note unknown, who reported only an ERAS application sent. */
function erasOnly(dated: string) {
  return inputFactory({
    applicant: applicantFactory({
      fullName: "Mona Farouk",
      timezone: "Africa/Cairo",
      matchYear: 2027,
      graduation: "2024-07-31",
      medicalSchool: { name: "Ain Shams University", country: "EG", wdomsSponsorNote: null },
    }),
    milestones: [milestoneFactory("eras_application", "done", dated)],
  });
}

describe("an ERAS application done for a Match out of reach", () => {
  it("the 2028 plan's ERAS token waits for no step the plan does not show", () => {
    const result = planFor(erasOnly("2026-09-22"), "2026-12-10T09:00:00Z");
    expect(hiddenWaits(result)).toEqual([]);
    const token = result.nextSteps.find((step) => step.milestone === "eras_token");
    expect(token).toBeDefined();
    expect(result.blocked.some((step) => step.milestone === "eras_token")).toBe(false);
  });

  it("the token's card says why it waits for no ECFMG application", () => {
    const result = planFor(erasOnly("2026-09-22"), "2026-12-10T09:00:00Z");
    const token = result.nextSteps.find((step) => step.milestone === "eras_token");
    expect(token?.action).toContain(
      "Your Application for ECFMG Certification counts as done: the ERAS application you reported (Tue 22 Sep 2026) needed it first.",
    );
  });

  it("the ECFMG application counts done: no card, no fee to pay", () => {
    const result = planFor(erasOnly("2026-09-22"), "2026-12-10T09:00:00Z");
    expect(result.nextSteps.some((step) => step.milestone === "ecfmg_application")).toBe(false);
    const fee = result.budget.items.find((item) => item.key === "ecfmg_certification_application");
    // Never reported: presumed paid from the ERAS application that needed it, not "spent".
    expect(fee).toMatchObject({ status: "presumed", presumedFrom: "steps" });
  });

  it("a re-applicant who moved to 2028 after a 2026 ERAS application is not asked to apply to ECFMG again", () => {
    const input = erasOnly("2025-10-01");
    const result = planFor(
      { ...input, applicant: { ...input.applicant, matchYear: 2028 } },
      "2026-12-10T09:00:00Z",
    );
    expect(hiddenWaits(result)).toEqual([]);
    expect(result.nextSteps.some((step) => step.milestone === "ecfmg_application")).toBe(false);
    const fee = result.budget.items.find((item) => item.key === "ecfmg_certification_application");
    // Never reported: presumed paid from the ERAS application that needed it, not "spent".
    expect(fee).toMatchObject({ status: "presumed", presumedFrom: "steps" });
  });

  it("an ERAS application only booked for an earlier season implies the ECFMG application too", () => {
    const input = inputFactory({
      ...erasOnly("2025-10-01"),
      milestones: [milestoneFactory("eras_application", "scheduled", "2025-09-15")],
    });
    input.applicant.medicalSchool.wdomsSponsorNote = true;
    const result = planFor(
      { ...input, applicant: { ...input.applicant, matchYear: 2028 } },
      "2026-12-10T09:00:00Z",
    );
    expect(hiddenWaits(result)).toEqual([]);
    const sections = [...result.nextSteps, ...result.blocked, ...result.overdue];
    expect(sections.some((step) => step.milestone === "ecfmg_application")).toBe(false);
  });
});

// The same rule found across the golden inputs: an interview presumed the ECFMG application sent,
// not done (the WDOMS check reported not started); the plan moved to a later Match showed no card
// for it (read as done there) while that Match's ERAS token waited for it.
describe("a moved plan's ECFMG application presumed sent, not done", () => {
  it("keeps its card, so the token waits for a step the plan shows", () => {
    const result = planFor(
      inputFactory({
        applicant: applicantFactory({
          fullName: "Tendai Moyo",
          timezone: "Africa/Harare",
          matchYear: 2027,
          graduation: "2024-12-15",
          medicalSchool: { name: "University of Zimbabwe", country: "ZW", wdomsSponsorNote: null },
        }),
        milestones: [milestoneFactory("wdoms_listing", "not_started")],
        interviews: [interviewFactory({ program: "Bronx IM", startsAt: "2026-11-18T10:00:00-05:00" })],
      }),
      "2027-03-02T08:00:00Z",
    );
    expect(result.risks.some((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")).toBe(true);
    expect(hiddenWaits(result)).toEqual([]);
  });
});
