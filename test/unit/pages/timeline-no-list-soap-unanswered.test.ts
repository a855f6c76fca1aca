import { describe, expect, it } from "vitest";
import { seasonOverLead } from "#pages/timeline-sections.ts";
import { planInOwnMatch, readSnapshot } from "../domain/fixture-snapshots.ts";

/**
 * The timeline's lead for an applicant with no certified list who never answered SOAP
 * (test/fixtures/no-list-soap-unanswered, Manila): on Match Day it asks what SOAP gave him, as Match
 * Day's step and SEASON_OVER do, not "the season is over"; once the contract's day (Fri 2 Apr 2027,
 * advice) passes unanswered, the plan is the next Match's and the lead is gone.
 */
const FIXTURES = new URL("../../fixtures/no-list-soap-unanswered/", import.meta.url).pathname;
const unanswered = readSnapshot(FIXTURES, "soap-unanswered-no-list-manila.json");
const heading = (now: string) =>
  /<h2 id="season-over">([^<]*)<\/h2>/.exec(seasonOverLead(planInOwnMatch(unanswered, now)))?.[1];

describe("the timeline's season-over lead with SOAP never answered", () => {
  it("on Match Day: the season hangs on SOAP", () => {
    expect(heading("2027-03-19T18:00:00Z")).toBe(
      "Your Match 2027 season hangs on SOAP: did you accept an offer?",
    );
  });

  it("after the contract's day unanswered: no season-over lead, the page is the 2028 Match's", () => {
    // The plan moved on (SOAP_OUTCOME_UNREPORTED); the page's note says so (timeline-soap-outcome.test.ts).
    expect(heading("2027-04-03T08:00:00Z")).toBeUndefined();
  });
});
