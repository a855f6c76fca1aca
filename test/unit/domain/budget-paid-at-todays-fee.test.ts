import { describe, expect, it } from "vitest";
import { budgetRows } from "#domain/budget-words.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Matchpath asks for no amount paid, so a paid fee is counted at the fee table's figure, today's. Ravi,
 * in Colombo, sat Step 1 in 2024, when IMGs paid ECFMG $985 per exam (facts.md §4); the budget counts
 * today's $680 and must say so, naming what the fee was then and who was paid.
 */
const ravi = plan(
  inputFactory({
    applicant: applicantFactory({
      externalId: "paid-at-todays-fee",
      timezone: "Asia/Colombo",
      matchYear: 2027,
    }),
    milestones: [
      ...doneMilestones(["wdoms_listing", "ecfmg_application", "usmle_step1"], "2024-05-10"),
      milestoneFactory("usmle_step2ck", "not_started"),
    ],
  }),
  seasonCalendar(2027),
  new Date("2026-06-01T04:00:00Z"),
);
const step1 = ravi.budget.items.find((item) => item.key === "usmle_step1_exam");

describe("a fee paid years ago is counted at today's fee, and says so", () => {
  it("the paid Step 1's flag says today's figure first, then the 2022–2024 figure and who was paid", () => {
    expect(step1?.status).toBe("spent");
    expect(step1?.amountUsd).toBe(680);
    expect(step1?.verify).toMatch(
      /^flagged, verify: counted here at today's figure, \$680: if you registered from 2022 to 2024, IMGs then paid ECFMG \$985 per exam/,
    );
  });

  it("the budget row's note keeps it", () => {
    const row = budgetRows(ravi.budget).find((each) => each.label === "USMLE Step 1 exam fee");
    expect(row?.note).toContain("counted here at today's figure, $680: if you registered from 2022 to 2024");
  });

  it("a Step 1 still to pay carries only the fee's own flag", () => {
    const ahead = plan(
      inputFactory({
        applicant: applicantFactory({ externalId: "step1-ahead", timezone: "Asia/Colombo", matchYear: 2028 }),
        milestones: [milestoneFactory("wdoms_listing", "done", "2026-05-01")],
      }),
      seasonCalendar(2028),
      new Date("2026-06-01T04:00:00Z"),
    ).budget.items.find((item) => item.key === "usmle_step1_exam");
    expect(ahead?.status).toBe("upcoming");
    expect(ahead?.verify).not.toContain("today's figure");
  });
});
