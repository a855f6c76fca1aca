import { describe, expect, it } from "vitest";
import { budgetRows, budgetTotals } from "#domain/budget-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/** Our applicant: a 2027 Match graduate in Accra, planned on 30 Nov 2026. */
const NOW = new Date("2026-11-30T10:00:00Z");
const accra = (
  sponsorNote: boolean | null,
  milestones = [milestoneFactory("wdoms_listing", "not_started")],
) =>
  inputFactory({
    applicant: applicantFactory({
      timezone: "Africa/Accra",
      matchYear: 2027,
      graduation: "2025-06-30",
      medicalSchool: { name: "Accra Example School", country: "GH", wdomsSponsorNote: sponsorNote },
    }),
    milestones,
  });

describe("fees held back while the sponsor note is unknown list every currency", () => {
  const budget = plan(accra(null), seasonCalendar(2027), NOW).budget;

  it("lists the OET fee in AU$ as held back, in no total", () => {
    const oet = budget.otherCurrency?.find((item) => item.key === "oet_medicine_test");
    expect(oet?.status).toBe("held");
    expect(oet?.verify).toMatch(/^held back, not counted/);
    expect(budgetTotals(budget)).toEqual({ paid: "$0", toPay: "$0" });
    const row = budgetRows(budget).find((each) => each.amount === oet?.display);
    expect(row?.status).toBe("To verify");
    expect(row?.note).toMatch(/held back, not counted/);
  });

  it("holds back the USD fees too, so every currency is listed", () => {
    expect(budget.toVerify?.map((item) => item.key)).toEqual(
      expect.arrayContaining(["ecfmg_certification_application", "usmle_step1_exam"]),
    );
    expect(budget.items).toEqual([]);
  });
});

describe("a fee counts as spent only when the record shows the step paid", () => {
  it("spends nothing for a school with no sponsor note whose record shows no exam", () => {
    const budget = plan(accra(false), seasonCalendar(2027), NOW).budget;
    expect(budget.spentUsd).toBe(0);
    expect(budget.items.filter((item) => item.status === "spent")).toEqual([]);
  });

  it("counts Step 1 as spent once the record shows it done, and the ECFMG application it required, never reported, as presumed paid", () => {
    const milestones = [
      milestoneFactory("wdoms_listing", "done"),
      milestoneFactory("usmle_step1", "done", "2026-03-01"),
    ];
    const budget = plan(accra(false, milestones), seasonCalendar(2027), NOW).budget;
    expect(budget.items.filter((item) => item.status === "spent").map((item) => item.key)).toEqual([
      "usmle_step1_exam",
    ]);
    expect(budget.items.filter((item) => item.status === "presumed").map((item) => item.key)).toEqual([
      "ecfmg_certification_application",
    ]);
  });
});
