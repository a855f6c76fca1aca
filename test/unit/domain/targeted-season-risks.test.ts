import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG, OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * Once the 2027 Match is out of reach, the plan
 * targets 2028 and judges that Match's season risks exactly as for an applicant who entered 2028
 * (ERAS late, NRMP late or interviewing unregistered, an exam in reach only on any seat, a rank
 * order list dated before ranking opens), plus the one MATCH_YEAR_NOT_FEASIBLE and its one notice.
 * The targeted Match's own feasibility follows the native rules (any seat included).
 */
const EXAMS_BUT_STEP2: readonly MilestoneEntry[] = doneMilestones(
  ["wdoms_listing", "ecfmg_application", "usmle_step1", "oet_medicine", "ecfmg_pathway"],
  "2025-03-10",
);
const DOCUMENTS = doneMilestones(["usce", "lors", "personal_statement", "cv", "program_list"], "2027-06-01");
const SEASON_DONE = doneMilestones(["eras_token", "eras_application"]);

/** Each applicant entered `matchYear`; all are out of reach of 2027 (Step 2 CK not reported by its deadline). */
const APPLICANTS: Record<string, (matchYear: number) => PlannerInput> = {
  // Step 2 CK in progress with no date, nothing of the season done (ERAS, NRMP).
  undatedStep2: (matchYear) =>
    inputFactory({
      applicant: applicantFactory({ matchYear, timezone: "Africa/Lagos", externalId: "adva-undated" }),
      milestones: [...EXAMS_BUT_STEP2, milestoneFactory("usmle_step2ck", "in_progress")],
    }),
  // ERAS sent, interviewing for the 2028 Match, not registered with NRMP (NRMP_LATE_FEE critical).
  interviewing: (matchYear) =>
    inputFactory({
      applicant: applicantFactory({ matchYear, externalId: "adva-interviewing" }),
      milestones: [
        ...EXAMS_BUT_STEP2,
        milestoneFactory("usmle_step2ck", "in_progress", "2027-12-10"),
        ...DOCUMENTS,
        ...SEASON_DONE,
      ],
      interviews: [
        interviewFactory({ startsAt: "2027-11-15T10:00:00-05:00" }),
        interviewFactory({ program: "Saint Luke IM", startsAt: "2028-01-12T09:00:00-05:00" }),
      ],
    }),
  // Registered, with a rank order list marked certified in December, before 2028's ranking opens.
  earlyList: (matchYear) =>
    inputFactory({
      applicant: applicantFactory({ matchYear, timezone: "America/Sao_Paulo", externalId: "adva-list" }),
      milestones: [
        ...EXAMS_BUT_STEP2,
        milestoneFactory("usmle_step2ck", "in_progress", "2027-12-10"),
        ...DOCUMENTS,
        ...SEASON_DONE,
        milestoneFactory("nrmp_registration", "done"),
        milestoneFactory("rank_order_list", "done", "2027-12-20"),
      ],
    }),
};

const INSTANTS = [
  "2027-10-20T09:00:00Z",
  "2027-12-01T09:00:00Z",
  "2027-12-20T09:00:00Z",
  "2028-01-20T09:00:00Z",
  "2028-01-26T09:00:00Z",
  "2028-01-27T09:00:00Z",
];

const planOf = (name: string, matchYear: number, at: string): Plan =>
  plan(
    (APPLICANTS[name] as (year: number) => PlannerInput)(matchYear),
    seasonCalendar(matchYear),
    new Date(at),
  );
const seasonRisks = (result: Plan) =>
  result.risks
    .filter((risk) => risk.code !== "MATCH_YEAR_NOT_FEASIBLE")
    .map(({ code, severity, message }) => ({ code, severity, message }));
const criticalNotices = (result: Plan) =>
  result.reminders
    .filter((each) => each.rung === CRITICAL_RISK_RUNG)
    .map(({ id, milestone, title, deadline, sendAt, why, risk }) => ({
      id,
      milestone,
      title,
      deadline,
      sendAt,
      why,
      risk,
    }));
