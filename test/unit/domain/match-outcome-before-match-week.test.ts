import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * "I matched" (Match Week done) or "where I matched" (Match Day done) before NRMP could have told it
 * is no outcome: reported undated before Match Week's notification (Mon 15 Mar 2027, 10:00 AM ET), or
 * dated before the step's own Done window (stored before the intake refused such dates). The plan
 * counts the step as not started (no "You matched", no contract or visa steps, the Match Week question
 * kept) and warns with MATCH_OUTCOME_BEFORE_MATCH_WEEK, as SOAP's done before its offer rounds does.
 */
const DIR = fileURLToPath(new URL("../../fixtures/match-outcome-before-match-week/", import.meta.url));
const SUNDAY_DATED = readSnapshot(DIR, "match-week-dated-sunday-accra-2027.json");
const FEBRUARY = "2027-02-20T12:00:00Z";
const MONDAY_BEFORE_NOTIFICATION = "2027-03-15T13:30:00Z";
const MONDAY_AFTER_NOTIFICATION = "2027-03-15T14:30:00Z";
const SATURDAY_AFTER = "2027-03-20T12:00:00Z";

function withOutcome(...outcomes: MilestoneEntry[]): ApplicantSnapshot {
  const keys = new Set(outcomes.map((entry) => entry.key));
  return {
    ...SUNDAY_DATED,
    milestones: [...SUNDAY_DATED.milestones.filter((entry) => !keys.has(entry.key)), ...outcomes],
  };
}
const warning = (result: Plan) =>
  result.risks.find((risk) => risk.code === "MATCH_OUTCOME_BEFORE_MATCH_WEEK");
const listed = (result: Plan) => result.nextSteps.map((step) => step.milestone);
const saysMatched = (result: Plan) =>
  [...result.risks.map((risk) => risk.message), ...result.nextSteps.map((step) => step.action)].some((text) =>
    text.includes("You matched"),
  );

function expectNoOutcome(result: Plan): void {
  expect(saysMatched(result)).toBe(false);
  expect(listed(result)).toContain("match_day");
  expect(listed(result)).not.toContain("contract");
  expect(listed(result)).not.toContain("j1_statement_of_need");
}

const NOTIFICATION =
  "NRMP's Match Week notification (whether you matched) for the 2027 Match on Mon 15 Mar 2027, 2:00 PM GMT (Mon 15 Mar 2027, 10:00 AM ET) (projected)";

describe("a Match outcome marked done before Match Week's notification does not count", () => {
  it("Match Week done undated in February: not read as matched, a warning in the applicant's words", () => {
    const result = planInOwnMatch(withOutcome({ key: "match_week", status: "done" }), FEBRUARY);
    expectNoOutcome(result);
    expect(listed(result)).toContain("match_week");
    expect(warning(result)?.severity).toBe("warning");
    expect(warning(result)?.milestones).toEqual(["match_week"]);
    expect(warning(result)?.message).toBe(
      `You marked Match Week done before ${NOTIFICATION}; results are not out yet, so your plan still prepares for Match Week. Mark this step done once NRMP has told you.`,
    );
    // Undated, the done counts from the notification: the plan says when to look again.
    expect(result.riskChangesAt).toContain("2027-03-15T14:00:00.000Z");
  });

  it("Match Day done undated on Monday before the notification: the same", () => {
    const result = planInOwnMatch(
      withOutcome({ key: "match_week", status: "not_started" }, { key: "match_day", status: "done" }),
      MONDAY_BEFORE_NOTIFICATION,
    );
    expectNoOutcome(result);
    expect(warning(result)?.milestones).toEqual(["match_day"]);
    expect(warning(result)?.message).toContain(
      `You marked Match Day done before ${NOTIFICATION}; results are not out yet`,
    );
  });

  it("Match Week dated the Sunday before (stored before the intake refused it): not counted after the Match either", () => {
    const result = planInOwnMatch(SUNDAY_DATED, SATURDAY_AFTER);
    expectNoOutcome(result);
    expect(warning(result)?.message).toBe(
      `You marked Match Week done on Sun 14 Mar 2027 before ${NOTIFICATION}; NRMP tells no applicant whether they matched before it, so a Match outcome cannot be dated before it: your plan does not count it. Mark this step done once NRMP has told you.`,
    );
  });

  it("Match Day dated before Match Day's release: not counted, told by its own window", () => {
    const result = planInOwnMatch(
      withOutcome(
        { key: "match_week", status: "not_started" },
        { key: "match_day", status: "done", date: "2027-03-17" },
      ),
      SATURDAY_AFTER,
    );
    expect(listed(result)).not.toContain("contract");
    expect(warning(result)?.message).toContain(
      "You marked Match Day done on Wed 17 Mar 2027 before NRMP's Match Day release (where you matched) for the 2027 Match on",
    );
  });

  it("controls: dated Monday, or undated after the notification, count as matched with no warning", () => {
    for (const result of [
      planInOwnMatch(withOutcome({ key: "match_week", status: "done", date: "2027-03-15" }), SATURDAY_AFTER),
      planInOwnMatch(withOutcome({ key: "match_week", status: "done" }), MONDAY_AFTER_NOTIFICATION),
    ]) {
      expect(warning(result)).toBeUndefined();
      expect(listed(result)).not.toContain("match_week");
    }
  });
});
