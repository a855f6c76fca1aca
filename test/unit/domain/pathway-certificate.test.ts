import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * A certificate issued through an ECFMG Pathway can expire until 12
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
    // With a certified list they may be in GME; with none the Match is over for them, and the next
    // Match's check stands (pathway-certificate-earlier-season.test.ts).
    // The result never heard past the start, the next Match's check stands too, worded as a question.
    const listCertified = [...certified, ...doneMilestones(["rank_order_list"])];
    expect(riskOf(listCertified, "2028-07-02T12:00:00Z")?.message).toContain(
      "We never heard whether you matched in the 2028 Match: if you did not, before you apply for another Match, check",
    );
    const matched = [...listCertified, ...doneMilestones(["match_day"])];
    expect(riskOf(matched, "2028-07-02T12:00:00Z")).toBeUndefined();
  });
});

/**
 * After the rank order list deadline, an applicant with a certified list
 * (or SOAP still open to them) may match within days. ECFMG keeps a Pathway certificate valid for
 * entry into GME in the year its holder matches (info-applicants page), so the words say so and ask
 * for Pathways Revalidation only if the season does not work out, never "now". An applicant who
 * reported Match Week done (matched, in the Match or in SOAP) heard nothing; now the check against
 * the start stays until the start: the certificate must be
 * valid then (pathway-certificate-after-match.test.ts).
 */
describe("a Pathway-based certificate for an applicant who may match this season", () => {
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
      inputFactory({
        applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata" }),
        milestones,
      }),
      seasonCalendar(2027),
      new Date(now),
    ).risks.find((risk) => risk.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE");
  const listCertified = [...base, ...doneMilestones(["rank_order_list"])];

  it.each([
    ["with a certified list, waiting for Match Week", listCertified, "2027-03-01T04:30:00Z"],
    ["with a certified list, the week before Match Week", listCertified, "2027-03-10T12:00:00Z"],
    ["in SOAP without a list", base, "2027-03-17T04:30:00Z"],
    ["in SOAP without a list, on its last day", base, "2027-03-18T04:30:00Z"],
  ])(
    "%s: valid for entry this year if they match, revalidation only if they do not, cited",
    (_, milestones, now) => {
      const risk = riskAt(milestones, now);
      const message = risk?.message ?? "";
      expect(message).toContain(
        "If you match this season (or accept a SOAP offer), ECFMG keeps your certificate valid for entry into residency this year",
      );
      expect(message).toContain("apply for ECFMG's Pathways Revalidation only if you do not match");
      expect(message).not.toContain("Revalidation now");
      expect(risk?.sources).toContain("https://ecfmg.org/certification-pathways/info-applicants.html");
    },
  );

  it("matched (Match Week done, in the Match or in SOAP): the check against the start, until the start", () => {
    const matched = [...listCertified, ...doneMilestones(["match_week"], "2027-03-15")];
    expect(riskAt(matched, "2027-03-16T04:30:00Z")?.message).toContain(
      "You matched, and you can start residency only with a valid certificate.",
    );
    const inSoap = [...base, ...doneMilestones(["match_week"], "2027-03-19")];
    expect(riskAt(inSoap, "2027-03-20T04:30:00Z")?.message).toContain("against your residency start");
    expect(riskAt(matched, "2027-07-02T04:30:00Z")).toBeUndefined();
  });

  it("with the Match over for them and SOAP closed: the next Match's check", () => {
    // SOAP never answered: up to the contract's day (Fri 2 Apr 2027) a SOAP offer may still place them.
    expect(riskAt(base, "2027-03-25T12:00:00Z")?.message).toContain("through a SOAP offer you accepted");
    // Past it the plan is the 2028 Match's, and so is the check.
    const message = riskAt(base, "2027-04-05T12:00:00Z")?.message ?? "";
    expect(message).toContain("verify with ECFMG that it holds for the 2028 Match");
    expect(message).not.toContain("through a SOAP offer you accepted");
  });

  /**
   * Once SOAP has ended the season's outcome is past, so the words are too; one
   * in SOAP (Monday said "not matched") hears of the SOAP offer alone.
   */
  const inSoap = (milestones: typeof base) => [
    ...milestones.filter((entry) => entry.key !== "soap"),
    { key: "soap" as const, status: "in_progress" as const },
  ];
  it.each([
    [
      "in SOAP, after it ended",
      inSoap(listCertified),
      "2027-03-20T15:00:00Z",
      "If you accepted a SOAP offer, ECFMG keeps",
      "only if you accepted none",
    ],
    [
      "a certified list, after SOAP ended",
      listCertified,
      "2027-03-19T15:30:00Z",
      "If you matched this season (in the Match or through a SOAP offer you accepted), ECFMG keeps",
      "only if you did not match",
    ],
    [
      "in SOAP, while it runs",
      inSoap(listCertified),
      "2027-03-17T04:30:00Z",
      "If you accept a SOAP offer, ECFMG keeps",
      "only if you accept none",
    ],
  ])("%s: the words fit the tense and the applicant", (_, milestones, now, condition, otherwise) => {
    const message = riskAt(milestones, now)?.message ?? "";
    expect(message).toContain(condition);
    expect(message).toContain(`apply for ECFMG's Pathways Revalidation ${otherwise}`);
    expect(message).not.toContain("If you match this season");
  });
});
