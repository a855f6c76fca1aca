import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { presumedFromOf, presumedOnceNote, presumedPaidLabel } from "#domain/budget-paid-words.ts";
import { budgetTable } from "#domain/budget-table.ts";
import { budgetRows, budgetTotals } from "#domain/budget-words.ts";
import type { Budget, BudgetItem } from "#domain/plan.ts";
import { budgetAction } from "#domain/planner/budget-step-text.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema, type MilestoneEntry } from "#domain/snapshot.ts";
import { budgetLines } from "#email/reminder-sections.ts";
import { budgetHtml } from "#pages/timeline-sections.ts";
import { budgetSection } from "../../../functions/console/pages/budget.ts";

/**
 * A fee whose step the plan reads as done only because a later step the applicant marked done needs
 * it (buildContext marks a done step's prerequisites done) was never reported paid: it is presumed
 * paid, "from the steps you marked done", totalled apart, never in "spent". Rania (New
 * York, certified, matched) never reported the OET; Lucas (Recife) submitted his 2027 ERAS
 * application with only the 2026 Match's token reported.
 */
const fixture = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL(`../../fixtures/presumed-from-steps/${name}`, import.meta.url)),
        "utf8",
      ),
    ),
  );
const rania = fixture("all-done-no-oet-new-york.json");
const lucas = fixture("eras-earlier-season-token-recife.json");
const RANIA_NOW = new Date("2027-06-10T16:00:00Z");
const LUCAS_NOW = new Date("2026-11-30T23:00:00Z");
const budgetOf = (snapshot: ApplicantSnapshot, now: Date): Budget =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), now).budget;
const withEntry = (snapshot: ApplicantSnapshot, entry: MilestoneEntry): ApplicantSnapshot => ({
  ...snapshot,
  milestones: [...snapshot.milestones.filter((each) => each.key !== entry.key), entry],
});
const STEPS = "the steps you marked done";

describe("a fee presumed from a later step marked done", () => {
  it("the OET a certificate needed, never reported: presumed paid in AU$, not spent", () => {
    const budget = budgetOf(rania, RANIA_NOW);
    expect(budget.otherCurrency).toEqual([
      expect.objectContaining({ key: "oet_medicine_test", status: "presumed", presumedFrom: "steps" }),
    ]);
    expect(budgetTotals(budget)).toEqual({ paid: "about $3,370", presumed: "about AU$587", toPay: "$0" });
    expect(budget.items.every((item) => item.status === "spent")).toBe(true);
  });

  it("the OET reported done: spent, nothing presumed (the memo keeps the two apart)", () => {
    const reported = withEntry(rania, { key: "oet_medicine", status: "done", date: "2026-03-14" });
    const budget = budgetOf(reported, RANIA_NOW);
    expect(budget.otherCurrency?.map((item) => item.status)).toEqual(["spent"]);
    expect(budgetTotals(budget).presumed).toBeUndefined();
    expect(budgetOf(rania, RANIA_NOW).otherCurrency?.[0]?.status).toBe("presumed");
  });

  it("this season's ERAS token, presumed from the application, beside the earlier season's, spent", () => {
    const budget = budgetOf(lucas, LUCAS_NOW);
    const tokens = budget.items.filter((item) => item.key.startsWith("eras_token"));
    expect(tokens.map((item) => [item.key, item.status, item.presumedFrom])).toEqual([
      ["eras_token", "presumed", "steps"],
      ["eras_token.earlier-season", "spent", undefined],
    ]);
    expect(budget.presumedUsd).toBe(165);
    expect(budget.totalUsd).toBe(budget.spentUsd + 165 + budget.upcomingUsd);
    const reported = budgetOf(
      withEntry(lucas, { key: "eras_token", status: "done", date: "2026-06-20" }),
      LUCAS_NOW,
    );
    expect(reported.presumedUsd).toBeUndefined();
    // The entry now this season's token (the earlier one's line gone): its $165 spent, none presumed.
    expect(reported.spentUsd).toBe(budget.spentUsd);
  });

  it("every channel says it the same way: from the steps you marked done, never from an interview", () => {
    const result = plan(lucas, seasonCalendar(2027), LUCAS_NOW);
    const once = presumedOnceNote("steps");
    expect(budgetTable(result.budget).presumedNote).toBe(once);
    expect(budgetLines(result)).toContain(once);
    const label = presumedPaidLabel(result.budget);
    expect(label).toBe(`Presumed paid, from ${STEPS} (estimated at current fees)`);
    for (const html of [budgetHtml(result.budget), budgetSection(result.budget, "Lucas Araújo")]) {
      expect(html).toContain(label);
      expect(html).not.toContain("from your interview");
    }
    expect(budgetAction(result.budget)).toContain(`presumed paid, from ${STEPS}: about $165`);
    const row = budgetRows(result.budget).find((each) => each.status === "Presumed paid");
    expect(row?.note).toMatch(/^Presumed from the steps you marked done: you have not marked this step done/);
  });
});

describe("what presumed-paid lines are presumed from (presumedFromOf)", () => {
  const line = (presumedFrom?: "steps"): BudgetItem => ({
    key: "k",
    label: "fee",
    amountUsd: 1,
    status: "presumed",
    basis: "official",
    source: "s",
    asOf: "a",
    ...(presumedFrom === undefined ? {} : { presumedFrom }),
  });
  const budget = (items: BudgetItem[]): Budget => ({
    currency: "USD",
    items,
    spentUsd: 0,
    upcomingUsd: 0,
    totalUsd: 0,
  });
  it.each([
    [[line()], "interview"],
    [[line("steps")], "steps"],
    [[line(), line("steps")], "both"],
  ] as const)("%j: %s", (items, from) => {
    expect(presumedFromOf(budget([...items]))).toBe(from);
  });
});
