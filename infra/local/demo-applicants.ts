import type { ApplicantSnapshot } from "#domain/snapshot.ts";

/**
 * Four realistic applicants, three for the 2027 Match and one for 2028, as a form tool would send them. Names, schools and
 * dates are invented but plausible; every school is a real WDOMS-listed school with an ECFMG note.
 * `run` keeps one demo run's applicants apart from the last one's. Each names an advisor the
 * local sign-in knows (LOCAL_CONSOLE_USERS), so the console shows them a cohort.
 */
export interface DemoApplicant {
  /** Who this is, for the report. */
  story: string;
  /** When, on the demo's clock, the form is submitted. */
  submitAt: string;
  snapshot: ApplicantSnapshot;
}

/** A demo applicant as written: the parts that differ from one run to the next are filled in by demoApplicants. */
interface DemoApplicantData {
  story: string;
  submitAt: string;
  snapshot: {
    /** The short name in the submission id and external id (`demo-<run>-<id>`). */
    id: string;
    applicant: Omit<ApplicantSnapshot["applicant"], "externalId" | "email"> & {
      /** The email's local part before `+<run>` (at example.org). */
      emailName: string;
    };
    milestones: ApplicantSnapshot["milestones"];
    interviews?: ApplicantSnapshot["interviews"];
  };
}

