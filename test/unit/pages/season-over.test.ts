import { describe, expect, it } from "vitest";
import { actionsFor, seasonPassedFor } from "#domain/applicant-choices.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * After the target Match's rank order list deadline (papercut 12): the season's overdue steps offer
 * no Done (Done on NRMP registration marked its late fee "Paid"); steps not bound to one season
 * (exams) keep theirs. A real plan from the planner, not a hand-made one.
 */
describe("a season that is over for the applicant", () => {
  const now = new Date("2027-03-20T12:00:00Z");
  const state = { profile: profileFactory({ matchYear: 2027 }), milestones: [], interviews: [], ledger: [] };
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
    for (const step of passed) expect(actionsFor(step, plan)).toEqual([]);
    const html = timelinePage({
      firstName: "Ada",
      timezone: "Africa/Lagos",
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
    if (exam) expect(actionsFor(exam, plan)).toContain("done");
  });
});
