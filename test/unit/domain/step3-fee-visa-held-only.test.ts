import { describe, expect, it } from "vitest";
import type { Budget } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An H-1B applicant abroad, Step 3 not booked: once the day to apply for the visitor visa by has
 * passed (Mon 11 Jan 2027 for the petition's Fri 19 Mar), Step 3's day holds only for one who
 * already holds a B-1/B-2 visa, so its fee is listed apart on that condition, in no total, and the
 * visitor visa's fee, too late to help, is not listed; before that day both are upcoming.
 * Chidi: Lagos, certified, registered, interviewed, ranked from 10 Feb.
 */
function chidi(ranked: boolean): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "step3-fee-visa-held-only",
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2023-06-30",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-09-15"),
      milestoneFactory("ecfmg_certification", "done", "2025-10-20"),
      milestoneFactory("usmle_step3", "not_started"),
      ...(ranked ? [milestoneFactory("rank_order_list", "done", "2027-02-10")] : []),
    ],
    interviews: [interviewFactory({ startsAt: "2026-11-24T10:00:00-05:00" })],
  });
}
const budgetAt = (iso: string): Budget =>
  plan(chidi(iso > "2027-02-10"), seasonCalendar(2027), new Date(iso)).budget;
const upcoming = (budget: Budget, key: string) =>
  budget.items.find((item) => item.key === key && item.status === "upcoming");
const apart = (budget: Budget, key: string) => budget.toVerify?.find((item) => item.key === key);

describe("Step 3's fees abroad once only a visitor visa already held reaches its day", () => {
  it("on Sun 10 Jan 2027, the visa's day ahead: Step 3 and the visitor visa are upcoming", () => {
    const budget = budgetAt("2027-01-10T08:00:00Z");
    expect(upcoming(budget, "usmle_step3_exam")).toBeDefined();
    expect(upcoming(budget, "visitor_visa_mrv")).toBeDefined();
  });

  it.each([
    ["Tue 12 Jan 2027, dated for the visa-held day", "2027-01-12T08:00:00Z"],
    ["Fri 26 Feb 2027, ranking over, the petition's day only with a visa held", "2027-02-26T08:00:00Z"],
  ])("on %s: Step 3's fee apart on that condition, no visitor visa fee", (_when, iso) => {
    const budget = budgetAt(iso);
    expect(upcoming(budget, "usmle_step3_exam")).toBeUndefined();
    expect(apart(budget, "usmle_step3_exam")?.verify).toMatch(/^If you already hold a B-1\/B-2 visitor visa/);
    expect(budget.items.some((item) => item.key === "visitor_visa_mrv")).toBe(false);
    expect(apart(budget, "visitor_visa_mrv")).toBeUndefined();
    expect(budget.upcomingUsd).toBe(0);
  });
});
