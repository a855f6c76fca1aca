import { readFileSync } from "node:fs";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/** The applicant snapshot in `file` of the fixtures folder `dir` (a path ending in "/"), parsed as the intake parses it. */
export function readSnapshot(dir: string, file: string): ApplicantSnapshot {
  return ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${dir}${file}`, "utf8")));
}

/** The plan of `snapshot` on its own Match year's season calendar, at `now` (an ISO instant). */
export function planInOwnMatch(snapshot: ApplicantSnapshot, now: string): Plan {
  return plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
}
