import { applicantIdFor } from "#adapters/dynamodb/keys.ts";
import type { ApplicantSnapshot, MilestoneEntry, MilestoneUpdate } from "#domain/snapshot.ts";
import { uniqueSuffix } from "./local-stack.ts";

/**
 * A J-1 applicant for the 2027 Match, in India, with one thing left before the season's autumn:
 * USMLE Step 2 CK, scheduled for 20 August 2026. Everything else that could remind before then is
 * done (research waived), so the reminders this applicant gets in summer 2026 are exactly Step 2 CK's
 * ladder: 14, 3 and 1 day(s) before the exam, at 09:00 in Asia/Kolkata (03:30 UTC).
 * Every call gets its own externalId, email and submission id.
 */
export const STEP2_EXAM_DATE = "2026-08-20";
/** 09:00 IST on 6 August 2026: 14 days before the exam day begins in Kolkata. */
export const STEP2_FIRST_REMINDER_AT = "2026-08-06T03:30:00.000Z";

/** The advisor the integration stack sends the daily digest to (its DIGEST_ADVISORS). */
export const DIGEST_ADVISOR = "digest.advisor@advisors.example";

export interface TestApplicant {
  snapshot: ApplicantSnapshot;
  externalId: string;
  email: string;
  applicantId: string;
}

export function step2Applicant(overrides: { examDate?: string } = {}): TestApplicant {
  const suffix = uniqueSuffix();
  const externalId = `it-${suffix}`;
  const email = `priya.${suffix}@example.org`;
  const done = (key: MilestoneEntry["key"], date?: string): MilestoneEntry => ({
    key,
    status: "done",
    ...(date ? { date } : {}),
  });
  const snapshot: ApplicantSnapshot = {
    type: "applicant.snapshot",
    submissionId: `snap-${suffix}`,
    applicant: {
      externalId,
      email,
      fullName: "Priya Raman",
      timezone: "Asia/Kolkata",
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      visa: "J-1",
      graduation: "2024-05-31",
      medicalSchool: { name: "Madras Medical College", country: "IN", wdomsSponsorNote: true },
      programsPlanned: 80,
    },
    milestones: [
      done("wdoms_listing"),
      done("ecfmg_application", "2024-08-01"),
      done("usmle_step1", "2025-03-10"),
      { key: "usmle_step2ck", status: "scheduled", date: overrides.examDate ?? STEP2_EXAM_DATE },
      done("oet_medicine", "2025-11-02"),
      done("ecfmg_pathway", "2025-11-20"),
      done("usce"),
      { key: "research", status: "waived" },
      done("lors"),
      done("personal_statement"),
      done("cv"),
      done("program_list"),
      done("eras_token"),
      done("eras_application"),
      done("nrmp_registration"),
      done("budget"),
    ],
    interviews: [],
  };
  return { snapshot, externalId, email, applicantId: applicantIdFor(externalId) };
}

/** A milestone.update for the applicant, naming it by externalId. */
export function milestoneUpdate(applicant: TestApplicant, milestones: MilestoneEntry[]): MilestoneUpdate {
  return {
    type: "milestone.update",
    submissionId: `upd-${uniqueSuffix()}`,
    applicant: { externalId: applicant.externalId },
    milestones,
  };
}
