import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

/**
 * PATHWAY_CERTIFICATE_MAY_EXPIRE gave opposite
 * advice before the rank order list deadline ("apply for Pathways Revalidation before you rank") and
 * after it ("if you match, ECFMG keeps your certificate valid, nothing is needed now"). One rule in
 * both periods, the one its source states (ECFMG's page for Pathways applicants: an accepted Pathway
 * stays valid for the Match and for entry into GME that year), with that page's season (the 2024
 * Match) and "verify" for the plan's own.
 */
const CERTIFIED = [...doneMilestones([...REGISTERED_KEYS, "ecfmg_certification"])];

function riskAt(milestones: MilestoneEntry[], now: string) {
  const applicant = applicantFactory({
    fullName: "Aroha Ngata",
    matchYear: 2027,
    timezone: "Pacific/Auckland",
    graduation: "2024-11-30",
    medicalSchool: { name: "Tasman School of Medicine", country: "FJ", wdomsSponsorNote: true },
  });
  return plan(inputFactory({ applicant, milestones }), seasonCalendar(2027), new Date(now)).risks.find(
    (risk) => risk.code === "PATHWAY_CERTIFICATE_MAY_EXPIRE",
  );
}
const RULE =
  "If you match this season (or accept a SOAP offer), ECFMG keeps your certificate valid for entry into residency this year";

describe("a Pathway certificate's validity: one rule before and after the rank order list deadline", () => {
  it.each([
    ["ranking open, before the deadline", CERTIFIED, "2027-01-20T09:00:00Z"],
    [
      "a certified list, after the deadline",
      [...CERTIFIED, ...doneMilestones(["rank_order_list"])],
      "2027-03-04T21:00:00Z",
    ],
  ])("%s: the source's rule, its season and 'verify', never 'before you rank'", (_, milestones, now) => {
    const risk = riskAt(milestones, now);
    const message = risk?.message ?? "";
    expect(message).toContain(RULE);
    expect(message).toContain("for the 2024 Match");
    expect(message).toContain("verify with ECFMG that it holds for the 2027 Match");
    expect(message).toContain("apply for ECFMG's Pathways Revalidation only if you do not match");
    expect(message).not.toContain("before you rank");
    expect(risk?.sources).toContain("https://ecfmg.org/certification-pathways/info-applicants.html");
  });
});
