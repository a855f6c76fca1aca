import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { laterPlannedMatchYear } from "#domain/match-year-heading.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * No risk gives advice whose season date has passed: after the target
 * Match's rank order list deadline nothing tells the applicant (or, by escalation, the advisor) to
 * rank programs, certify a list, register with NRMP, submit ERAS or prepare for interviews for that
 * Match. Every scenario fixture on every visa track, at instants from the deadline to after the start.
 */

const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const AFTER_DEADLINE_DAYS = [0.5, 3, 14, 23, 30, 60, 100, 140];
const VISAS = ["J-1", "H-1B", "none"] as const;

/** Advice that only makes sense before the rank order list deadline of the Match it is about. */
const RANKING_ADVICE =
  /\b(rank programs|you rank|rank it|before you rank|rank an applicant|certify it|re-?certify|register with NRMP|registering now|submit as soon as possible|submit before then|ERAS application|interview(s|ing)? (season|invitations))\b/i;

function snapshots(): { file: string; snapshot: ApplicantSnapshot }[] {
  return readdirSync(SCENARIO_DIR)
    .filter((name) => name.endsWith(".json"))
    .map((file) => ({
      file,
      snapshot: ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(new URL(file, SCENARIO_DIR), "utf8"))),
    }));
}

const rolOf = (year: number) =>
  seasonCalendar(year).dates.nrmp_rol_certification_and_late_registration_deadline.at;

describe("risks after the rank order list deadline", () => {
  it("give no ranking, NRMP, ERAS or interview advice for a Match whose list has closed", () => {
    const stale: string[] = [];
    let checked = 0;
    for (const { file, snapshot } of snapshots()) {
      const rol = seasonCalendar(snapshot.applicant.matchYear).dates
        .nrmp_rol_certification_and_late_registration_deadline.at;
      for (const visa of VISAS) {
        const input = { ...snapshot, applicant: { ...snapshot.applicant, visa } };
        for (const days of AFTER_DEADLINE_DAYS) {
          const now = new Date(rol + days * 86_400_000);
          const { risks } = plan(input, seasonCalendar(input.applicant.matchYear), now);
          // A plan moved to a later Match judges that Match's risks as its entered applicant's:
          // while that Match's list is open, ranking advice is about it, not stale.
          // So does one moved on for a SOAP outcome never told (laterPlannedMatchYear reads both).
          const target = laterPlannedMatchYear({ matchYear: input.applicant.matchYear, risks });
          if (target !== undefined && target > input.applicant.matchYear && now.getTime() <= rolOf(target))
            continue;
          for (const risk of risks) {
            checked++;
            // RANK_LIST_UNREPORTED asks "Did you register with NRMP …": a
            // question about the closed list, not advice to register.
            if (
              risk.code === "SEASON_OVER" ||
              risk.code === "MATCH_YEAR_NOT_FEASIBLE" ||
              risk.code === "RANK_LIST_UNREPORTED"
            )
              continue;
            const advice = risk.message.match(RANKING_ADVICE)?.[0];
            if (advice !== undefined) stale.push(`${file} ${visa} +${days}d ${risk.code}: "${advice}"`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(stale).toEqual([]);
  });

  it("drops STEP3_NEEDED_FOR_H1B once the list has closed: an H-1B applicant after the Match has one critical risk, not two", () => {
    const file = "h1b-karachi-certificate-pending-2027.json";
    const snapshot = snapshots().find((candidate) => candidate.file === file)?.snapshot;
    if (snapshot === undefined) throw new Error(`fixture ${file} missing`);
    const at = (now: string) => plan(snapshot, seasonCalendar(2027), new Date(now)).risks;
    // Before the deadline it speaks (the H-1B decision is still ahead) ...
    expect(at("2027-02-01T12:00:00Z").map((risk) => risk.code)).toContain("STEP3_NEEDED_FOR_H1B");
    // ... after Match Day it does not; with no SOAP answer, Match Day's step asks what SOAP gave
    // him and the season's end is a warning on that condition ...
    const after = at("2027-03-20T12:00:00Z");
    expect(after.map((risk) => risk.code)).not.toContain("STEP3_NEEDED_FOR_H1B");
    expect(after.find((risk) => risk.code === "SEASON_OVER")?.severity).toBe("warning");
    // ... and once the contract's day passes unanswered the plan is the 2028 Match's: the move is the
    // one critical risk, and Step 3 speaks again only as that Match's warning, its deadline ahead.
    const over = at("2027-04-05T12:00:00Z");
    expect(over.filter((risk) => risk.severity === "critical").map((risk) => risk.code)).toEqual([
      "SOAP_OUTCOME_UNREPORTED",
    ]);
    expect(over.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B")?.message).toContain("Thu 24 Feb 2028");
  });
});