const DEMO_APPLICANTS: readonly DemoApplicantData[] = [
  {
    story: "J-1, India, early in the season: Step 2 CK booked for July, letters and statement still open",
    submitAt: "2026-06-01T06:00:00Z",
    snapshot: {
      id: "aarav",
      applicant: {
        emailName: "aarav.sharma",
        fullName: "Aarav Sharma",
        timezone: "Asia/Kolkata",
        matchYear: 2027,
        specialties: ["Internal Medicine", "Family Medicine"],
        visa: "J-1",
        graduation: "2024-04-30",
        medicalSchool: { name: "Maulana Azad Medical College", country: "IN", wdomsSponsorNote: true },
        programsPlanned: 120,
        advisorEmail: "helen.advisor@matchpath.example",
        reminderTime: "08:30",
      },
      milestones: [
        { key: "wdoms_listing", status: "done", date: "2024-06-10" },
        { key: "ecfmg_application", status: "done", date: "2024-07-02" },
        { key: "usmle_step1", status: "done", date: "2025-02-14", note: "Pass" },
        { key: "usmle_step2ck", status: "scheduled", date: "2026-07-22" },
        { key: "oet_medicine", status: "done", date: "2025-09-20" },
        { key: "usce", status: "in_progress", note: "Internal medicine observership, Chicago, July" },
        { key: "lors", status: "in_progress", note: "Two of three letters promised" },
        { key: "personal_statement", status: "not_started" },
        { key: "cv", status: "in_progress" },
        { key: "program_list", status: "not_started" },
        { key: "budget", status: "in_progress" },
      ],
    },
  },
  {
    story: "H-1B, Nigeria, certified but without Step 3 (needed for an H-1B before ranking)",
    submitAt: "2026-06-01T06:00:00Z",
    snapshot: {
      id: "chiamaka",
      applicant: {
        emailName: "chiamaka.okafor",
        fullName: "Chiamaka Okafor",
        timezone: "Africa/Lagos",
        matchYear: 2027,
        specialties: ["Pediatrics"],
        visa: "H-1B",
        graduation: "2022-11-15",
        medicalSchool: {
          name: "University of Nigeria College of Medicine",
          country: "NG",
          wdomsSponsorNote: true,
        },
        programsPlanned: 90,
        advisorEmail: "helen.advisor@matchpath.example",
        // She consents, so her critical risk (Step 3 for the H-1B) emails Helen: the demo leaves
        // an escalation in the inbox to look at.
        escalateToAdvisor: true,
      },
      milestones: [
        { key: "wdoms_listing", status: "done" },
        { key: "ecfmg_application", status: "done", date: "2023-01-20" },
        { key: "usmle_step1", status: "done", date: "2023-09-05" },
        { key: "usmle_step2ck", status: "done", date: "2024-06-18", score: 248 },
        { key: "oet_medicine", status: "done", date: "2024-02-10" },
        { key: "ecfmg_pathway", status: "done", date: "2024-08-01" },
        { key: "ecfmg_certification", status: "done", date: "2024-10-01" },
        { key: "usce", status: "done" },
        { key: "lors", status: "done" },
        { key: "personal_statement", status: "in_progress" },
        { key: "cv", status: "done" },
        { key: "program_list", status: "in_progress" },
        { key: "eras_token", status: "done" },
        { key: "usmle_step3", status: "not_started", note: "Not booked yet" },
      ],
      interviews: [
        {
          program: "Children's Hospital of Michigan Pediatrics",
          startsAt: "2026-11-12T09:00:00-05:00",
          timezone: "America/Detroit",
          format: "virtual",
        },
      ],
    },
  },
  {
    story: "J-1, Egypt, signs up late in November: ERAS still open, NRMP not registered (late-fee risk)",
    submitAt: "2026-11-20T06:00:00Z",
    snapshot: {
      id: "omar",
      applicant: {
        emailName: "omar.haddad",
        fullName: "Omar Haddad",
        timezone: "Africa/Cairo",
        matchYear: 2027,
        specialties: ["Internal Medicine"],
        visa: "J-1",
        graduation: "2023-09-30",
        medicalSchool: {
          name: "Ain Shams University Faculty of Medicine",
          country: "EG",
          wdomsSponsorNote: true,
        },
        programsPlanned: 60,
        advisorEmail: "daniel.advisor@matchpath.example",
      },
      milestones: [
        { key: "wdoms_listing", status: "done" },
        { key: "ecfmg_application", status: "done" },
        { key: "usmle_step1", status: "done", date: "2024-12-01" },
        { key: "usmle_step2ck", status: "done", date: "2026-09-28" },
        { key: "oet_medicine", status: "done" },
        { key: "ecfmg_pathway", status: "in_progress" },
        { key: "usce", status: "done" },
        { key: "lors", status: "done" },
        { key: "personal_statement", status: "done" },
        { key: "cv", status: "done" },
        { key: "program_list", status: "done" },
        { key: "eras_token", status: "done" },
        { key: "eras_application", status: "in_progress" },
        { key: "nrmp_registration", status: "not_started" },
      ],
    },
  },
  {
    story:
      "J-1, Pakistan, signs up in January for the 2028 Match: Step 1 passed, Step 2 CK booked for 30 March, so the cohort still has a season ahead after Match Day 2027 (and her Step 2 CK reminder of mid-March still has working buttons when the demo ends)",
    submitAt: "2027-01-15T06:00:00Z",
    snapshot: {
      id: "fatima",
      applicant: {
        emailName: "fatima.malik",
        fullName: "Fatima Malik",
        timezone: "Asia/Karachi",
        matchYear: 2028,
        specialties: ["Internal Medicine"],
        visa: "J-1",
        graduation: "2025-08-31",
        medicalSchool: { name: "King Edward Medical University", country: "PK", wdomsSponsorNote: true },
        programsPlanned: 100,
        advisorEmail: "helen.advisor@matchpath.example",
      },
      milestones: [
        { key: "wdoms_listing", status: "done" },
        { key: "ecfmg_application", status: "done", date: "2025-10-01" },
        { key: "usmle_step1", status: "done", date: "2026-11-10" },
        { key: "usmle_step2ck", status: "scheduled", date: "2027-03-30" },
        { key: "oet_medicine", status: "not_started" },
        { key: "usce", status: "not_started" },
        { key: "lors", status: "not_started" },
        { key: "personal_statement", status: "not_started" },
        { key: "cv", status: "in_progress" },
      ],
    },
  },
];

export function demoApplicants(run: string): DemoApplicant[] {
  return DEMO_APPLICANTS.map(
    ({ story, submitAt, snapshot: { id, applicant, milestones, interviews = [] } }) => {
      const { emailName, ...profile } = applicant;
      return {
        story,
        submitAt,
        snapshot: {
          type: "applicant.snapshot",
          submissionId: `demo-${run}-${id}`,
          applicant: {
            externalId: `demo-${run}-${id}`,
            email: `${emailName}+${run}@example.org`,
            ...profile,
          },
          milestones,
          interviews,
        },
      };
    },
  );
}