const outOfReach = (result: Plan) => result.risks.filter((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE");
const updateNotices = (result: Plan) =>
  result.reminders.filter((each) => /update your Match year/.test(each.title));

const CASES = Object.keys(APPLICANTS).flatMap((name) => INSTANTS.map((at) => [name, at] as const));

describe("a plan moved to a later Match judges its season risks as for an applicant who entered it", () => {
  it.each(CASES)("%s on %s: moved from 2027, its risks are the entered-2028 applicant's", (name, at) => {
    const moved = planOf(name, 2027, at);
    const native = planOf(name, 2028, at);
    expect(outOfReach(moved)).toHaveLength(1);
    expect(seasonRisks(moved)).toEqual(seasonRisks(native));
  });

  it.each(CASES)("%s on %s: its critical notices are the entered-2028 applicant's", (name, at) => {
    const moved = planOf(name, 2027, at);
    // One notice per step, slot and deadline (criticalRiskNotices): where the moved plan's out-of-reach notice
    // rides on a step at the same instant, that step's 2028 notice (the later-candidate one on
    // 27 Jan 2028) is not sent beside it. The out-of-reach notice shows its step's own date but is
    // laid against the rank order list deadline of the Match the plan moved to (deadlineOf).
    const laidAgainst = new Date(
      seasonCalendar(2028).dates.nrmp_rol_certification_and_late_registration_deadline.at,
    ).toISOString();
    const outOfReachOn = new Set(
      moved.reminders
        .filter((each) => each.rung === OUT_OF_REACH_RUNG)
        .map((each) => `${each.milestone} ${each.sendAt} ${laidAgainst}`),
    );
    const native = criticalNotices(planOf(name, 2028, at)).filter(
      (each) => !outOfReachOn.has(`${each.milestone} ${each.sendAt} ${each.deadline}`),
    );
    expect(criticalNotices(moved)).toEqual(native);
  });

  it.each(CASES)("%s on %s: one out-of-reach risk and one update notice at most", (name, at) => {
    for (const year of [2027, 2028]) {
      const result = planOf(name, year, at);
      expect(outOfReach(result).length).toBeLessThanOrEqual(1);
      expect(updateNotices(result).length).toBeLessThanOrEqual(1);
      expect(result.reminders.filter((each) => each.rung === OUT_OF_REACH_RUNG).length).toBeLessThanOrEqual(
        1,
      );
    }
  });

  it("on 20 Jan 2028 the undated Step 2 CK keeps 2028 on any seat, as when entered 2028", () => {
    const moved = planOf("undatedStep2", 2027, "2028-01-20T09:00:00Z");
    expect(outOfReach(moved)[0]?.earliestFeasibleMatchYear).toBe(2028);
    // What it takes is the 2028 Match's: any seat by its last sitting day, not the usual week.
    expect(outOfReach(moved)[0]?.message).toContain("any seat you can find by Wed 26 Jan 2028");
    expect(moved.risks.find((risk) => risk.code === "EXAMS_LATE_FOR_RANKING")?.severity).toBe("critical");
    expect(updateNotices(moved).map((each) => each.title)).toEqual([
      expect.stringContaining("update your Match year to 2028"),
    ]);
  });

  it("in October and December 2027 the moved plan warns of ERAS and NRMP, as when entered 2028", () => {
    for (const at of ["2027-10-20T09:00:00Z", "2027-12-20T09:00:00Z"]) {
      const codes = planOf("undatedStep2", 2027, at).risks.map((risk) => risk.code);
      expect(codes, at).toContain("ERAS_LATE_SUBMISSION");
    }
    const december = planOf("undatedStep2", 2027, "2027-12-20T09:00:00Z");
    expect(december.risks.map((risk) => risk.code)).toContain("NRMP_LATE_FEE");
  });

  it("on the targeted Match: interviewing and not registered is critical", () => {
    const moved = planOf("interviewing", 2027, "2027-12-20T09:00:00Z");
    expect(moved.risks.find((risk) => risk.code === "NRMP_LATE_FEE")?.severity).toBe("critical");
  });

  it("never targets a Match whose list has closed, though its entered applicant was in reach of it", () => {
    // Step 2 CK reported in June 2027: too late for 2027, in time for 2028, whose list closed in February 2028.
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, externalId: "adva-closed" }),
      milestones: [...EXAMS_BUT_STEP2, milestoneFactory("usmle_step2ck", "done", "2027-06-01")],
    });
    const moved = plan(input, seasonCalendar(2027), new Date("2028-03-10T09:00:00Z"));
    expect(outOfReach(moved).map((risk) => risk.earliestFeasibleMatchYear)).toEqual([2029]);
    expect(moved.risks.map((risk) => risk.code)).not.toContain("SEASON_OVER");
  });

  it("a rank order list dated before the targeted Match's ranking opens is not counted", () => {
    const moved = planOf("earlyList", 2027, "2028-01-20T09:00:00Z");
    expect(moved.risks.map((risk) => risk.code)).toContain("ROL_BEFORE_RANKING_OPENS");
  });
});
