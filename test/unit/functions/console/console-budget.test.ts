import { describe, expect, it } from "vitest";
import { BUDGET_NOTE, budgetRows, budgetTotals, PAID_SO_FAR } from "#domain/budget-words.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";
import { h } from "../../../../functions/console/pages/html.ts";

/**
 * The console's budget is the one the applicant sees: the page said "Spent
 * $1,990 · upcoming $0 · total $1,990" while the applicant's timeline said "Paid so far $1,990 plus
 * AU$587" and listed fees to verify. Both now print budget-words.ts's rows and totals.
 */
const done = (keys: string[]): MilestoneEntry[] =>
  keys.map((key) => ({ key, status: "done", date: "2026-05-01" }) as MilestoneEntry);

function view(): ApplicantView {
  const state = {
    profile: profileFactory({ graduation: "2025-06-30", timezone: "Pacific/Kiritimati" }),
    milestones: done(["wdoms_listing", "ecfmg_application", "usmle_step1"]),
    interviews: [],
    ledger: [],
  };
  const plan = domainPlanning.plan(state, new Date("2026-11-30T20:00:00Z"));
  return { state, plan, audit: [], submissions: [], events: [] };
}

describe("the console's budget", () => {
  const current = view();
  const { budget } = current.plan;
  const html = applicantFragment(current, "2026-11-30");
  const section = html.slice(html.indexOf(">Budget</h2>"), html.indexOf(">Actions</h2>"));

  it("has what the applicant's timeline has: fees in another currency and fees to verify", () => {
    expect(budget.otherCurrency?.length ?? 0).toBeGreaterThan(0);
    expect(budget.toVerify?.length ?? 0).toBeGreaterThan(0);
  });

  it("lists every fee with its status, amount and flag, as budgetRows gives them", () => {
    for (const row of budgetRows(budget)) {
      expect(section).toContain(h(row.label));
      expect(section).toContain(h(row.amount));
      if (row.note) expect(section).toContain(h(row.note));
    }
    expect(section).toContain("To verify");
  });

  it("gives the totals per currency, never converted, and says what they leave out", () => {
    const totals = budgetTotals(budget);
    expect(`${totals.paid} ${totals.toPay}`).toContain(" plus ");
    // The label says the paid total is the fee table's estimate.
    expect(section).toContain(`${h(PAID_SO_FAR)}</th><td></td><td class="amount">${h(totals.paid)}`);
    expect(section).toContain(`Still to pay</th><td></td><td class="amount">${h(totals.toPay)}`);
    expect(section).toContain(h(BUDGET_NOTE));
    expect(section).not.toContain("Spent $");
  });
});
