import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * Tester t9s F5 (lead's ruling 3): a Pathway reported submitted on a day after its projected
 * application deadline (ECFMG's may be later) is not "overdue" while the rank order list deadline
 * is ahead, and it gets the one "did ECFMG accept it?" follow-up a Pathway submitted in time gets.
 */
function planAt(now: string, date = "2027-01-04"): Plan {
  const applicant = applicantFactory({
    fullName: "Amaka Eze",
    matchYear: 2027,
    timezone: "Africa/Lagos",
    visa: "J-1",
    graduation: "2025-05-31",
  });
  return plan(
    inputFactory({
      applicant,
      milestones: [
        ...[...DONE_TO_NRMP_BUT_OET_AND_PATHWAY, "oet_medicine", "lors", "cv", "personal_statement"].map(
          (key) => milestoneFactory(key as "lors", "done"),
        ),
        milestoneFactory("ecfmg_pathway", "in_progress", date),
      ],
      interviews: [
        interviewFactory({
          program: "Bayview Internal Medicine",
          startsAt: "2026-12-16T10:00:00-05:00",
          timezone: "America/New_York",
        }),
      ],
    }),
    seasonCalendar(2027),
    new Date(now),
  );
}

describe("a Pathway reported submitted after its projected deadline (t9s F5)", () => {
  it("is not overdue while the rank order list deadline is ahead, and its card still asks", () => {
    const step = planAt("2027-01-09T09:00:00Z").nextSteps.find((each) => each.milestone === "ecfmg_pathway");
    expect(step?.urgency).not.toBe("overdue");
    expect(step?.action).toContain("Did ECFMG accept it?");
  });

  it("gets one 'did ECFMG accept it?' follow-up before the rank order list deadline", () => {
    const result = planAt("2027-01-09T09:00:00Z");
    const followUps = result.reminders.filter(
      (each) => each.milestone === "ecfmg_pathway" && each.rung === "result-follow-up",
    );
    expect(followUps).toHaveLength(1);
    const rol = seasonCalendar(2027).dates.nrmp_rol_certification_and_late_registration_deadline.at;
    expect(Date.parse(followUps[0]?.sendAt ?? "")).toBeLessThan(rol);
  });
});
