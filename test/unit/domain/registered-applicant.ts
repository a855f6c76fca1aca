import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

// A reported applicant's shape (our own, not its file): registered for the 2027 Match with
// Step 1, the ECFMG application and WDOMS left out of the intake. Shared by the domain and email tests.

export const NOW = "2026-12-03T10:00:00+01:00";

/** Step 2 CK passed, a Pathway accepted, ERAS submitted and NRMP registered for 2027. */
export const REPORTED: MilestoneEntry[] = [
  milestoneFactory("usmle_step2ck", "done", "2026-05-20"),
  milestoneFactory("ecfmg_pathway", "done", "2026-07-15"),
  milestoneFactory("eras_application", "done", "2026-09-12"),
  milestoneFactory("nrmp_registration", "done", "2026-10-08"),
];
/** The rank list "certified" on 28 Nov 2026, weeks before ranking opens (15 Jan 2027, projected). */
export const EARLY_LIST = milestoneFactory("rank_order_list", "done", "2026-11-28");

export function planFor(milestones: MilestoneEntry[]): Plan {
  const input = inputFactory({
    applicant: applicantFactory({
      externalId: "fixf1-adaeze",
      fullName: "Adaeze Nwosu",
      email: "adaeze@example.org",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      specialties: ["Family Medicine"],
      graduation: "2023-11-30",
      medicalSchool: { name: "University of Nigeria", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 60,
    }),
    milestones,
  });
  return plan(input, seasonCalendar(2027), new Date(NOW));
}
