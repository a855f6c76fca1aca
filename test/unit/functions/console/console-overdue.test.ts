import { describe, expect, it } from "vitest";
import { stepForAdvisor } from "#domain/console/advisor-voice.ts";
import { planFacts } from "#domain/console/row-as-of.ts";
import { applyWhatIf, planDiff } from "#domain/console/what-if.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { examsDone, inputFactory, milestoneFactory } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

/**
 * Each step in one place, and no post-Match step overdue for an applicant who never certified a
 * list: the console counts overdue steps by the digest's rule, which leaves
 * out those the SEASON_OVER risk tells (due at or after the rank order list deadline).
 */
const rankListDeadline = seasonCalendar(2027).dates.nrmp_rol_certification_and_late_registration_deadline.at;

function seasonOver(milestones: MilestoneEntry[], now: Date, visa: "J-1" | "H-1B" = "J-1"): ApplicantView {
  const state = {
    profile: profileFactory({ matchYear: 2027, visa }),
    milestones,
    interviews: [],
    ledger: [],
  };
  return { state, plan: domainPlanning.plan(state, now), audit: [], submissions: [], events: [] };
}

const sections = (html: string) => ({
  blocked: html.slice(html.indexOf("<h3>Blocked</h3>"), html.indexOf("<h3>Overdue</h3>")),
  overdue: html.slice(html.indexOf("<h3>Overdue</h3>"), html.indexOf("<h3>Done</h3>")),
});

describe("overdue on the console", () => {
  // Registered with NRMP, no list: after SOAP, its outcome not yet told, the Match is over but can
  // still speak to them (SEASON_OVER); one who never registered would have moved to the next Match.
  const afterSoap = new Date("2027-03-25T12:00:00Z");
  const registered = [
    ...examsDone("2025-06-01"),
    milestoneFactory("nrmp_registration", "done", "2026-10-01"),
  ];
  const view = seasonOver(registered, afterSoap);

  // The case used to come from the plan itself: post-Match steps overdue, some both blocked and
  // overdue. The planner lists no blocked step as overdue, so the plan no
  // longer carries it; the console's rules below still hold on the plan as it now is.
  it("the plan has SEASON_OVER and no step both blocked and overdue, none of them post-Match", () => {
    expect(view.plan.risks.map((risk) => risk.code)).toContain("SEASON_OVER");
    const blocked = new Set(view.plan.blocked.map((step) => step.milestone));
    expect(view.plan.overdue.some((step) => blocked.has(step.milestone))).toBe(false);
    for (const key of ["match_week", "match_day", "contract", "j1_statement_of_need"])
      expect(view.plan.overdue.map((step) => step.milestone)).not.toContain(key);
  });

  it("the applicant page lists a step once, and no step due after the rank list deadline as overdue", () => {
    const { blocked, overdue } = sections(timelineCard(view, "2027-03-25"));
    expect(view.plan.overdue.length).toBeGreaterThan(0);
    for (const step of view.plan.overdue) {
      const name = stepForAdvisor(step);
      const inBlocked = blocked.includes(`<li>${name}:`);
      const inOverdue = overdue.includes(`${name}, due`);
      expect(inBlocked && inOverdue, name).toBe(false);
      if (Date.parse(step.deadline.at) >= rankListDeadline) expect(inOverdue, name).toBe(false);
      else expect(inOverdue, name).toBe(true);
    }
  });

  it("the cohort's overdue count leaves out what SEASON_OVER tells, as the digest does", () => {
    const expected = view.plan.overdue.filter(
      // First due before the rank list deadline: NRMP registration, overdue by its late deadline (the
      // rank list deadline itself), was first due in November.
      (step) => Date.parse((step.earlyDeadline ?? step.deadline).at) < rankListDeadline,
    ).length;
    expect(planFacts(view.plan).overdue).toBe(expected);
  });

  it("the what-if difference does not say a step is now blocked and now overdue", () => {
    const input = inputFactory({
      applicant: { ...inputFactory().applicant, matchYear: 2027, visa: "H-1B" },
      milestones: registered,
    });
    const before = planFor(input, seasonCalendar(2027), afterSoap);
    const after = planFor(
      applyWhatIf(input, [{ kind: "visa", visa: "J-1" }]),
      seasonCalendar(2027),
      afterSoap,
    );
    const diff = planDiff(before, after);
    expect(diff.blocked.added.filter((title) => diff.overdue.added.includes(title))).toEqual([]);
    for (const step of after.overdue)
      if (Date.parse(step.deadline.at) >= rankListDeadline)
        expect(diff.overdue.added).not.toContain(stepForAdvisor(step));
  });
});
