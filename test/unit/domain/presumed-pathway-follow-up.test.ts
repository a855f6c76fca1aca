import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory, milestoneFactory } from "./factories.ts";

/**
 * A Pathway presumed sent (an interview for the Match
 * presumes it; the OET reported in progress keeps it "sent", not done) once its projected
 * application deadline (Sat 26 Dec 2026 for the 2027 Match) has passed is treated like one
 * submitted in time: one "did ECFMG accept it?" follow-up, none of the hard deadline's "Due" rungs
 * (14, 3 and 1 days before the rank order list deadline). Camila: Bogotá, J-1, interview 15 Dec 2026.
 */
const calendar = seasonCalendar(2027);
const ROL_DEADLINE = calendar.dates.nrmp_rol_certification_and_late_registration_deadline.at;

const camila: PlannerInput = inputFactory({
  applicant: applicantFactory({
    externalId: "pp-1",
    timezone: "America/Bogota",
    matchYear: 2027,
    graduation: "2025-06-30",
  }),
  milestones: [milestoneFactory("oet_medicine", "in_progress")],
  interviews: [interviewFactory({ program: "Harbor IM", startsAt: "2026-12-15T10:00:00-05:00" })],
});

const pathwayReminders = (result: Plan) =>
  result.reminders.filter((r) => r.milestone === "ecfmg_pathway" && Date.parse(r.sendAt) < ROL_DEADLINE);

describe("a Pathway presumed sent, past its projected deadline", () => {
  it("gets no 'Due' rungs before the rank order list deadline", () => {
    const result = plan(camila, calendar, new Date("2027-01-05T15:00:00Z"));
    expect(pathwayReminders(result).filter((r) => /^(deadline|due)-in-/.test(r.rung))).toEqual([]);
  });

  it("gets one 'did ECFMG accept it?' follow-up, announcing the rank order list deadline", () => {
    const result = plan(camila, calendar, new Date("2027-01-05T15:00:00Z"));
    const followUps = pathwayReminders(result);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]?.title).toContain("did ECFMG accept it?");
    expect(Date.parse(followUps[0]?.deadline ?? "")).toBe(ROL_DEADLINE);
  });

  it("keeps the same follow-up id from one plan to the next (sent once)", () => {
    // Both before the OET's last sitting day (5 Jan 2027), after which the plan moves to 2028.
    const early = pathwayReminders(plan(camila, calendar, new Date("2026-12-28T15:00:00Z")));
    const later = pathwayReminders(plan(camila, calendar, new Date("2027-01-05T15:00:00Z")));
    expect(later.map((r) => r.id)).toEqual(early.map((r) => r.id));
  });

  it("a plan moved to the next Match (the OET's last sitting day passed) keeps that Match's Pathway ladder", () => {
    const moved = plan(camila, calendar, new Date("2027-02-01T15:00:00Z")).reminders.filter(
      (r) => r.milestone === "ecfmg_pathway",
    );
    expect(moved.some((r) => r.title.includes("did ECFMG accept it?"))).toBe(false);
    expect(moved.some((r) => r.rung === "due-in-14d")).toBe(true);
  });
});
