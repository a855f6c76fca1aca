import { describe, expect, it } from "vitest";
import { budgetRows } from "#domain/budget-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
} from "./factories.ts";

/**
 * MATCH_YEAR_NOT_FEASIBLE moved a Manila applicant's plan to the 2028 Match after
 * they had paid the 2027 ERAS token, applications and NRMP registration; the budget counted those as
 * spent and gave the same total as the unpaid twin. The 2028 Match needs its own token, applications
 * and NRMP registration (catalog `redoneEachSeason`): the 2027 fees stay spent, and the 2028 season's
 * are upcoming, labelled for that Match.
 * No exam done on Sun 10 Jan 2027: the 2027 Match is out of reach whatever was paid.
 */
const applicant = applicantFactory({ matchYear: 2027, timezone: "Asia/Manila", graduation: "2025-05-30" });
const NOW = new Date("2027-01-10T12:00:00Z");
const early = doneMilestones(
  ["wdoms_listing", "ecfmg_application", "lors", "personal_statement", "cv", "program_list"],
  "2026-08-01",
);
const planOf = (paid: boolean): Plan => {
  const season: MilestoneEntry[] = paid
    ? [
        milestoneFactory("eras_token", "done", "2026-06-20"),
        milestoneFactory("eras_application", "done", "2026-09-05"),
        milestoneFactory("nrmp_registration", "done", "2026-10-01"),
      ]
    : [];
  return plan(
    inputFactory({ applicant, milestones: openStepsNotStarted([...early, ...season]) }),
    seasonCalendar(2027),
    NOW,
  );
};
const SEASON_FEES = ["eras_token", "eras_programs", "eras_usmle_transcript", "nrmp_registration"];
const itemsOf = (result: Plan, key: string) =>
  [...result.budget.items, ...(result.budget.toVerify ?? [])].filter((item) => item.key.startsWith(key));

describe("a Match moved to a later year after its season's fees were paid", () => {
  const paid = planOf(true);
  const unpaid = planOf(false);

  it("is the out-of-reach case, planned for 2028, for both", () => {
    for (const result of [paid, unpaid])
      expect(
        result.risks.find((risk) => risk.code === "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear,
      ).toBe(2028);
  });

  it.each(SEASON_FEES)("keeps the paid 2027 %s as spent and adds the 2028 Match's as upcoming", (key) => {
    const items = itemsOf(paid, key);
    const spent = items.filter((item) => item.status === "spent");
    const ahead = items.filter((item) => item.status === "upcoming");
    expect(spent).toHaveLength(1);
    expect(spent[0]?.nextMatch).toBeUndefined();
    expect(ahead).toHaveLength(1);
    expect(ahead[0]?.nextMatch?.matchYear).toBe(2028);
    expect(ahead[0]?.amountUsd).toBe(spent[0]?.amountUsd);
  });

  it.each(SEASON_FEES)("budgets the unpaid twin's %s once, as the plan's own Match's fee", (key) => {
    const items = itemsOf(unpaid, key);
    expect(items).toHaveLength(1);
    expect(items[0]?.status).toBe("upcoming");
    expect(items[0]?.amountUsd).toBe(itemsOf(paid, key).find((item) => item.nextMatch)?.amountUsd);
  });

  it("costs the paid applicant the re-paid season fees more than the unpaid twin", () => {
    const repaid = SEASON_FEES.flatMap((key) => itemsOf(paid, key))
      .filter((item) => item.status === "spent")
      .reduce((sum, item) => sum + item.amountUsd, 0);
    expect(repaid).toBeGreaterThan(0);
    expect(paid.budget.totalUsd).toBe(unpaid.budget.totalUsd + repaid);
    expect(paid.budget.upcomingUsd).toBe(unpaid.budget.upcomingUsd);
  });

  it("labels the 2028 lines as that Match's estimates in the table", () => {
    const labels = budgetRows(paid.budget).map((row) => `${row.status} ${row.label}`);
    expect(labels).toContain("Paid ERAS token (ECFMG)");
    expect(labels).toContain("Coming ERAS token (ECFMG) (2028 Match, estimate)");
  });
});
