import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * An OET taken in March 2026 was carried to the Pathways for the 2029 Match in
 * silence. For the 2025 Pathways the OET had to be taken on or after 1 Jan 2023 (facts.md), about
 * two years before that season's deadline; later rules were not found. An OET taken more than two
 * years before the planned Pathway season's deadline for documents is flagged, to verify with ECFMG.
 */
function pathwayApplicant(
  matchYear: number,
  oet: MilestoneEntry,
  pathway = milestoneFactory("ecfmg_pathway", "not_started"),
) {
  return inputFactory({
    applicant: applicantFactory({ timezone: "Asia/Manila", matchYear, graduation: "2025-06-01" }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1", "usmle_step2ck"], "2026-06-20"),
      oet,
      pathway,
    ],
  });
}
const oetDone = (date: string) => milestoneFactory("oet_medicine", "done", date);
const ageRisks = (result: Plan) => result.risks.filter((risk) => risk.code === "OET_SCORE_MAY_BE_TOO_OLD");
const planFor = (matchYear: number, oet: MilestoneEntry, now: string, pathway?: MilestoneEntry) =>
  plan(pathwayApplicant(matchYear, oet, pathway), seasonCalendar(matchYear), new Date(now));

describe("an OET score that may be too old for the planned Pathways", () => {
  it("OET of 15 Mar 2026, Pathways for the 2029 Match (documents by Jan 2029): a warning to verify, on the OET", () => {
    const [risk, ...more] = ageRisks(planFor(2029, oetDone("2026-03-15"), "2027-03-25T03:00:00Z"));
    expect(more).toEqual([]);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(["oet_medicine"]);
    expect(risk?.message).toContain("2026-03-15");
    expect(risk?.message).toContain("2029 Match");
    expect(risk?.message).toContain("1 January 2023");
    expect(risk?.message).toMatch(/verify with ECFMG/i);
    expect(risk?.sources?.join(" ")).toContain(
      "https://www.hmep-hith.jp/information/USMLE-FAQ/STEP3-OET-score-validity",
    );
  });

  it("the same OET for the 2028 Match (documents by Jan 2028, within two years): no warning", () => {
    expect(ageRisks(planFor(2028, oetDone("2026-03-15"), "2027-03-25T03:00:00Z"))).toEqual([]);
  });

  it("an OET not taken, or a Pathway already submitted: no warning", () => {
    expect(
      ageRisks(planFor(2029, milestoneFactory("oet_medicine", "in_progress"), "2027-03-25T03:00:00Z")),
    ).toEqual([]);
    expect(
      ageRisks(
        planFor(
          2029,
          oetDone("2026-03-15"),
          "2027-03-25T03:00:00Z",
          milestoneFactory("ecfmg_pathway", "done", "2027-03-01"),
        ),
      ),
    ).toEqual([]);
  });

  it("a Match out of reach is judged on the Pathways of the Match it is planned for", () => {
    // Target 2028, Step 2 CK not begun in Dec 2027: planned for the 2029 Match, so its Pathways.
    const input = pathwayApplicant(2028, oetDone("2026-03-15"));
    const moved = {
      ...input,
      milestones: input.milestones.map((each) =>
        each.key === "usmle_step2ck" ? milestoneFactory("usmle_step2ck", "not_started") : each,
      ),
    };
    const result = plan(moved, seasonCalendar(2028), new Date("2027-12-20T03:00:00Z"));
    expect(
      result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
    ).toBe(2029);
    expect(ageRisks(result).map((risk) => risk.message)).toEqual([expect.stringContaining("2029 Match")]);
  });
});
