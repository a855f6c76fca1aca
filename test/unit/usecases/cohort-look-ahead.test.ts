import { describe, expect, it } from "vitest";
import { changeInstants, planFacts, upcomingFacts } from "#domain/console/row-as-of.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { lookAheadFacts } from "#usecases/cohort-look-ahead.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import type { Planning } from "#usecases/planning.ts";
import { doneMilestones } from "../domain/factories.ts";
import { profileFactory } from "./fakes.ts";

/** domainPlanning with its plan() runs counted, as a new Planning (so with a memo of its own). */
function countedPlanning(withInputs = true): { planning: Planning; runs: () => number } {
  let runs = 0;
  const { planInputs: _inputs, ...rest } = domainPlanning;
  const planning: Planning = {
    ...rest,
    ...(withInputs ? { planInputs: domainPlanning.planInputs } : {}),
    plan: (state, now) => {
      runs += 1;
      return domainPlanning.plan(state, now);
    },
  };
  return { planning, runs: () => runs };
}

/** What the row held before the memo: the planner re-run at every instant. */
function replanned(state: ApplicantState, at: Date) {
  const plan = domainPlanning.plan(state, at);
  const instants = changeInstants(plan, domainPlanning.seasonInstants?.(state) ?? []);
  return {
    plan,
    upcoming: upcomingFacts(planFacts(plan), instants, (now) => domainPlanning.plan(state, now)),
  };
}

describe("the cohort row's look-ahead", () => {
  const state: ApplicantState = {
    profile: profileFactory(),
    milestones: doneMilestones(["wdoms_listing", "ecfmg_application"]),
    interviews: [],
    ledger: [],
  };
  const first = new Date("2026-06-01T09:00:00Z");
  const later = new Date("2026-07-15T09:00:00Z");

  it("gives the facts re-planning at each instant gives, on a first and on a repeated call", () => {
    const { planning } = countedPlanning();
    for (const at of [first, later, first]) {
      const { plan, upcoming } = replanned(state, at);
      expect(upcoming.length).toBeGreaterThan(0);
      expect(lookAheadFacts(state, plan, planning)).toEqual(upcoming);
    }
  });

  it("re-plans no instant it planned before while the planner's inputs stay the same", () => {
    const { planning, runs } = countedPlanning();
    const { plan } = replanned(state, first);
    lookAheadFacts(state, plan, planning);
    const firstRuns = runs();
    expect(firstRuns).toBeGreaterThan(0);
    // A wake-up: only the ledger changed, with a mark the planner does not read (a wake-up stores
    // each mark's subject; an older row without one is read: sent-marks-without-subject.test.ts).
    const sentAt = "2026-06-02T09:00:00.000Z";
    const subject = {
      milestone: "eras_application",
      rung: "due-in-7d",
      title: "Submit your ERAS application",
    };
    const woken: ApplicantState = {
      ...state,
      ledger: [{ reminderId: "r-1", status: "sent", claimedAt: sentAt, sentAt, messageId: "m-1", subject }],
    };
    lookAheadFacts(woken, plan, planning);
    expect(runs()).toBe(firstRuns);
  });

  it("re-plans when an input changes, and without planInputs every time", () => {
    const counted = countedPlanning();
    const { plan } = replanned(state, first);
    lookAheadFacts(state, plan, counted.planning);
    const firstRuns = counted.runs();
    const moved = {
      ...state,
      milestones: doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"]),
    };
    const movedPlan = domainPlanning.plan(moved, first);
    expect(lookAheadFacts(moved, movedPlan, counted.planning)).toEqual(replanned(moved, first).upcoming);
    expect(counted.runs()).toBeGreaterThan(firstRuns);

    const unkeyed = countedPlanning(false);
    lookAheadFacts(state, plan, unkeyed.planning);
    lookAheadFacts(state, plan, unkeyed.planning);
    expect(unkeyed.runs()).toBe(2 * firstRuns);
  });
});
