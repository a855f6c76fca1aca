import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * From residency's start (Thu 1 Jul 2027), an applicant who marked Match Week done (matched) but never
 * said where has still matched: the season is not written off (no "your plan moves to the 2028 Match",
 * no "We never heard whether you matched"), the Match Day question keeps asking where, with no "if you
 * did not match" branch, and the contract and visa steps stay, waiting on where. Only an applicant who
 * never answered Match Week either way moves to the next Match.
 */
const DIR = fileURLToPath(new URL("../../fixtures/match-week-matched/", import.meta.url));
const MATCHED = readSnapshot(DIR, "ama-matched-accra.json");
const UNANSWERED: ApplicantSnapshot = {
  ...MATCHED,
  milestones: MATCHED.milestones.filter((entry) => entry.key !== "match_week"),
};
const AFTER_START = ["2027-07-02T10:00:00Z", "2027-08-10T10:00:00Z"];

const words = (result: Plan) => [
  ...result.nextSteps.map((step) => `${step.title} ${step.action}`),
  ...result.reminders.map((reminder) => `${reminder.title} ${reminder.why}`),
  ...result.risks.map((risk) => risk.message),
];
const planned = (result: Plan) => [
  ...result.nextSteps.map((step) => step.milestone),
  ...result.blocked.map((step) => step.milestone),
];

describe("Match Week done (matched): from residency's start the season is not written off", () => {
  it.each(AFTER_START)("asks only where she matched and keeps the contract and visa steps (%s)", (now) => {
    const result = planInOwnMatch(MATCHED, now);
    for (const text of words(result)) {
      expect(text).not.toContain("If you did not match");
      expect(text).not.toContain("We never heard whether you matched");
      expect(text).not.toContain("2028 Match");
    }
    const matchDay = result.nextSteps.find((step) => step.milestone === "match_day");
    expect(matchDay?.action).toContain("You told us you matched");
    expect(result.reminders.some((reminder) => reminder.milestone === "match_day")).toBe(true);
    expect(planned(result)).toEqual(expect.arrayContaining(["contract", "j1_statement_of_need", "visa_j1"]));
    const risk = result.risks.find((each) => each.code === "MATCH_DAY_NOT_REPORTED");
    expect(risk?.message).toContain("residency started on Thu 1 Jul 2027");
    expect(risk?.message).toContain("You told us you matched: mark Match Day done now.");
  });

  it.each(AFTER_START)(
    "her answer stays overdue since the contract's date, in words of a start already late (%s)",
    (now) => {
      const result = planInOwnMatch(MATCHED, now);
      const matchDay = result.nextSteps.find((step) => step.milestone === "match_day");
      // She matched: her contract, waiting on where, is overdue since its date too, never shown as ahead.
      const contract = result.blocked.find((step) => step.milestone === "contract");
      expect(contract?.deadline).toBeUndefined();
      const contractDate = contract?.overdueSince;
      // Not "urgent, answer by" the next ERAS season's September day, a new deadline she never had.
      expect(matchDay?.urgency).toBe("overdue");
      expect(matchDay?.deadline?.local).toBe(contractDate?.local);
      expect(result.overdue.map((step) => step.milestone)).toContain("match_day");
      // The start on Thu 1 Jul has passed: no "can push back your start on" it.
      expect(matchDay?.action).not.toContain("push back your start");
      expect(matchDay?.action).toContain("Residency started on Thu 1 Jul 2027");
      expect(matchDay?.action).toContain("your start is already late");
      const asked = result.reminders.filter((reminder) => reminder.milestone === "match_day");
      expect(asked.length).toBeGreaterThan(0);
      for (const reminder of asked) {
        expect(reminder.overdueSince?.local).toBe(matchDay?.deadline?.local);
        expect(reminder.why).toBe(matchDay?.action);
      }
    },
  );

  it("with Match Week not answered, the Match is over and the plan moves to the next Match (guard)", () => {
    const result = planInOwnMatch(UNANSWERED, "2027-07-02T10:00:00Z");
    expect(words(result).join(" ")).toContain("If you did not match, your plan moves to the 2028 Match");
    expect(planned(result)).not.toContain("contract");
  });
});
