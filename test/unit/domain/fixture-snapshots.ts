import { readFileSync } from "node:fs";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { type SeasonCalendar, seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema, type MilestoneKey } from "#domain/snapshot.ts";

/** The applicant snapshot in `file` of the fixtures folder `dir` (a path ending in "/"), parsed as the intake parses it. */
export function readSnapshot(dir: string, file: string): ApplicantSnapshot {
  return ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${dir}${file}`, "utf8")));
}

/** The plan of `snapshot` on its own Match year's season calendar, at `now` (an ISO instant). */
export function planInOwnMatch(snapshot: ApplicantSnapshot, now: string): Plan {
  return plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
}

/**
 * `snapshot` with the milestone `key` dated `date` (ISO day) and reported with `score`, or with no
 * score when undefined: one reported result made to pass, fail or say nothing.
 */
export function withScore(
  snapshot: ApplicantSnapshot,
  key: MilestoneKey,
  score: number | undefined,
  date: string,
): ApplicantSnapshot {
  return {
    ...snapshot,
    milestones: snapshot.milestones.map((entry) => {
      if (entry.key !== key) return entry;
      const { score: _score, ...rest } = entry;
      return score === undefined ? { ...rest, date } : { ...rest, date, score };
    }),
  };
}

const CALENDAR_2027 = seasonCalendar(2027);
const LATER_START = "2027-08-01";
/**
 * The 2027 Match's calendar with residency starting on Sun 1 Aug 2027 instead of NRMP's 1 July: a
 * program that starts its resident later, as the H-1B fallback asks a program to. With the petition
 * due 60 days before the stamping, a 1 July start puts Step 3's day for the petition on Match Day,
 * so a matched applicant who could still meet it (a visitor visa already held, or in the US) exists
 * only with a later start: here the stamping is Fri 16 Jul, the petition Mon 17 May, Step 3's day
 * Mon 19 Apr 2027.
 */
export const LATER_START_2027: SeasonCalendar = {
  ...CALENDAR_2027,
  dates: {
    ...CALENDAR_2027.dates,
    residency_start: {
      ...CALENDAR_2027.dates.residency_start,
      date: LATER_START,
      at: Date.parse(`${LATER_START}T04:00:00.000Z`),
      iso: `${LATER_START}T04:00:00.000Z`,
    },
  },
};

/** The plan of a 2027 `snapshot` on LATER_START_2027, at `now` (an ISO instant). */
export function planWithLaterStart(snapshot: ApplicantSnapshot, now: string): Plan {
  return plan(snapshot, LATER_START_2027, new Date(now));
}
