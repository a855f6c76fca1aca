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

/**
 * Tester t9i F8: after the rank order list deadline, an applicant with a certified list (or SOAP
 * still open to them) may match within days, yet was told to revalidate "before you apply for
 * another Match". The certificate must be valid when residency starts (certification is needed to
 * start): the words say so, and keep "another Match" only for the season not working out.
 */
describe("a Pathway-based certificate for an applicant who may match this season (tester t9i F8)", () => {
  const base = doneMilestones([
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "oet_medicine",
    "ecfmg_pathway",
    "ecfmg_certification",
    "eras_token",
    "eras_application",
    "nrmp_registration",
  ]);
  const riskAt = (milestones: typeof base, now: string) =>
    plan(
      inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), milestones }),
      seasonCalendar(2027),
      new Date(now),
    ).risks.find((risk) => risk.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE");
  const listCertified = [...base, ...doneMilestones(["rank_order_list"])];

  it("with a certified list, waiting for Match Week: valid when residency starts, revalidated before it", () => {
    const message = riskAt(listCertified, "2027-03-10T12:00:00Z")?.message ?? "";
    expect(message).toContain("it must still be valid when residency starts on 2027-07-01");
    expect(message).toContain("before your residency starts");
    expect(message).not.toMatch(/^[^.]*Revalidation before you apply for another Match/m);
  });

  it("in SOAP without a list: the same, since a SOAP position starts this year too", () => {
    const message = riskAt(base, "2027-03-16T16:00:00Z")?.message ?? "";
    expect(message).toContain("before your residency starts");
  });

  it("with the Match over for them and SOAP closed: another Match, as before", () => {
    const message = riskAt(base, "2027-03-25T12:00:00Z")?.message ?? "";
    expect(message).toContain("before you apply for another Match");
    expect(message).not.toContain("before your residency starts");
  });
});
