import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// The document a consular interview needs, received too late for the visa's own date (Wed 16 Jun
// 2027, our advice): the critical risk says the visa would come after residency starts. The visa
// step's card and reminders are then due by residency's start (Thu 1 Jul 2027), the day the visa
// must be in hand, never counting down to the visa's date already out of reach.

const calendar = seasonCalendar(2027);
const contract = milestoneFactory("contract", "done", "2027-03-26");
const NOW = "2027-06-11T10:00:00+12:00";

const h1bApprovedLate = matched2027("Pacific/Auckland", {
  visa: "H-1B",
  extra: [
    contract,
    milestoneFactory("usmle_step3", "done", "2027-01-10"),
    milestoneFactory("visa_h1b", "done", "2027-06-10"),
  ] as MilestoneEntry[],
});
const j1Ds2019Late = matched2027("Pacific/Auckland", {
  extra: [
    contract,
    milestoneFactory("j1_statement_of_need", "done", "2027-04-01"),
    milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-10"),
    milestoneFactory("j1_ds2019", "done", "2027-06-10"),
  ] as MilestoneEntry[],
});

const visaRisk = (result: Plan) => result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");

describe("a visa whose interview's document came too late: due by residency's start", () => {
  it.each([
    ["H-1B stamping, the petition approved Thu 10 Jun", h1bApprovedLate, "visa_h1b_stamping"],
    ["J-1 visa, the DS-2019 received Thu 10 Jun", j1Ds2019Late, "visa_j1"],
  ])("%s", (_, input, key) => {
    const result = plan(input, calendar, new Date(NOW));
    expect(visaRisk(result)?.message).toContain("after residency starts");
    const step = result.nextSteps.find((each) => each.milestone === key);
    expect(step?.deadline?.local).toContain("Thu 1 Jul 2027");
    const rungs = result.reminders.filter((each) => each.milestone === key);
    expect(rungs.length).toBeGreaterThan(0);
    for (const rung of rungs) {
      expect(rung.deadlineDetail.local).toContain("Thu 1 Jul 2027");
      expect(rung.deadlineDetail.local).not.toContain("16 Jun");
    }
  });
});
