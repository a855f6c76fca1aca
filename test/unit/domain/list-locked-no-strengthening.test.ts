import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Two Lagos applicants with a list certified on 10 Feb 2027 for the 2027 Match (rank order list
 * deadline Wed 24 Feb 2027, 9:00 PM ET, projected; Match Week from Mon 15 Mar, SOAP to Thu 18 Mar,
 * Match Day Fri 19 Mar): Ngozi has not said whether she matched, Emeka is in SOAP. Neither has done
 * US clinical experience or research. Once the list is locked at the deadline nothing strengthens
 * that Match's application, so neither step is a next step or in an email of Match Week, SOAP or
 * Match Day; once SOAP leaves Emeka without a position and the plan moves to the 2028 Match, both
 * come back for it.
 */
const FIXTURES = new URL("../../fixtures/list-locked/", import.meta.url).pathname;
const STRENGTHENING = ["usce", "research"];

const strengthening = (result: Plan) => [
  ...result.nextSteps.filter((step) => STRENGTHENING.includes(step.milestone)).map((step) => step.milestone),
  ...result.reminders.filter((each) => STRENGTHENING.includes(each.milestone)).map((each) => each.milestone),
];

describe("clinical experience and research once the list is locked, its outcome ahead", () => {
  it.each([
    ["certified, Match Week's Sunday", "certified-lagos.json", "2027-03-14T10:00:00+01:00"],
    ["certified, Match Day untold a week later", "certified-lagos.json", "2027-03-26T09:00:00+01:00"],
    ["in SOAP, its Wednesday", "in-soap-lagos.json", "2027-03-17T09:00:00+01:00"],
  ])("%s: neither is a next step nor in any reminder", (_name, file, now) => {
    expect(strengthening(planInOwnMatch(readSnapshot(FIXTURES, file), now))).toEqual([]);
  });

  it("before the deadline the list can still change: both are still offered", () => {
    const result = planInOwnMatch(
      readSnapshot(FIXTURES, "certified-lagos.json"),
      "2027-02-20T09:00:00+01:00",
    );
    expect(result.nextSteps.map((step) => step.milestone)).toEqual(expect.arrayContaining(STRENGTHENING));
  });

  it("SOAP left without a position, the plan moved to the 2028 Match: both come back for it", () => {
    const result = planInOwnMatch(readSnapshot(FIXTURES, "in-soap-lagos.json"), "2027-04-05T09:00:00+01:00");
    expect(result.nextSteps.map((step) => step.milestone)).toEqual(expect.arrayContaining(STRENGTHENING));
  });
});

describe("Match Day morning, Match Week never answered: one answer for each outcome", () => {
  it("Monday's match is Match Week's Matched; a SOAP position is told on Match Day, never as Match Week done", () => {
    const result = planInOwnMatch(
      readSnapshot(FIXTURES, "certified-lagos.json"),
      "2027-03-19T09:00:00+01:00",
    );
    const card = result.nextSteps.find((step) => step.milestone === "match_week")?.action ?? "";
    expect(card).toContain("If NRMP told you on Monday that you matched, tap Matched (mark Match Week done)");
    expect(card).toContain(
      "If you accepted a SOAP offer instead, that is your position: tell us where on Match Day (mark Match Day done)",
    );
    expect(card).not.toContain("in SOAP), mark Match Week done");
  });
});
