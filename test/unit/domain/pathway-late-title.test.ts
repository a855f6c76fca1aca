import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { buildContext } from "#domain/planner/context.ts";
import { noticeTemplate } from "#domain/planner/critical-notice-titles.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * EXAMS_LATE_FOR_RANKING about the Pathway application alone was emailed as "An exam is
 * too late … move it earlier now". Karachi, OET passed, Pathway in progress with no submission
 * date, two weeks before the 2027 rank order list deadline: ECFMG's 28-day review no longer fits.
 */
const snapshot = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(
      new URL("../../fixtures/pathway-late-title/karachi-pathway-in-progress.json", import.meta.url),
      "utf8",
    ),
  ),
);
const NOW = "2027-02-10T13:00:00Z";
const planOf = (input: ApplicantSnapshot): Plan => plan(input, seasonCalendar(2027), new Date(NOW));
const pathwayNotice = (result: Plan) =>
  result.reminders.find((r) => r.rung === CRITICAL_RISK_RUNG && r.milestone === "ecfmg_pathway");
const withPathway = (status: "in_progress" | "not_started"): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({
    ...snapshot,
    milestones: snapshot.milestones.map((m) => (m.key === "ecfmg_pathway" ? { key: m.key, status } : m)),
  });

describe("the Pathway application's too-late notice", () => {
  it("in progress with no date: asks whether it was submitted, never to move it earlier", () => {
    const result = planOf(withPathway("in_progress"));
    expect(result.risks.find((r) => r.code === "EXAMS_LATE_FOR_RANKING")?.milestones).toEqual([
      "ecfmg_pathway",
    ]);
    expect(pathwayNotice(result)?.title).toBe(
      "Your ECFMG Pathway application is too late for the 2027 Match unless you already submitted it: tell us the date now",
    );
  });

  it("not started: says it can no longer be decided in time, with no exam in its title", () => {
    // Not started, the Pathway's own deadline has passed and MATCH_YEAR_NOT_FEASIBLE speaks first;
    // the title is read for the same risk on that applicant's context.
    const risk = planOf(withPathway("in_progress")).risks.find((r) => r.code === "EXAMS_LATE_FOR_RANKING");
    if (risk === undefined) throw new Error("no EXAMS_LATE_FOR_RANKING");
    const context = buildContext(withPathway("not_started"), seasonCalendar(2027), new Date(NOW));
    expect(noticeTemplate(context, risk, undefined)).toBe(
      "Your ECFMG Pathway application can no longer be decided in time for the {year} Match: talk to your advisor now",
    );
  });
});
