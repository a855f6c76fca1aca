import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { type SeasonCalendar, type SeasonDate, seasonCalendar } from "#domain/seasons/index.ts";
import projectionRulesData from "#domain/seasons/projection-rules.json" with { type: "json" };
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { etInstant, isoUtc } from "#domain/time.ts";

/**
 * The ECFMG Pathway's deadline is ECFMG's date, projected as 60 days before NRMP's rank order list
 * deadline. Confirming a later ROL deadline (Wed 3 Mar 2027, 9:00 PM ET, as an operator would after
 * NRMP publishes it) moved it to Sat 2 Jan 2027, after ECFMG's Dec 31, 6:00 PM ET deadline for the 2024
 * Match, the earliest on record and quoted by the plan's own words. The projection is the earlier of
 * the two candidates, both data in the projection rule; the projected 24 Feb deadline still gives
 * 26 Dec. The calendar is built here: confirmed.json is never edited by a test.
 */
const FIXTURE = new URL(
  "../../fixtures/pathway-deadline-earliest-candidate/toronto-pathway-not-started-2027.json",
  import.meta.url,
);
const input = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FIXTURE, "utf8")));
const NOW = new Date("2026-12-05T05:00:00Z");
const ROL = "nrmp_rol_certification_and_late_registration_deadline";

/** The 2027 calendar with NRMP's ROL deadline confirmed on `date` at 9:00 PM ET. */
function withConfirmedRol(date: string): SeasonCalendar {
  const projected = seasonCalendar(2027);
  const at = etInstant(date, "21:00");
  const confirmed: SeasonDate = {
    key: ROL,
    date,
    time: "21:00",
    zone: "America/New_York",
    status: "confirmed",
    source: "https://www.nrmp.org/residency-applicants/main-residency-match-calendar/",
    at,
    iso: isoUtc(at),
  };
  return { ...projected, dates: { ...projected.dates, [ROL]: confirmed } };
}

const pathwayDue = (result: Plan) =>
  [...result.nextSteps, ...result.blocked].find((step) => step.milestone === "ecfmg_pathway")?.deadline;
const lastDay = (result: Plan) => result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY")?.message;
const DEC_31_6PM_ET = isoUtc(etInstant("2026-12-31", "18:00"));

describe("ECFMG's projected Pathway deadline never moves past ECFMG's earliest deadline on record", () => {
  const rule = projectionRulesData.milestoneOffsets.find((entry) => entry.milestone === "ecfmg_pathway");

  it("both candidates are data in the projection rule, whose text says why the earlier", () => {
    expect(rule?.days).toBe(-60);
    expect(rule?.earliestCandidate).toMatchObject({ yearOffset: -1, month: 12, day: 31, time: "18:00" });
    expect(rule?.earliestCandidate?.rule).toContain(
      "https://ecfmg.org/certification-pathways/info-applicants.html",
    );
    expect(rule?.rule).toContain("the projection is the earlier of the two");
  });

  it("with NRMP's ROL deadline confirmed on Wed 3 Mar 2027: Thu 31 Dec 2026, 6:00 PM ET, not Sat 2 Jan 2027", () => {
    const result = plan(input, withConfirmedRol("2027-03-03"), NOW);
    const due = pathwayDue(result);
    expect(due?.at).toBe(DEC_31_6PM_ET);
    expect(due?.basis).toBe("projected");
    expect(due?.source).toContain("no later than Dec 31, 6:00 PM ET of the year before the Match");
    // The Match-year words name the same day as the step, never 2 Jan.
    expect(lastDay(result)).toContain("Thu 31 Dec 2026");
    expect(lastDay(result)).not.toContain("Sat 2 Jan 2027");
  });

  it("with the projected ROL deadline (Wed 24 Feb 2027): Sat 26 Dec 2026 at ECFMG's 6:00 PM ET, not NRMP's 9:00 PM", () => {
    const result = plan(input, seasonCalendar(2027), NOW);
    expect(pathwayDue(result)?.at).toBe(isoUtc(etInstant("2026-12-26", "18:00")));
    expect(pathwayDue(result)?.source).not.toContain("no later than Dec 31");
    expect(lastDay(result)).toContain("Sat 26 Dec 2026");
  });
});
