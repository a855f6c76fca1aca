import { describe, expect, it } from "vitest";
import { overdueForAdvisor } from "#domain/console/overdue.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

/**
 * Chiamaka's Overdue list gave NRMP registration as "due Mon 30 Nov 2026",
 * its early (standard-fee) deadline, though the step stayed open until the late deadline (24 Feb
 * 2027), the one that passed. The plan's overdue entry names the deadline that passed: the late one.
 */
const calendar = seasonCalendar(2027);
const early = calendar.dates.nrmp_early_registration_deadline_late_fee_after.at;
const late = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;

function view(milestones: MilestoneEntry[], now: Date): ApplicantView {
  const state = {
    profile: profileFactory({ matchYear: 2027, visa: "H-1B" }),
    milestones,
    interviews: [],
    ledger: [],
  };
  return { state, plan: domainPlanning.plan(state, now), audit: [], submissions: [], events: [] };
}

describe("a step past its late deadline is overdue by that deadline", () => {
  // Past the late deadline, before NRMP's later candidate (Wed 3 Mar 2027): the step is still this
  // Match's; past that candidate the plan moves to the next Match and nothing of this one is overdue.
  const march = view(examsDone("2025-06-01"), new Date("2027-03-01T12:00:00Z"));
  const nrmp = march.plan.overdue.find((step) => step.milestone === "nrmp_registration");

  it("the case: the two deadlines, both passed", () => {
    expect(early).toBeDefined();
    expect(early ?? 0).toBeLessThan(late);
    expect(late).toBeLessThan(Date.parse(march.plan.now));
    expect(nrmp).toBeDefined();
  });

  it("the overdue entry's deadline is the late one, not the early one", () => {
    expect(Date.parse(nrmp?.deadline.at ?? "")).toBe(late);
    expect(Date.parse(nrmp?.dueBy ?? "")).toBe(late);
  });

  it("the console still lists it as overdue and names the late deadline", () => {
    expect(overdueForAdvisor(march.plan).map((step) => step.milestone)).toContain("nrmp_registration");
    const html = timelineCard(march, "2027-03-01");
    const overdue = html.slice(html.indexOf("<h3>Overdue</h3>"), html.indexOf("<h3>Done</h3>"));
    const row = overdue.slice(overdue.indexOf("NRMP"), overdue.indexOf("</li>", overdue.indexOf("NRMP")));
    expect(row).toContain("24 Feb 2027");
    expect(row).not.toContain("30 Nov 2026, 11:59 PM ET");
  });
});
