import { describe, expect, it } from "vitest";
import { budgetRows } from "#domain/budget-words.ts";
import { FEES } from "#domain/catalog/index.ts";
import type { Budget, BudgetItem } from "#domain/plan.ts";
import { feeItem } from "#domain/planner/budget-items.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

const NOW = new Date("2026-11-30T10:00:00Z");

/** A 2028 Match applicant whose record shows Step 1 sat: the plan counts its fee as paid. */
const paidStep1 = plan(
  inputFactory({
    applicant: applicantFactory({
      timezone: "Africa/Accra",
      matchYear: 2028,
      graduation: "2025-06-30",
      medicalSchool: { name: "Accra Example School", country: "GH", wdomsSponsorNote: false },
    }),
    milestones: [
      milestoneFactory("wdoms_listing", "done"),
      milestoneFactory("usmle_step1", "done", "2026-03-01"),
    ],
  }),
  seasonCalendar(2028),
  NOW,
).budget.items.find((item) => item.key === "usmle_step1_exam");

const STEP1_FEE = FEES.find((fee) => fee.key === "usmle_step1_exam" && fee.kind === "flat") as Extract<
  (typeof FEES)[number],
  { kind: "flat" }
>;

const budgetOf = (item: BudgetItem): Budget => ({
  currency: "USD",
  items: [item],
  spentUsd: item.status === "spent" ? item.amountUsd : 0,
  upcomingUsd: item.status === "upcoming" ? item.amountUsd : 0,
  totalUsd: item.amountUsd,
});

describe("a paid fee's row does not tell the applicant to check before paying", () => {
  it("Step 1, paid: says it is paid and where the exact amount is, not 'check … before paying'", () => {
    expect(paidStep1?.status).toBe("spent");
    const [row] = budgetRows(budgetOf(paidStep1 as BudgetItem));
    expect(row?.status).toBe("Paid");
    expect(row?.note).not.toMatch(/before paying/);
    expect(row?.note).toMatch(/^Paid: your receipt shows what you paid; \$680 is FSMB's 2025 Step 1 fee/);
  });

  it("the same fee still to pay keeps its 'check … before paying' flag", () => {
    const [row] = budgetRows(budgetOf(feeItem(STEP1_FEE, false)));
    expect(row?.status).toBe("Coming");
    // Counted, so not worded as one of the fees "to verify" the totals leave out.
    expect(row?.note).toMatch(
      /^Counted in the totals at the latest figure found, not confirmed: \$680 is FSMB's 2025 Step 1 fee.*before paying$/,
    );
  });
});
