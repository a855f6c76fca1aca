import type { PlannerInput } from "#domain/planner.ts";
import { type Interview, MILESTONE_KEYS, type MilestoneEntry } from "#domain/snapshot.ts";
import { outOfReachVariants } from "./planner-out-of-reach.ts";

/**
 * The planner bench's inputs, apart from the suite (planner.ts) so that the bundled driver
 * (planner-driver.ts), planner-versus.ts, planner-instructions-driver.ts and the golden plans import
 * them without the suite's esbuild and child-process code: a full snapshot (every milestone present,
 * a realistic mix of statuses, so most produce steps and reminders) and 10 interviews, rotating
 * through several zones and instants so the figures do not come from a single hot path.
 */

const ZONES = [
  "Asia/Kolkata",
  "America/New_York",
  "Africa/Lagos",
  "Asia/Manila",
  "Europe/London",
  "Asia/Tokyo",
];
const NOWS = ["2026-06-15T10:00:00Z", "2026-08-01T10:00:00Z", "2026-10-20T10:00:00Z", "2026-12-05T10:00:00Z"];

function interviews(count: number): Interview[] {
  return Array.from({ length: count }, (_, index) => ({
    program: `Program ${index + 1}`,
    startsAt: new Date(Date.parse("2026-10-05T14:00:00Z") + index * 2.7 * 86_400_000).toISOString(),
    timezone: index % 2 === 0 ? "America/Chicago" : "America/New_York",
    format: index % 3 === 0 ? "in_person" : "virtual",
  }));
}

function milestones(): MilestoneEntry[] {
  return MILESTONE_KEYS.map((key, index): MilestoneEntry => {
    if (key === "usmle_step1") return { key, status: "done", date: "2025-11-01" };
    if (key === "usmle_step2ck") return { key, status: "scheduled", date: "2026-09-10" };
    return { key, status: index % 4 === 0 ? "in_progress" : "not_started" };
  });
}

export function fullSnapshot(zone: string, interviewCount: number): PlannerInput {
  return {
    applicant: {
      externalId: "bench",
      email: "bench@example.org",
      fullName: "Bench Applicant",
      timezone: zone,
      matchYear: 2027,
      specialties: ["Internal Medicine", "Family Medicine"],
      visa: "H-1B",
      graduation: "2025-06-30",
      medicalSchool: { name: "Bench Medical College", country: "IN", wdomsSponsorNote: true },
      programsPlanned: 120,
    },
    milestones: milestones(),
    interviews: interviews(interviewCount),
  };
}

/**
 * The bench's inputs (also planner-versus.ts's and planner-instructions-driver.ts's): a full
 * snapshot in each zone at each instant, all in reach, then three plans late in their road
 * (outOfReachVariants: two move to the 2028 Match, one keeps 2027 with its exams late for ranking),
 * last, so a case's index stays what it was. Each case is an
 * applicant of its own (externalId "bench-<index>"), as the planner Lambda's records are: the
 * planner keeps per applicant what it derived from their interviews (known-interviews.ts), and
 * 27 cases under one id would read as one applicant whose interviews change on most plans.
 */
export function variants(interviewCount: number): { input: PlannerInput; now: Date }[] {
  const inReach = ZONES.flatMap((zone) =>
    NOWS.map((now) => ({ input: fullSnapshot(zone, interviewCount), now: new Date(now) })),
  );
  const cases = [...inReach, ...outOfReachVariants(fullSnapshot(ZONES[0] as string, interviewCount))];
  return cases.map(({ input, now }, index) => ({
    input: { ...input, applicant: { ...input.applicant, externalId: `bench-${index}` } },
    now,
  }));
}
