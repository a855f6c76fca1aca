import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A SOAP participant who never told us of an accepted offer (test/fixtures/soap-offer-question,
 * Lusaka, GMT+2; the 2027 Match, projected: SOAP ends Thu 18 Mar, 5:00 PM ET; Match Day's release is
 * Fri 19 Mar, 12:00 PM ET). Her Match Day card said "tell us the SOAP offer you accepted", presuming
 * an offer she never spoke of: it now asks, in the tense of the moment.
 */
const FIXTURES = new URL("../../fixtures/soap-offer-question/", import.meta.url).pathname;
const mwila = readSnapshot(FIXTURES, "in-soap-no-offer-told-lusaka.json");
const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "match_day");
const questions = (result: Plan) => result.reminders.filter((each) => each.milestone === "match_day");

describe("Match Day's question to a SOAP participant who told us of no accepted offer", () => {
  it("while SOAP runs (Tuesday): asks her to tell us once she accepts one", () => {
    const result = planInOwnMatch(mwila, "2027-03-16T07:00:00Z");
    expect(card(result)?.title).toBe("Match Day: tell us once you accept a SOAP offer");
    // Its questions go from the release, after SOAP: they ask whether she accepted one.
    expect(questions(result).length).toBeGreaterThan(0);
    for (const each of questions(result))
      expect(each.title).toBe("Match Day: tell us whether you accepted a SOAP offer");
  });

  it.each([
    ["after SOAP's end, before the release", "2027-03-18T22:30:00Z"],
    ["after Match Day's release", "2027-03-19T17:00:00Z"],
    ["a week after Match Day", "2027-03-26T07:00:00Z"],
  ])("%s: asks whether she accepted one", (_name, now) => {
    const result = planInOwnMatch(mwila, now);
    expect(card(result)?.title).toBe("Match Day: tell us whether you accepted a SOAP offer");
    const said = [card(result)?.title, ...questions(result).map((each) => each.title)];
    expect(said.filter((title) => title?.includes("the SOAP offer you accepted"))).toEqual([]);
  });
});
