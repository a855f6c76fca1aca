import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { planInOwnMatch } from "./fixture-snapshots.ts";

/**
 * The certificate question with nothing we know of holding it back stated "every exam and the
 * Pathway are done" for an applicant who never reported the OET or the Pathway (Match Week's done
 * implies them). Rule: the words ask about the steps the record does not show, and state done only
 * what it does. For a J-1 past the sponsorship's planned date the question is critical: ECFMG
 * sponsors a J-1 only once the applicant is certified.
 */
const done = (key: string) => ({ key, status: "done" });
const BEFORE_MATCH = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "rank_order_list",
  "match_week",
];

function applicant(visa: "J-1" | "H-1B", extra: readonly string[]): ApplicantSnapshot {
  return ApplicantSnapshotSchema.parse({
    type: "applicant.snapshot",
    submissionId: "unrecorded-pathway",
    applicant: {
      externalId: "unrecorded-pathway",
      email: "unrecorded@example.org",
      fullName: "Unrecorded Pathway",
      timezone: "Asia/Karachi",
      matchYear: 2027,
      specialties: ["Family Medicine"],
      visa,
      graduation: "2023-05-31",
      medicalSchool: { name: "School of Elsewhere", country: "PK", wdomsSponsorNote: true },
      programsPlanned: 40,
      advisorEmail: "advisor@matchpath.example",
    },
    milestones: [
      ...[...BEFORE_MATCH, ...extra].map(done),
      { key: "ecfmg_certification", status: "in_progress" },
    ],
    interviews: [],
  });
}

const NOW = "2027-06-08T09:00:00+05:00";
const riskOf = (result: Plan) => result.risks.find((risk) => risk.code === "CERTIFICATION_AFTER_START");
const stepOf = (result: Plan) => result.nextSteps.find((step) => step.milestone === "ecfmg_certification");

describe("the certificate question states done only what the record shows", () => {
  it("asks about an OET and a Pathway never reported, in the risk and the step", () => {
    const result = planInOwnMatch(applicant("H-1B", []), NOW);
    const risk = riskOf(result);
    expect(risk?.message).toMatch(
      /^We have no record of your OET Medicine or ECFMG Pathway: are they done\? If so/,
    );
    expect(risk?.message).not.toContain("Every exam and the Pathway are done");
    expect(stepOf(result)?.action).toMatch(
      /^We have no record of your OET Medicine or ECFMG Pathway: are they done\?/,
    );
  });

  it("states them done when the record shows them", () => {
    const result = planInOwnMatch(applicant("H-1B", ["oet_medicine", "ecfmg_pathway"]), NOW);
    expect(riskOf(result)?.message).toMatch(/^Every exam and the Pathway are done/);
  });

  it("is critical for a J-1 past the sponsorship's planned date, and says why", () => {
    const result = planInOwnMatch(applicant("J-1", ["oet_medicine", "ecfmg_pathway"]), NOW);
    const risk = riskOf(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain("ECFMG sponsors your J-1 only once you are certified");
    const h1b = riskOf(planInOwnMatch(applicant("H-1B", ["oet_medicine", "ecfmg_pathway"]), NOW));
    expect(h1b?.severity).toBe("warning");
  });
});

describe("a reported Pathway records the OET it needed", () => {
  it("states every exam and the Pathway done with the Pathway reported and the OET not", () => {
    const result = planInOwnMatch(applicant("H-1B", ["ecfmg_pathway"]), NOW);
    expect(riskOf(result)?.message).toMatch(/^Every exam and the Pathway are done/);
  });
});
