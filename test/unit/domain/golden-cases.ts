import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import type { PlannerInput } from "#domain/planner.ts";
import { ApplicantSnapshotSchema, MILESTONE_KEYS, MILESTONE_STATUSES } from "#domain/snapshot.ts";
import { fullSnapshot } from "../../bench/planner-inputs.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * The golden plans' cases (planner-golden.test.ts pins each plan's hash; test/support/golden-dates.ts
 * prints their dates for review): random snapshots (fast-check with a fixed seed), the benchmark's
 * inputs and every scenario fixture, each at several instants.
 */

const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const ZONES = [
  "Asia/Kolkata",
  "Africa/Lagos",
  "America/New_York",
  "Asia/Manila",
  "Europe/London",
  "Pacific/Auckland",
];
const MIN_NOW = Date.parse("2025-01-01T00:00:00Z");
const MAX_NOW = Date.parse("2028-04-01T00:00:00Z");
const isoDateArb = fc
  .integer({ min: Date.parse("2024-01-01T00:00:00Z"), max: Date.parse("2028-06-30T00:00:00Z") })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const inputArb: fc.Arbitrary<PlannerInput> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    matchYear: fc.constantFrom(2026, 2027, 2028),
    visa: fc.constantFrom("J-1" as const, "H-1B" as const, "none" as const, "undecided" as const),
    sponsorNote: fc.constantFrom(true, false, null),
    reminderTime: fc.option(fc.constantFrom("07:00", "09:00", "12:30", "20:45", "22:00"), { nil: undefined }),
    graduation: isoDateArb,
    statuses: fc.array(
      fc.record({
        key: fc.constantFrom(...MILESTONE_KEYS),
        status: fc.constantFrom(...MILESTONE_STATUSES),
        date: fc.option(isoDateArb, { nil: undefined }),
      }),
      { maxLength: 28 },
    ),
    interviews: fc.array(fc.integer({ min: MIN_NOW, max: MAX_NOW }), { maxLength: 4 }),
  })
  .map((drawn) => {
    const seen = new Set<string>();
    return inputFactory({
      applicant: applicantFactory({
        timezone: drawn.zone,
        matchYear: drawn.matchYear,
        visa: drawn.visa,
        graduation: drawn.graduation,
        medicalSchool: { name: "Example", country: "IN", wdomsSponsorNote: drawn.sponsorNote },
        ...(drawn.reminderTime === undefined ? {} : { reminderTime: drawn.reminderTime }),
      }),
      milestones: drawn.statuses
        .filter((entry) => !seen.has(entry.key) && seen.add(entry.key))
        .map((entry) => (entry.date === undefined ? { key: entry.key, status: entry.status } : entry)),
      interviews: drawn.interviews.map((at, index) =>
        interviewFactory({
          program: `Program ${index}`,
          startsAt: new Date(at).toISOString(),
          timezone: index % 2 === 0 ? "America/Chicago" : "America/New_York",
        }),
      ),
    });
  });

export interface Case {
  name: string;
  input: PlannerInput;
  now: Date;
}

export function cases(): Case[] {
  const drawn = fc.sample(
    fc.tuple(inputArb, fc.array(fc.integer({ min: MIN_NOW, max: MAX_NOW }), { minLength: 3, maxLength: 3 })),
    { seed: 20261130, numRuns: 300 },
  );
  const random = drawn.flatMap(([input, nows], index) =>
    nows.map((now, which) => ({ name: `random-${index}-${which}`, input, now: new Date(now) })),
  );
  const benchNows = [
    "2026-06-15T10:00:00Z",
    "2026-08-01T10:00:00Z",
    "2026-10-20T10:00:00Z",
    "2026-12-05T10:00:00Z",
  ];
  const bench = ["Asia/Kolkata", "America/New_York", "Africa/Lagos", "Asia/Tokyo"].flatMap((zone) =>
    benchNows.map((now) => ({
      name: `bench-${zone}-${now}`,
      input: fullSnapshot(zone, 10),
      now: new Date(now),
    })),
  );
  const scenarioNows = [
    "2025-09-01T12:00:00Z",
    "2026-05-10T03:00:00Z",
    "2026-11-30T12:00:00Z",
    "2027-02-20T23:30:00Z",
  ];
  const scenarios = readdirSync(SCENARIO_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .flatMap((file) => {
      const input = ApplicantSnapshotSchema.parse(
        JSON.parse(readFileSync(new URL(file, SCENARIO_DIR), "utf8")),
      );
      return scenarioNows.map((now) => ({ name: `${file}-${now}`, input, now: new Date(now) }));
    });
  // Plans no fixed instant above reaches, each at its own: an H-1B applicant without Step 3, the
  // rank order list certified, after ranking with the Match untold, whose Step 3 notice has no date.
  const pinned = PINNED.map(({ file, now }) => ({
    name: `${file}-${now}`,
    input: ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(new URL(file, FIXTURES_DIR), "utf8"))),
    now: new Date(now),
  }));
  return [...random, ...bench, ...scenarios, ...pinned];
}

const FIXTURES_DIR = new URL("../../fixtures/", import.meta.url);
const PINNED: readonly { file: string; now: string }[] = [
  { file: "undated-step3-notice/h1b-list-certified-kolkata.json", now: "2027-03-05T10:00:00Z" },
];
