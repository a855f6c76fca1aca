import { describe, expect, it } from "vitest";
import { budgetRows } from "#domain/budget-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A fee paid for a step whose day the snapshot gives is counted at the figure in force that day
 * (fees.json `inForce`), not today's; where that figure is not known, the fee is listed with the
 * fees to verify, with no amount and why. Nadia, in Dhaka, applied to ECFMG in late 2021, sat
 * Step 1 in August 2023, when IMGs paid ECFMG $985 per exam (facts.md §4), and Step 2 CK in April
 * 2025, after ECFMG matched the exam fee to the USMLE program fee: no Step 2 CK figure was found, so
 * it is counted, as an estimate, at Step 1's (FSMB's 2025 table), the figure a sitting in 2026 or
 * one still to come is counted at too.
 */
function budgetFor(milestones: MilestoneEntry[]) {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        externalId: "paid-on-its-day",
        fullName: "Nadia Rahman",
        timezone: "Asia/Dhaka",
        matchYear: 2027,
      }),
      milestones: [milestoneFactory("wdoms_listing", "done", "2021-09-01"), ...milestones],
    }),
    seasonCalendar(2027),
    new Date("2026-10-05T04:00:00Z"),
  ).budget;
}
const nadia = budgetFor([
  milestoneFactory("ecfmg_application", "done", "2021-11-03"),
  milestoneFactory("usmle_step1", "done", "2023-08-14"),
  milestoneFactory("usmle_step2ck", "done", "2025-04-02"),
]);
const item = (budget: typeof nadia, key: string) => budget.items.find((each) => each.key === key);
const toVerify = (budget: typeof nadia, key: string) => budget.toVerify?.find((each) => each.key === key);

describe("a fee paid is counted at the figure in force on its step's day", () => {
  it("counts Step 1 sat in 2023 at ECFMG's $985, with that figure's source", () => {
    const step1 = item(nadia, "usmle_step1_exam");
    expect(step1).toMatchObject({ status: "spent", amountUsd: 985, basis: "official" });
    expect(step1?.source).toBe("https://www.ecfmg.org/news/category/general/");
    expect(step1?.verify).toBeUndefined();
  });

  it("counts Step 1 sat in mid-2025 at the fee's own figure, flagged as before", () => {
    const later = item(
      budgetFor([milestoneFactory("usmle_step1", "done", "2025-06-20")]),
      "usmle_step1_exam",
    );
    expect(later).toMatchObject({ status: "spent", amountUsd: 680 });
    expect(later?.verify).toMatch(/^flagged, verify/);
  });

  it("counts Step 2 CK of 2025 at Step 1's figure as an estimate, as a later or coming sitting is, and says why", () => {
    const step2 = item(nadia, "usmle_step2ck_exam");
    expect(step2).toMatchObject({ status: "spent", amountUsd: 680, basis: "secondary" });
    expect(step2?.verify).toContain("counted at Step 1's $680");
    expect(toVerify(nadia, "usmle_step2ck_exam")).toBeUndefined();
    expect(budgetRows(nadia).find((each) => each.label.startsWith("USMLE Step 2 CK exam fee"))).toMatchObject(
      {
        label: "USMLE Step 2 CK exam fee",
        amount: "about $680",
      },
    );
    // A sitting in November 2026 and one still to come read the same figure, with the same words.
    const later = item(
      budgetFor([milestoneFactory("usmle_step2ck", "done", "2026-11-20")]),
      "usmle_step2ck_exam",
    );
    const coming = item(budgetFor([]), "usmle_step2ck_exam");
    expect(later).toMatchObject({ status: "spent", amountUsd: 680, verify: step2?.verify });
    expect(coming).toMatchObject({ status: "upcoming", amountUsd: 680, verify: step2?.verify });
  });

  it("claims no amount for an application before the first figure recorded", () => {
    expect(toVerify(nadia, "ecfmg_certification_application")?.verify).toContain(
      "no figure is recorded before Sat 1 Jan 2022",
    );
  });

  it("claims no amount for an exam sat weeks after a change, its registration maybe before it", () => {
    const near = budgetFor([milestoneFactory("usmle_step1", "done", "2025-01-20")]);
    expect(item(near, "usmle_step1_exam")).toBeUndefined();
    expect(toVerify(near, "usmle_step1_exam")?.verify).toContain("the fee changed on Wed 1 Jan 2025");
  });

  it("counts Step 1 done with no date at today's figure, its flag naming the earlier one", () => {
    const undated = item(budgetFor([milestoneFactory("usmle_step1", "done")]), "usmle_step1_exam");
    expect(undated).toMatchObject({ status: "spent", amountUsd: 680 });
    expect(undated?.verify).toMatch(
      /^flagged, verify: counted here at today's figure, \$680, as your step has no date; .*earlier figures: \$985 from Sat 1 Jan 2022/,
    );
  });

  it("counts only the figures known in the spent total", () => {
    // Step 1 at 2023's $985 and Step 2 CK at the 2025 estimate; the application of 2021, before
    // the first figure recorded, is not counted.
    expect(nadia.spentUsd).toBe(985 + 680);
  });
});

describe("the fee table's history", () => {
  it("gives every fee at most six spans, oldest first, so the budget's memo key stays exact", async () => {
    const { FEES } = await import("#domain/catalog/index.ts");
    for (const fee of FEES) {
      expect(fee.inForce.length).toBeLessThanOrEqual(6);
      const days = fee.inForce.map((span) => span.from);
      expect(days).toEqual([...days].sort());
    }
  });
});
