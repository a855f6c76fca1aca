import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";

/**
 * The Pathway's status texts: an applicant whose Pathway application is
 * submitted and waiting for ECFMG's review had no status saying so, and `in_progress` read
 * "Gather the Pathway documents ... and submit the application", as if not started. In progress,
 * the text now says what finishes the step (ECFMG accepting the application) and what to do
 * whether or not it is submitted. "Submitted on a day, waiting for ECFMG" is `in_progress` (or
 * `scheduled`) with that day as the step's date: the text then speaks of ECFMG's review.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const base = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(new URL("rank-list-before-opening-2027.json", SCENARIO_DIR), "utf8")),
);
const withPathway = (entry: MilestoneEntry): ApplicantSnapshot => ({
  ...base,
  milestones: [
    ...base.milestones.filter(
      (m) => !["ecfmg_pathway", "eras_application", "nrmp_registration", "rank_order_list"].includes(m.key),
    ),
    entry,
  ],
});
const now = new Date("2026-12-01T16:00:00Z");
const pathwayText = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "ecfmg_pathway")?.action ?? "";

describe("the Pathway in progress", () => {
  it("says what finishes it, and never asks a submitted applicant to gather documents", () => {
    const text = pathwayText(
      plan(withPathway({ key: "ecfmg_pathway", status: "in_progress" }), seasonCalendar(2027), now),
    );
    expect(text).not.toContain("Gather the Pathway documents");
    expect(text).toContain("when ECFMG accepts your application");
    expect(text).toContain("Already submitted: ECFMG is reviewing it");
    expect(text).toMatch(/Not submitted yet: submit it by \w{3} \d+ \w{3} 2026/);
  });

  it("submitted on a day (in progress with that date, now past): ECFMG is reviewing it, mark it done when accepted", () => {
    const text = pathwayText(
      plan(
        withPathway({ key: "ecfmg_pathway", status: "in_progress", date: "2026-11-20" }),
        seasonCalendar(2027),
        now,
      ),
    );
    // Dated by its deadline: under review, with no "if you did not, submit it by".
    expect(text).toContain("went in on Fri 20 Nov 2026, by its deadline: ECFMG is reviewing it");
    expect(text).not.toMatch(/If you did not/);
    expect(text).toContain("mark this step done when ECFMG accepts it");
    expect(text).not.toContain("Gather");
  });
});

describe("the Pathway's ranking risk", () => {
  it("does not assert that an undated Pathway in progress is not submitted", () => {
    const result = plan(
      withPathway({ key: "ecfmg_pathway", status: "in_progress" }),
      seasonCalendar(2027),
      now,
    );
    const risk = result.risks.find((r) => r.code === "EXAMS_LATE_FOR_RANKING");
    expect(risk?.message).toContain("Your ECFMG Pathway application is not recorded as submitted");
  });
});
