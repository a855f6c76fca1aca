import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A risk's words and its severity agree ("its result would come too late"
 * rated a warning with a still-open date). A warning says what to do by when; only a critical risk
 * may say something is too late, out of reach, impossible or will not arrive in time. Every
 * scenario fixture on every visa track, at instants across the season.
 */

const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const VISAS = ["J-1", "H-1B", "none"] as const;
const NOWS = [
  "2026-06-01T12:00:00Z",
  "2026-09-01T12:00:00Z",
  "2026-11-30T12:00:00Z",
  "2026-12-20T12:00:00Z",
  "2027-01-10T12:00:00Z",
  "2027-02-01T12:00:00Z",
  "2027-02-20T12:00:00Z",
  "2027-11-30T12:00:00Z",
];

/** Words that say the outcome is already lost: a critical risk's words. */
const LOST =
  /too late|out of reach|not possible|impossible|(would|will) not be (reported|decided) in time|cannot make/i;

describe("a risk's words fit its severity", () => {
  it("no warning says too late, out of reach or impossible", () => {
    const mismatched: string[] = [];
    let warnings = 0;
    for (const file of readdirSync(SCENARIO_DIR).filter((name) => name.endsWith(".json"))) {
      const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
        JSON.parse(readFileSync(new URL(file, SCENARIO_DIR), "utf8")),
      );
      for (const visa of VISAS) {
        const input = { ...snapshot, applicant: { ...snapshot.applicant, visa } };
        for (const now of NOWS) {
          for (const risk of plan(input, seasonCalendar(input.applicant.matchYear), new Date(now)).risks) {
            if (risk.severity !== "warning") continue;
            warnings++;
            const said = risk.message.match(LOST)?.[0];
            if (said !== undefined) mismatched.push(`${file} ${visa} ${now} ${risk.code}: "${said}"`);
          }
        }
      }
    }
    expect(warnings).toBeGreaterThan(50);
    expect(mismatched).toEqual([]);
  });
});
