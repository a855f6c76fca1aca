import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory } from "./factories.ts";

/**
 * Once the 2027 Match was out of reach and the plan named the 2028 Match, the 2028
 * application steps (letters, ERAS token, ERAS, NRMP registration, ranking) all read "waiting for a
 * feasible Match year (the 2028 Match)" with no reminders, unless the applicant changed their Match
 * year by hand, while the budget already counted the 2028 fees. The rule: the later Match is
 * planned in full, as if the applicant had entered that year, plus one notice asking them to update
 * the form's Match year. A Lagos applicant with Step 1 done and Step 2 CK, OET and Pathway not begun,
 * written off on 2 Dec 2026.
 */
const NOW = new Date("2026-12-02T09:00:00Z");
const written = (matchYear: number): PlannerInput =>
  inputFactory({
    applicant: applicantFactory({
      matchYear,
      timezone: "Africa/Lagos",
      graduation: "2022-11-15",
      medicalSchool: { name: "Example College of Medicine", country: "NG", wdomsSponsorNote: true },
    }),
    milestones: doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2025-05-12"),
  });
const planFor = (matchYear: number, now = NOW) => plan(written(matchYear), seasonCalendar(matchYear), now);
const seasonBound = (key: string) =>
  key !== "interview" && key !== "budget" && catalogEntry(key as never).seasonBound === true;
const seasonSteps = (result: Plan) => ({
  next: result.nextSteps.filter((step) => seasonBound(step.milestone)),
  blocked: result.blocked.filter((step) => seasonBound(step.milestone)),
  reminders: result.reminders.filter(
    (each) => seasonBound(each.milestone) && each.rung !== OUT_OF_REACH_RUNG,
  ),
});
const updateNotices = (result: Plan) =>
  result.reminders.filter((each) => /update your Match year to 2028 in your intake form/.test(each.title));

describe("a Match out of reach plans the later Match's steps in full", () => {
  const moved = planFor(2027);
  const entered = planFor(2028);

  it("is written off for the 2028 Match", () => {
    const risk = moved.risks.find((each) => each.code === "MATCH_YEAR_NOT_FEASIBLE");
    expect(risk?.earliestFeasibleMatchYear).toBe(2028);
  });

  it("plans the ERAS and NRMP steps on the 2028 Match's projected dates, with their reminders", () => {
    const waits = moved.blocked.flatMap((step) => step.waitingFor).join(" ");
    expect(waits).not.toMatch(/feasible Match year/);
    for (const key of ["eras_token", "lors", "nrmp_registration"]) {
      const step = moved.nextSteps.find((each) => each.milestone === key);
      expect(step?.deadline?.status, key).toBe("projected");
      expect(step?.dueBy, key).toBe(entered.nextSteps.find((each) => each.milestone === key)?.dueBy);
      expect(
        moved.reminders.some((each) => each.milestone === key),
        key,
      ).toBe(true);
    }
    // NRMP's 2028 registration deadline (projected late November 2027), not 2027's.
    expect(moved.nextSteps.find((each) => each.milestone === "nrmp_registration")?.dueBy?.slice(0, 4)).toBe(
      "2027",
    );
  });

  it("plans them exactly as for an applicant who entered the 2028 Match", () => {
    expect(seasonSteps(moved)).toEqual(seasonSteps(entered));
  });

  it("sends one notice asking to update the form's Match year, with an id that stays", () => {
    const notices = updateNotices(moved);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.rung).toBe(OUT_OF_REACH_RUNG);
    expect(notices[0]?.why).toContain("send your intake form again with Match year 2028");
    const weekLater = planFor(2027, new Date("2026-12-09T09:00:00Z"));
    expect(updateNotices(weekLater).map((each) => each.id)).toEqual([notices[0]?.id]);
    expect(updateNotices(entered)).toEqual([]);
  });

  it("budgets the 2028 fees the steps it plans for 2028 ask for, as for an applicant who entered 2028", () => {
    const fees = (result: Plan) =>
      result.budget.items.map((item) => [item.key, item.label, item.status, item.amountUsd, item.asOf]);
    expect(fees(moved)).toEqual(fees(entered));
    const upcoming = moved.budget.items.filter((item) => item.status === "upcoming").map((item) => item.key);
    expect(upcoming).toEqual(expect.arrayContaining(["eras_token", "nrmp_registration"]));
    // The steps those fees are paid at are planned (next steps with 2028 dates), not waiting.
    for (const key of ["eras_token", "nrmp_registration"] as const)
      expect(moved.nextSteps.find((step) => step.milestone === key)?.deadline?.status, key).toBe("projected");
  });
});
