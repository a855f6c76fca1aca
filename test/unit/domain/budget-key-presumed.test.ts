import { describe, expect, it } from "vitest";
import type { Budget } from "#domain/plan.ts";
import { keepBudget, knownBudget, presumedBits } from "#domain/planner/budget-key.ts";
import { stepIndex } from "#domain/planner/catalog-index.ts";
import { buildContext } from "#domain/planner/context.ts";
import { contextWith } from "#domain/planner/context-with.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { MILESTONE_KEYS } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory } from "./factories.ts";

/**
 * The budget memo's key holds the steps presumed done (budget-key.ts): their fees read "presumed
 * paid", so two plans with the same statuses, one presuming a step and one with it reported, must
 * never share a budget.
 */
describe("the budget memo and steps presumed done", () => {
  const calendar = seasonCalendar(2027);
  const reported = buildContext(
    inputFactory({ applicant: applicantFactory({ matchYear: 2027 }) }),
    calendar,
    new Date("2026-12-03T12:00:00Z"),
  );
  const presumed = contextWith(reported, {
    presumedDone: [stepIndex("eras_token"), stepIndex("usmle_step1")],
  });
  const budget = (name: string): Budget =>
    ({ currency: "USD", items: [], spentUsd: 0, upcomingUsd: 0, totalUsd: 0, name }) as unknown as Budget;

  it("a budget kept for a plan presuming steps is found only by a plan presuming the same ones", () => {
    const kept = keepBudget(presumed, calendar, 7, 11, 0, budget("presumed"));
    expect(
      knownBudget(contextWith(reported, { presumedDone: presumed.presumedDone }), calendar, 7, 11, 0),
    ).toBe(kept);
    expect(knownBudget(reported, calendar, 7, 11, 0)).toBeUndefined();
    expect(
      knownBudget(contextWith(reported, { presumedDone: [stepIndex("eras_token")] }), calendar, 7, 11, 0),
    ).toBeUndefined();
  });

  it("and the other way round", () => {
    const kept = keepBudget(reported, calendar, 5, 13, 0, budget("reported"));
    expect(knownBudget(reported, calendar, 5, 13, 0)).toBe(kept);
    expect(knownBudget(presumed, calendar, 5, 13, 0)).toBeUndefined();
  });

  it("a budget kept with a step's fee presumed from a later step is not one with that fee reported (impliedPaidSteps)", () => {
    const oet = 1 << stepIndex("oet_medicine");
    const kept = keepBudget(reported, calendar, 3, 17, oet, budget("implied"));
    expect(knownBudget(reported, calendar, 3, 17, oet)).toBe(kept);
    expect(knownBudget(reported, calendar, 3, 17, 0)).toBeUndefined();
  });

  it("one bit per catalog index fits a small integer (the key's premise)", () => {
    expect(MILESTONE_KEYS.length).toBeLessThanOrEqual(31);
    expect(presumedBits(presumed)).toBe((1 << stepIndex("eras_token")) | (1 << stepIndex("usmle_step1")));
    expect(presumedBits(reported)).toBe(0);
  });
});
