import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Match Week's question names NRMP's release "at 10:00 AM ET on Monday of Match Week". In Auckland
 * that instant is Tuesday 3:00 AM, and the text read "NRMP told you at Tue 16 Mar 2027, 3:00 AM
 * GMT+13 (Mon 15 Mar 2027, 10:00 AM ET) on Monday of Match Week": two days for one event. The ET
 * time stays with its Monday and the applicant's own day and hour follow it. Mere: Auckland, J-1,
 * list certified, nothing reported (test/fixtures/match-week-offers-and-release/).
 */
const FILE = new URL(
  "../../fixtures/match-week-offers-and-release/match-week-auckland.json",
  import.meta.url,
);
const mere: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));

function matchWeekAction(snapshot: ApplicantSnapshot): string | undefined {
  const planned = plan(snapshot, seasonCalendar(2027), new Date("2027-03-15T19:00:00Z"));
  return planned.nextSteps.find((step) => step.milestone === "match_week")?.action;
}

describe("NRMP's release named in Match Week's question", () => {
  it("in Auckland: Monday's ET hour, then her own day and hour", () => {
    const action = matchWeekAction(mere);
    expect(action).toContain(
      "NRMP told you at 10:00 AM ET (Tue 16 Mar 2027, 3:00 AM GMT+13, your time) on Monday of Match Week",
    );
    expect(action).not.toMatch(/told you at Tue/);
  });

  it("where the days agree (Lima), the ET hour alone", () => {
    const lima = { ...mere, applicant: { ...mere.applicant, timezone: "America/Lima" } };
    expect(matchWeekAction(lima)).toContain("NRMP told you at 10:00 AM ET on Monday of Match Week");
  });
});
