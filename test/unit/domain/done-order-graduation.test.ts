import { describe, expect, it } from "vitest";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { planInOwnMatch } from "./fixture-snapshots.ts";

/**
 * An ECFMG certificate reported done before graduation cannot be: ECFMG verifies the diploma with
 * the school first. Rule: DONE_DATES_OUT_OF_ORDER asks which answer is right, dated or undated.
 */
function applicant(graduation: string, certificate: { status: string; date?: string }): ApplicantSnapshot {
  return ApplicantSnapshotSchema.parse({
    type: "applicant.snapshot",
    submissionId: "certified-before-graduation",
    applicant: {
      externalId: "certified-before-graduation",
      email: "early@example.org",
      fullName: "Early Certificate",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      specialties: ["Pediatrics"],
      visa: "J-1",
      graduation,
      medicalSchool: { name: "School of Elsewhere", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 30,
      advisorEmail: "advisor@matchpath.example",
    },
    milestones: [
      { key: "usmle_step1", status: "done" },
      { key: "usmle_step2ck", status: "done", score: 240, date: "2023-05-02" },
      { key: "ecfmg_certification", ...certificate },
    ],
    interviews: [],
  });
}

const NOW = "2026-12-05T10:00:00+01:00";
const question = (snapshot: ApplicantSnapshot) =>
  planInOwnMatch(snapshot, NOW).risks.find((risk) => risk.code === "DONE_DATES_OUT_OF_ORDER");

describe("a certificate reported before graduation is questioned", () => {
  it("asks about an undated certificate with graduation still ahead", () => {
    const risk = question(applicant("2030-06-30", { status: "done" }));
    expect(risk?.message).toContain(
      "Your answers mark your ECFMG certification done, before your graduation on",
    );
    expect(risk?.milestones).toContain("ecfmg_certification");
  });

  it("asks about a certificate dated before a past graduation", () => {
    const risk = question(applicant("2025-06-30", { status: "done", date: "2025-03-01" }));
    expect(risk?.message).toContain("done on");
  });

  it("says nothing of a certificate after graduation", () => {
    expect(question(applicant("2024-06-30", { status: "done", date: "2025-03-01" }))).toBeUndefined();
  });
});
