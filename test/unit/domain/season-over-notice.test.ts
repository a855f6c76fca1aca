import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Tunde (Lagos) never registered with NRMP; the day after the 2027 rank
 * order list deadline his plan's one message is SEASON_OVER ("plan for the 2028 Match"), yet no
 * email said so, the next emails counted down to a 16 Jun 2027 certificate "to start residency on
 * July 1" (a 2027 start that cannot happen), and NRMP registration still said "Register with NRMP
 * (R3)" for a Match whose registration had closed.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const load = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(new URL(name, SCENARIO_DIR), "utf8")));
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const notices = (result: Plan) => result.reminders.filter((r) => r.rung === CRITICAL_RISK_RUNG);

// He says he never registered (with NRMP and the list only unreported, an interviewing
// applicant is asked whether he ranked instead: rank-list-unreported.test.ts).
const lagosAsIs = load("late-arrival-lagos-2027.json");
const lagos: ApplicantSnapshot = {
  ...lagosAsIs,
  milestones: [...lagosAsIs.milestones, { key: "nrmp_registration", status: "not_started" }],
};
const start2027 = seasonCalendar(2027).dates.residency_start.at;
const rol2028 = seasonCalendar(2028).dates.nrmp_rol_certification_and_late_registration_deadline.at;

describe("the season is over without a certified list, never registered with NRMP", () => {
  const result = planAt(lagos, "2027-02-26T12:00:00Z");
  const risk = result.risks.find((r) => r.code === "SEASON_OVER");

  it("sends one notice at the next delivery slot: check R3 while NRMP's later deadline may be open, then one of the move to 2028", () => {
    expect(risk?.severity).toBe("critical");
    const [notice, ...more] = notices(result);
    expect(more).toEqual([]);
    expect(notice?.why).toBe(risk?.message);
    // Before NRMP's later candidate (Wed 3 Mar 2027, 9:00 PM ET) the risk asks to check R3 now.
    expect(notice?.title).toBe(
      "Check R3 now: the 2027 Match is over for you unless NRMP's deadline is later than projected",
    );
    expect(notice?.deadline).toBe("2027-03-04T02:00:00.000Z");
    expect(notice?.sendAt).toBe("2027-02-27T08:00:00.000Z");
    expect(result.reminders[0]?.id).toBe(notice?.id);
    // Past it, late registration has closed: the plan moves to the 2028 Match, and one notice of
    // its own says so (NRMP_REGISTRATION_CLOSED, critical up to the 2027 residency start).
    const moved = planAt(lagos, "2027-03-05T12:00:00Z");
    expect(moved.risks.find((r) => r.code === "SEASON_OVER")).toBeUndefined();
    const [over, ...others] = notices(moved);
    expect(others).toEqual([]);
    expect(over?.risk).toBe("NRMP_REGISTRATION_CLOSED");
    expect(over?.id).not.toBe(notice?.id);
    expect(over?.why).toContain("this plan now plans the 2028 Match");
    expect(over?.deadline).toBe(new Date(start2027).toISOString());
    // Its first steps are the 2028 Match's, none due before the plan's day, nothing overdue.
    expect(moved.overdue).toEqual([]);
    expect(rol2028).toBeGreaterThan(Date.parse(moved.now));
    // One id per risk and phase: a re-plan days later sends nothing new.
    expect(notices(planAt(lagos, "2027-03-10T12:00:00Z")).map((n) => n.id)).toEqual([over?.id]);
  });

  it("plans no deadline of a 2027 residency start", () => {
    for (const reminder of result.reminders)
      expect(Date.parse(reminder.deadline), `${reminder.milestone} ${reminder.rung}`).not.toBe(
        start2027 - 14 * 86_400_000,
      );
    const certificate = result.nextSteps.find((s) => s.milestone === "ecfmg_certification");
    if (certificate?.dueBy) expect(Date.parse(certificate.dueBy)).toBeGreaterThan(start2027);
  });

  it("does not ask to register with NRMP for the closed 2027 Match", () => {
    for (const step of result.nextSteps) expect(step.action).not.toContain("Register with NRMP");
    // It stays in the overdue list, as a record the timeline shows without action (season-over.test.ts).
    const registration = result.nextSteps.find((s) => s.milestone === "nrmp_registration");
    // While NRMP's later candidate is ahead, only on R3's say-so; else neither the Match nor its SOAP.
    expect(registration?.action).toContain("If R3 lets you register");
    expect(registration?.action).toContain("you cannot take part in the 2027 Match nor in its SOAP");
    expect(registration?.action).toContain("2028");
    // No rung of its own: only the SEASON_OVER notice rides on it (the step then says what next).
    const rungs = result.reminders.filter((r) => r.milestone === "nrmp_registration").map((r) => r.rung);
    expect(rungs).toEqual([CRITICAL_RISK_RUNG]);
  });
});
