import { describe, expect, it } from "vitest";
import { applyWhatIf, planDiff } from "#domain/console/what-if.ts";
import type { Plan } from "#domain/plan.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory } from "#test/unit/domain/factories.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

/**
 * The what-if's Budget row showed the counted totals only
 * ("Upcoming $3,450 → $3,815"), so a fee "to verify", which is in no total, changed unseen: a
 * J-1 → H-1B switch adds the $100,000 H-1B proclamation fee to verify. The row now lists the
 * fees to verify that the change adds, removes or reprices, saying they are in no total.
 */
const now = new Date("2026-06-01T12:00:00Z");
const j1 = inputFactory({
  applicant: applicantFactory({ matchYear: 2027, visa: "J-1" }),
  milestones: examsDone("2025-06-01"),
});
const j1Plan = planFor(j1, seasonCalendar(2027), now);
const h1bPlan = planFor(applyWhatIf(j1, [{ kind: "visa", visa: "H-1B" }]), seasonCalendar(2027), now);
const budgetOf = (before: Plan, after: Plan) => {
  const diff = planDiff(before, after);
  const html = whatIfResultFragment(
    "a_x",
    { before, after, diff, saveId: "console-what-if-x", basedOn: "basis", saveProblems: [], warnings: [] },
    "[]",
  );
  return {
    diff,
    row: html.slice(
      html.indexOf("<h3>Budget</h3>"),
      html.indexOf("<h3>", html.indexOf("<h3>Budget</h3>") + 5),
    ),
  };
};

describe("the what-if's Budget row shows a fee to verify that changes", () => {
  const proclamation = h1bPlan.budget.toVerify?.find((item) => item.key === "h1b_proclamation_100k");

  it("the case: H-1B adds a fee to verify the J-1 plan does not have", () => {
    expect(proclamation?.amountUsd).toBe(100_000);
    expect(j1Plan.budget.toVerify?.some((item) => item.key === "h1b_proclamation_100k")).toBe(false);
  });

  it("J-1 → H-1B: the new fee to verify, its amount, and that it is in no total", () => {
    const { diff, row } = budgetOf(j1Plan, h1bPlan);
    // Beside the H-1B visa fees, listed apart before a match (owed only if a program files a petition).
    expect(diff.budget.toVerify.added).toContainEqual({ label: proclamation?.label, amountUsd: 100_000 });
    expect(row).toContain("To verify, in no total");
    expect(row).toContain(`new: ${proclamation?.label} $100,000`.replaceAll("'", "&#39;"));
  });

  it("H-1B → J-1: the same fee, removed", () => {
    const { diff, row } = budgetOf(h1bPlan, j1Plan);
    expect(diff.budget.toVerify.removed).toContainEqual({ label: proclamation?.label, amountUsd: 100_000 });
    expect(row).toContain(`removed: ${proclamation?.label} $100,000`.replaceAll("'", "&#39;"));
  });

  it("a change to a fee to verify alone is a difference", () => {
    const repriced: Plan = {
      ...j1Plan,
      budget: {
        ...j1Plan.budget,
        toVerify: (j1Plan.budget.toVerify ?? []).map((item) =>
          item.key === "visa_integrity_fee" ? { ...item, amountUsd: 300 } : item,
        ),
      },
    };
    const { diff, row } = budgetOf(j1Plan, repriced);
    expect(diff.budget.toVerify.changed).toEqual([
      { label: expect.any(String), amountBefore: 250, amountAfter: 300 },
    ]);
    expect(diff.unchanged).toBe(false);
    expect(row).toMatch(/\$250 → \$300/);
  });

  it("no change to the fees to verify: the row says so in one line, no list", () => {
    const { diff, row } = budgetOf(j1Plan, j1Plan);
    expect(diff.budget.toVerify).toEqual({ added: [], removed: [], changed: [] });
    expect(row).toContain("To verify, in no total: no change");
  });
});
