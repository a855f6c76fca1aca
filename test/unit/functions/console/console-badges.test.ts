import { describe, expect, it } from "vitest";
import { stepForAdvisor, stepName } from "#domain/console/advisor-voice.ts";
import { overdueForAdvisor } from "#domain/console/overdue.ts";
import { planFacts } from "#domain/console/row-as-of.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

/**
 * After the demo, Aarav Sharma's page read "ECFMG Pathway overdue — due
 * Sat 25 Dec 2027" while its own Overdue section said "Nothing overdue" and his cohort row counted
 * 0 overdue. The 2027 Match is out of reach (MATCH_YEAR_NOT_FEASIBLE) and the planner dates the
 * Pathway for 2028; its 2027 deadline has passed, so the planner's urgency says "overdue". The
 * console calls a step overdue only when its deadline has passed (overdue.ts, the one rule the
 * Overdue section and the cohort's count use); this one is too late for the 2027 Match.
 */
const OMAR: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done" },
  { key: "ecfmg_application", status: "done" },
  { key: "usmle_step1", status: "done", date: "2024-12-01" },
  { key: "usmle_step2ck", status: "done", date: "2026-09-28" },
  { key: "oet_medicine", status: "done" },
  { key: "ecfmg_pathway", status: "in_progress" },
  { key: "usce", status: "done" },
  { key: "lors", status: "done" },
  { key: "personal_statement", status: "done" },
  { key: "cv", status: "done" },
  { key: "program_list", status: "done" },
  { key: "eras_token", status: "done" },
  { key: "eras_application", status: "in_progress" },
  { key: "nrmp_registration", status: "not_started" },
];

function view(matchYear: number, milestones: MilestoneEntry[], now: Date): ApplicantView {
  const state = {
    profile: profileFactory({ matchYear, timezone: "Africa/Cairo" }),
    milestones,
    interviews: [],
    ledger: [],
  };
  return { state, plan: domainPlanning.plan(state, now), audit: [], submissions: [], events: [] };
}

const sections = (html: string) => ({
  next: html.slice(html.indexOf("<h3>Next</h3>"), html.indexOf("<h3>Blocked</h3>")),
  overdue: html.slice(html.indexOf("<h3>Overdue</h3>"), html.indexOf("<h3>Done</h3>")),
});

/** The Next item of a step, from its name to the end of its list item. */
function nextItem(next: string, name: string): string {
  const start = next.indexOf(`<strong>${name}</strong>`);
  expect(start, name).toBeGreaterThanOrEqual(0);
  return next.slice(start, next.indexOf("</li>", start));
}

describe("a step's badge on the console tells the truth", () => {
  const afterMatchDay = new Date("2027-03-20T12:00:00Z");
  const omar = view(2027, OMAR, afterMatchDay);
  const pathway = omar.plan.nextSteps.find((step) => step.milestone === "ecfmg_pathway");

  it("the case: the Pathway, dated for 2028, its deadline ahead, is not overdue by the planner's urgency either", () => {
    expect(omar.plan.risks.map((risk) => risk.code)).toContain("MATCH_YEAR_NOT_FEASIBLE");
    expect(pathway?.urgency).not.toBe("overdue");
    expect(pathway?.matchYears).toEqual({ missed: 2027, due: 2028 });
    expect(Date.parse(pathway?.deadline?.at ?? "")).toBeGreaterThan(afterMatchDay.getTime());
    expect(overdueForAdvisor(omar.plan)).toEqual([]);
    expect(planFacts(omar.plan).overdue).toBe(0);
  });

  it("says the step is too late for the 2027 Match, for the 2028 Match due ahead, never overdue", () => {
    const { next, overdue } = sections(timelineCard(omar, "2027-03-20"));
    const item = nextItem(next, stepName("ecfmg_pathway"));
    expect(item).not.toContain("overdue");
    expect(item).toContain("too late for the 2027 Match");
    expect(item).toMatch(/for the 2028 Match, due <time[^>]*>Sat 25 Dec 2027/);
    // The 2027 Match's own deadline, which has passed, is named below it.
    expect(item).toMatch(/the 2027 Match's deadline, <time[^>]*>Sat 26 Dec 2026.*, has passed/);
    expect(overdue).toContain("Nothing overdue");
  });

  it("badges a Next step 'overdue' exactly when the Overdue section lists it and the cohort counts it", () => {
    const cases = [
      omar,
      view(2027, OMAR, new Date("2026-12-15T12:00:00Z")),
      view(2028, OMAR.slice(0, 3), new Date("2027-03-20T12:00:00Z")),
    ];
    for (const each of cases) {
      const { next, overdue } = sections(timelineCard(each, "2027-03-20"));
      const counted = overdueForAdvisor(each.plan);
      expect(planFacts(each.plan).overdue).toBe(counted.length);
      for (const step of each.plan.nextSteps) {
        const name = stepForAdvisor(step);
        if (!next.includes(`<strong>${name}</strong>`)) continue;
        const badged = nextItem(next, name).includes(">overdue</span>");
        const listed = counted.some((each) => each.milestone === step.milestone);
        expect(badged, name).toBe(listed);
        expect(overdue.includes(`${name}, due`), name).toBe(listed);
      }
    }
  });
});
