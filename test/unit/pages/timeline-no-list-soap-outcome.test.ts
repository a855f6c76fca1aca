import { describe, expect, it } from "vitest";
import { seasonOverLead } from "#pages/timeline-sections.ts";
import { planInOwnMatch, readSnapshot } from "../domain/fixture-snapshots.ts";

/**
 * The timeline's lead for an applicant with no certified list who took part in SOAP
 * (test/fixtures/no-list-soap-outcome): while SOAP's outcome is asked (up to the contract's day, Fri 2
 * Apr 2027, advice) the heading asks it, as Match Day's step and SEASON_OVER do; once that day has
 * passed unanswered, the season is over.
 */
const FIXTURES = new URL("../../fixtures/no-list-soap-outcome/", import.meta.url).pathname;
const inSoap = readSnapshot(FIXTURES, "in-soap-no-list-lusaka.json");
const heading = (now: string) =>
  /<h2 id="season-over">([^<]*)<\/h2>/.exec(seasonOverLead(planInOwnMatch(inSoap, now)))?.[1];

describe("the timeline's season-over lead with SOAP's outcome asked", () => {
  it("on Match Day: the season hangs on SOAP", () => {
    expect(heading("2027-03-19T17:00:00Z")).toBe(
      "Your Match 2027 season hangs on SOAP: did you accept an offer?",
    );
  });

  it("after the contract's day unanswered: no season-over lead, the page is the 2028 Match's", () => {
    // The plan moved on (SOAP_OUTCOME_UNREPORTED); the page's note says so (timeline-soap-outcome.test.ts).
    expect(heading("2027-04-03T08:00:00Z")).toBeUndefined();
  });

  it("while SOAP runs: the ranking is over, SOAP is not", () => {
    expect(heading("2027-03-16T08:00:00Z")).toBe("The Match 2027 ranking is over for you, SOAP is not");
  });
});
