import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * NRMP's registration covers 20 ranked programs and each program ranked past 20 costs $30
 * (facts.md §4, secondary; NRMP's last official schedule said the same). Tomás, in Bogotá, plans
 * 45 programs: the budget lists that fee to verify, never counted (how many programs interview him
 * is not known), with the most it can come to, 25 × $30 = $750, and that assumption labelled advice.
 */
const budgetOf = (
  programsPlanned: number,
  rankList = milestoneFactory("rank_order_list", "not_started"),
  now = "2026-10-01T14:00:00Z",
) =>
  plan(
    inputFactory({
      applicant: applicantFactory({
        externalId: "ranked-past-20",
        timezone: "America/Bogota",
        matchYear: 2027,
        programsPlanned,
      }),
      milestones: [...examsDone(), rankList],
    }),
    seasonCalendar(2027),
    new Date(now),
  ).budget;
const rankedPast = (budget: ReturnType<typeof budgetOf>) =>
  budget.toVerify?.find((item) => item.key === "nrmp_ranked_past_20");

describe("NRMP's fee for programs ranked past 20", () => {
  it("45 programs planned: $30 each to verify, at most $750, the assumption labelled advice", () => {
    const budget = budgetOf(45);
    const line = rankedPast(budget);
    expect(line?.amountUsd).toBe(30);
    expect(line?.label).toBe(
      "NRMP fee per program ranked past 20 (at most $750 if you rank all 45 programs you plan to apply to)",
    );
    expect(line?.verify).toContain(
      "at most $750, 25 programs past 20 (advice: you can rank only programs that interview you",
    );
    // To verify, never counted.
    expect(budget.items.some((item) => item.key === "nrmp_ranked_past_20")).toBe(false);
  });

  it("the totals do not change with it", () => {
    expect(budgetOf(45).totalUsd - budgetOf(20).totalUsd).toBe(
      // Only ERAS's fees differ: programs 21 to 30 at $11, 31 to 45 at $30.
      10 * 11 + 15 * 30,
    );
  });

  it("20 programs or fewer: registration covers them, no line", () => {
    expect(rankedPast(budgetOf(20))).toBeUndefined();
  });

  it("the rank order list certified: nothing left to estimate", () => {
    expect(
      rankedPast(
        budgetOf(45, milestoneFactory("rank_order_list", "done", "2027-02-10"), "2027-02-20T14:00:00Z"),
      ),
    ).toBeUndefined();
  });
});
