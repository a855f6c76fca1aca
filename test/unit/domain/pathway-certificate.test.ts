import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * Tester finding s4-A2 (issue 9): a certificate issued through an ECFMG Pathway can expire until 12
 * months of ACGME GME (ECFMG's permanent-validation page); a certified re-applicant heard nothing.
 */
describe("a Pathway-based ECFMG certificate before GME", () => {
  const certified = doneMilestones([
    "wdoms_listing",
    "ecfmg_application",
    "ecfmg_pathway",
    "ecfmg_certification",
  ]);
  const riskOf = (milestones: typeof certified, now: string) =>
    plan(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2028 }),
        milestones,
      }),
      seasonCalendar(2028),
      new Date(now),
    ).risks.find((risk) => risk.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE");

  it("warns a certified applicant whose certificate came through a Pathway to check its validity and revalidate, cited", () => {
    const risk = riskOf(certified, "2027-03-25T12:00:00Z");
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toContain("can expire until you complete 12 months of ACGME-accredited GME");
    expect(risk?.message).toContain("Pathways Revalidation");
    expect(risk?.sources).toContain("https://ecfmg.org/certification-pathways/permanent-validation.html");
    expect(risk?.milestones).toEqual(["ecfmg_certification", "ecfmg_pathway"]);
  });

  it("says nothing when the certificate did not come through a Pathway, or once residency has started", () => {
    const withoutPathway = certified.filter((entry) => entry.key !== "ecfmg_pathway");
    expect(riskOf(withoutPathway, "2027-03-25T12:00:00Z")).toBeUndefined();
    expect(riskOf(certified, "2028-07-02T12:00:00Z")).toBeUndefined();
  });
});
