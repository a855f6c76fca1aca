import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * SOAP done is an accepted SOAP offer and nothing else. SOAP marked
 * done on Match Week's Monday, before the first offer round (Wed 17 Mar 2027, 9:00 AM ET as planned:
 * the soap-participation ladder's first offer-round day), or undated before that round, is no
 * position: no "You matched", no contract or visa steps, SOAP's round reminders and the Match Week
 * question kept, and the warning SOAP_DONE_BEFORE_OFFERS.
 */
const DIR = fileURLToPath(new URL("../../fixtures/soap-done-before-offers/", import.meta.url));
const MONDAY_DONE = readSnapshot(DIR, "soap-done-monday-accra-2027.json");
const MONDAY_AFTERNOON = "2027-03-15T16:00:00Z";

function withSoap(soap: MilestoneEntry): ApplicantSnapshot {
  return {
    ...MONDAY_DONE,
    milestones: [...MONDAY_DONE.milestones.filter((entry) => entry.key !== "soap"), soap],
  };
}
const warning = (result: Plan) => result.risks.find((risk) => risk.code === "SOAP_DONE_BEFORE_OFFERS");
const listed = (result: Plan) => result.nextSteps.map((step) => step.milestone);
const rungs = (result: Plan, milestone: string) =>
  result.reminders.filter((each) => each.milestone === milestone).map((each) => each.rung);
const saysMatched = (result: Plan) =>
  result.risks.some((risk) => risk.message.includes("You matched")) ||
  result.nextSteps.some((step) => step.action.includes("You marked SOAP done"));

function expectNotAPosition(result: Plan): void {
  expect(saysMatched(result)).toBe(false);
  expect(listed(result)).toEqual(expect.arrayContaining(["match_week", "soap", "match_day"]));
  expect(listed(result)).not.toContain("contract");
  expect(listed(result)).not.toContain("j1_statement_of_need");
  expect(rungs(result, "match_week")).toContain("match-week-result");
  expect(rungs(result, "soap")).toEqual([
    "soap-before-offer-rounds",
    "soap-offer-round",
    "soap-last-offer-rounds",
  ]);
}

describe("SOAP done before SOAP's first offer round is no accepted offer", () => {
  it("done dated Match Week's Monday: not read as matched, SOAP and the Match Week question kept, a warning", () => {
    const result = planInOwnMatch(MONDAY_DONE, MONDAY_AFTERNOON);
    expectNotAPosition(result);
    expect(warning(result)?.severity).toBe("warning");
    expect(warning(result)?.message).toContain(
      "You marked SOAP done on Mon 15 Mar 2027, but SOAP offers are made from Wed 17 Mar 2027, 1:00 PM GMT (Wed 17 Mar 2027, 9:00 AM ET) (projected) at the earliest",
    );
    expect(warning(result)?.message).toContain(
      "If you meant you have prepared, set SOAP back to not started (send your intake form again, or ask your advisor); mark it done only when you accept an offer.",
    );
  });

  it("done undated, reported on Monday before the first round: the same, until the round opens", () => {
    const result = planInOwnMatch(withSoap({ key: "soap", status: "done" }), MONDAY_AFTERNOON);
    expectNotAPosition(result);
    expect(warning(result)?.message).toMatch(
      /^You marked SOAP done, but SOAP offers are made from Wed 17 Mar 2027/,
    );
  });

  it("done dated before Match Week (preparation finished in February): the warning too", () => {
    const result = planInOwnMatch(
      withSoap({ key: "soap", status: "done", date: "2027-02-20" }),
      MONDAY_AFTERNOON,
    );
    expectNotAPosition(result);
    expect(warning(result)?.message).toContain("You marked SOAP done on Sat 20 Feb 2027");
  });

  it("done dated the first offer round's day is an accepted offer: the contract starts, no warning", () => {
    const result = planInOwnMatch(
      withSoap({ key: "soap", status: "done", date: "2027-03-17" }),
      "2027-03-17T16:00:00Z",
    );
    expect(warning(result)).toBeUndefined();
    expect(listed(result)).toContain("contract");
    expect(result.nextSteps.find((step) => step.milestone === "contract")?.action).toContain(
      "You marked SOAP done: the SOAP offer you accepted in R3 is your position",
    );
  });

  it("with Match Day reported done, that answer is the position: SOAP's early done is not questioned", () => {
    const matched = {
      ...MONDAY_DONE,
      milestones: [...MONDAY_DONE.milestones, { key: "match_day" as const, status: "done" as const }],
    };
    expect(warning(planInOwnMatch(matched, MONDAY_AFTERNOON))).toBeUndefined();
  });
});
