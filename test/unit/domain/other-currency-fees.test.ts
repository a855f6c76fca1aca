import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * OET Medicine's fee is published in Australian dollars (AU$587; US$455 only on computer in the
 * USA: https://www.occupationalenglishtest.org/book-oet/). The USD budget shows it in its own
 * currency, never converted and never in the USD totals.
 */
const now = new Date("2026-11-30T12:00:00Z");
const early = (
  overrides: Parameters<typeof applicantFactory>[0] = {},
  milestones = [milestoneFactory("wdoms_listing", "done", "2026-11-01")],
) =>
  plan(
    inputFactory({ applicant: applicantFactory({ matchYear: 2028, ...overrides }), milestones }),
    seasonCalendar(2028),
    now,
  );

describe("fees in another currency", () => {
  it("shows the OET fee as AU$587 with its source, outside the USD totals, and names it in the budget step", () => {
    const result = early();
    const oet = result.budget.otherCurrency?.find((item) => item.key === "oet_medicine_test");
    expect(oet).toMatchObject({
      amount: 587,
      currency: "AUD",
      display: "AU$587",
      status: "upcoming",
      basis: "official",
    });
    expect(oet?.source).toBe("https://www.occupationalenglishtest.org/book-oet/");
    expect(oet?.note).toContain("US$455");
    expect(oet?.note).toContain("no exchange rate");
    const usdSum = result.budget.items.reduce((sum, item) => sum + item.amountUsd, 0);
    expect(result.budget.totalUsd).toBe(usdSum);
    expect(result.budget.items.some((item) => item.key === "oet_medicine_test")).toBe(false);
    expect(result.budget.toVerify?.some((item) => item.key === "oet_medicine_test")).toBe(false);
    const budgetStep = result.nextSteps.find((step) => step.milestone === "budget");
    expect(budgetStep?.action).toContain("plus AU$587");
  });

  it("counts it spent once the OET is booked, and shows nothing behind the eligibility gate", () => {
    const booked = early({}, [
      milestoneFactory("wdoms_listing", "done", "2026-11-01"),
      milestoneFactory("oet_medicine", "scheduled", "2027-02-10"),
    ]);
    expect(booked.budget.otherCurrency?.[0]?.status).toBe("spent");
    expect(booked.nextSteps.find((step) => step.milestone === "budget")?.action).not.toContain("AU$");
    const gated = early({ medicalSchool: { name: "Unlisted", country: "IN", wdomsSponsorNote: false } });
    expect(gated.budget.otherCurrency).toBeUndefined();
    // Unknown note and the WDOMS check not done: held back like the USD fees, so listed with why
    // and in no total, never asked for in the budget step (it used to vanish).
    const unknown = early(
      { medicalSchool: { name: "Unchecked", country: "IN", wdomsSponsorNote: null } },
      [],
    );
    const held = unknown.budget.otherCurrency?.find((item) => item.key === "oet_medicine_test");
    expect(held?.status).toBe("held");
    expect(held?.verify).toMatch(/held back, not counted/);
    expect(unknown.nextSteps.find((step) => step.milestone === "budget")?.action ?? "").not.toContain("AU$");
  });
});
