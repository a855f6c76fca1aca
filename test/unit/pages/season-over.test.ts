import { describe, expect, it } from "vitest";
import { actionsFor, seasonPassedFor } from "#domain/applicant-choices.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * After the target Match's rank order list deadline: the season's overdue steps offer
 * no Done (Done on NRMP registration marked its late fee "Paid"); steps not bound to one season
 * (exams) keep theirs. A real plan from the planner, not a hand-made one.
 */
describe("a season that is over for the applicant", () => {
  // Past the projected rank order list deadline, before NRMP's later candidate (Wed 3 Mar 2027):
  // never registered, the season is over for them unless R3 says otherwise (SEASON_OVER); past that
  // candidate the plan moves to the next Match (NRMP_REGISTRATION_CLOSED) and no step of it is passed.
  const now = new Date("2027-03-01T12:00:00Z");
  // Within reach at the deadline (Step 2 CK sat in time, its result not reported yet), so the season
  // is over for them; with nothing done it was out of reach and stays MATCH_YEAR_NOT_FEASIBLE.
  const at = "2026-01-01T00:00:00.000Z";
  const state = {
    profile: profileFactory({ matchYear: 2027 }),
    milestones: [
      ...(["ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"] as const).map((key) => ({
        key,
        status: "done" as const,
        date: "2026-09-01",
        updatedAt: at,
      })),
      { key: "usmle_step2ck" as const, status: "scheduled" as const, date: "2027-01-10", updatedAt: at },
    ],
    interviews: [],
    ledger: [],
  };
  const plan = domainPlanning.plan(state, now);
  const links = applicantLinks({
    baseUrl: "https://api.example.org",
    keyring: parseKeyring(`k1=${"s".repeat(40)}`),
    applicantId: "a_ada",
    feedGeneration: 0,
    now,
  });

  it("offers no action on the season's overdue steps, and says why on the timeline", () => {
    expect(plan.risks.map((risk) => risk.code)).toContain("SEASON_OVER");
    const passed = plan.nextSteps.filter((step) => seasonPassedFor(step, plan));
    expect(passed.map((step) => step.milestone)).toContain("nrmp_registration");
    for (const step of passed) expect(actionsFor(step, plan, "Africa/Lagos", state.milestones)).toEqual([]);
    const html = timelinePage({
      firstName: "Ada",
      timezone: "Africa/Lagos",
      milestones: state.milestones,
      plan,
      links,
      comingReminders: [],
    }).body;
    expect(html).not.toContain(links.action("nrmp_registration", "done"));
    expect(html).toContain("which has passed for you, so there is nothing to mark here");
  });

  it("keeps Done on a step that outlives the season (an exam)", () => {
    const exam = plan.nextSteps.find((step) => step.milestone === "usmle_step2ck");
    expect(exam).toBeDefined();
    if (exam) expect(actionsFor(exam, plan, "Africa/Lagos", state.milestones)).toContain("done");
  });
});
