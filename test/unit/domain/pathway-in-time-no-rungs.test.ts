import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * A Pathway submitted in time (dated on or
 * before its projected application deadline, Sat 26 Dec 2026 for the 2027 Match) gets only the
 * "did ECFMG accept it?" follow-up, also once that deadline has passed: no 14/3/1-day "Due" rungs
 * to the rank order list deadline. Tunde: Lagos, J-1, OET in progress, Pathway dated 1 Nov 2026.
 * A Pathway reported in progress (submitted) differs: dated by ECFMG's acceptance by the rank order list deadline, its ladder counts down to
 * that day, asking whether ECFMG has accepted it; the follow-up stays. One only planned (scheduled)
 * and dated in time keeps the rule above: no "Due" rungs.
 */
const calendar = seasonCalendar(2027);
const ROL_DEADLINE = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;

const tunde: PlannerInput = inputFactory({
  applicant: applicantFactory({
    externalId: "pit-1",
    timezone: "Africa/Lagos",
    matchYear: 2027,
    graduation: "2025-06-30",
  }),
  milestones: [
    milestoneFactory("oet_medicine", "in_progress"),
    milestoneFactory("ecfmg_pathway", "in_progress", "2026-11-01"),
  ],
  interviews: [interviewFactory({ program: "Lakeside IM", startsAt: "2026-12-10T10:00:00-05:00" })],
});

const pathwayReminders = (result: Plan) => result.reminders.filter((r) => r.milestone === "ecfmg_pathway");
const dueRungs = (result: Plan) => pathwayReminders(result).filter((r) => /^(deadline|due)-in-/.test(r.rung));

const planned: PlannerInput = {
  ...tunde,
  milestones: [
    milestoneFactory("oet_medicine", "in_progress"),
    milestoneFactory("ecfmg_pathway", "scheduled", "2026-11-01"),
  ],
};

describe("a Pathway submitted in time", () => {
  it("reported in progress: its rungs count down to the rank order list deadline, asking for ECFMG's answer", () => {
    for (const now of ["2026-12-20T09:00:00Z", "2026-12-28T09:00:00Z"]) {
      const rungs = dueRungs(plan(tunde, calendar, new Date(now)));
      expect(rungs.map((r) => r.rung)).toEqual(["deadline-in-14d", "deadline-in-3d", "deadline-in-1d"]);
      for (const rung of rungs) {
        expect(Date.parse(rung.deadline)).toBe(ROL_DEADLINE);
        expect(rung.title).toBe(
          "Has ECFMG accepted your Pathway application? NRMP needs its acceptance by Wed 24 Feb 2027 (projected)",
        );
      }
    }
  });

  it("only planned (scheduled): no 'Due' rungs to the rank order list deadline once its application deadline has passed", () => {
    const result = plan(planned, calendar, new Date("2026-12-28T09:00:00Z"));
    expect(dueRungs(result)).toEqual([]);
  });

  it("keeps its 'did ECFMG accept it?' follow-up, announcing the rank order list deadline", () => {
    const result = plan(tunde, calendar, new Date("2026-12-28T09:00:00Z"));
    const followUps = pathwayReminders(result).filter((r) => r.rung === "result-follow-up");
    expect(followUps.length).toBeGreaterThan(0);
    expect(Date.parse(followUps[0]?.deadline ?? "")).toBe(ROL_DEADLINE);
  });

  it("only planned (scheduled): no 'Due' rungs before that deadline either (as before)", () => {
    const result = plan(planned, calendar, new Date("2026-12-20T09:00:00Z"));
    expect(dueRungs(result)).toEqual([]);
  });
});
