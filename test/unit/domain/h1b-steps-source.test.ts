import { describe, expect, it } from "vitest";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Wherever a risk says an H-1B for residency needs Steps 1, 2 and 3,
 * it cites HHS's 1992 determination (INA 212(j)(2)), the source the catalog's usmle_step3 gives.
 */
const HHS = "https://webharvest.gov/peth04/20041022004624/http://hhs.gov/news/press/pre1995pres/920916.txt";
const CLAIM = /Steps 1, 2 and 3|H-1B for residency needs/;

function applicant(timezone: string, visa: "H-1B" | "undecided", step3: MilestoneEntry[]): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2025-06-30", visa }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-09-10"),
      milestoneFactory("ecfmg_certification", "done", "2025-08-20"),
      ...step3,
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-15T13:00:00-05:00" })],
  });
}

const NOT_STARTED = [milestoneFactory("usmle_step3", "not_started")];
const cases: [string, PlannerInput, string][] = [
  [
    "H-1B, Step 3 not booked, in time (warning)",
    applicant("America/Chicago", "H-1B", NOT_STARTED),
    "2026-11-20T15:00:00Z",
  ],
  [
    "H-1B, Step 3 not booked, late (critical)",
    applicant("America/Los_Angeles", "H-1B", NOT_STARTED),
    "2027-01-10T18:00:00Z",
  ],
  [
    "H-1B abroad, Step 3 not booked, late",
    applicant("Asia/Karachi", "H-1B", NOT_STARTED),
    "2027-01-20T05:00:00Z",
  ],
  [
    "H-1B, Step 3 booked too late",
    applicant("America/New_York", "H-1B", [milestoneFactory("usmle_step3", "scheduled", "2027-02-10")]),
    "2027-01-10T15:00:00Z",
  ],
  ["undecided, before ranking", applicant("America/Denver", "undecided", []), "2026-12-01T15:00:00Z"],
];

describe("an H-1B needs Steps 1, 2 and 3: every risk that says so cites HHS", () => {
  it.each(cases)("%s", (_name, input, now) => {
    const result = plan(input, seasonCalendar(2027), new Date(now));
    const claiming = result.risks.filter((risk) => CLAIM.test(risk.message));
    expect(claiming.length).toBeGreaterThan(0);
    for (const risk of claiming)
      expect(
        risk.sources?.some((source) => source.startsWith(HHS)),
        risk.code,
      ).toBe(true);
  });
});
