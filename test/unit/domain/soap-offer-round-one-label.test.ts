import { describe, expect, it } from "vitest";
import { doneOpensFor, doneOpensText } from "#domain/applicant-choices.ts";
import { notYetForAdvisor } from "#domain/console/mark-done.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";

/**
 * One label per date: SOAP's first offer round is our advice (Wednesday of Match Week, 9:00 AM ET,
 * counted from the projected SOAP week), so it is called our advice, never also projected, wherever
 * its instant is told: the applicant's timeline and action page (doneOpensText), the console's
 * "Not yet" (notYetForAdvisor) and an intake's refusal (outcome-before-window.ts), which all render it
 * through openingHour. Match Week's notification is NRMP's own hour, projected: it keeps that label.
 */
const calendar = seasonCalendar(2027);
const ZONE = "Africa/Lagos";
const MONDAY_NOON = Date.parse("2027-03-15T12:00:00Z") + 6 * 3_600_000;
const BEFORE_MONDAY = Date.parse("2027-03-15T12:00:00Z");

describe("SOAP's first offer round carries one label, our advice", () => {
  const soap = doneOpensFor("soap", calendar, "2027-03-15", ZONE, MONDAY_NOON);

  it.each([
    ["the applicant's timeline and action page", () => (soap ? doneOpensText(soap, 2027) : "")],
    ["the advisor's console", () => (soap ? notYetForAdvisor(soap, 2027) : "")],
  ])("%s", (_, text) => {
    const said = text();
    expect(said).toContain("Wed 17 Mar 2027, 2:00 PM GMT+1 (Wed 17 Mar 2027, 9:00 AM ET) (our advice)");
    expect(said).not.toContain("projected");
  });

  it("Match Week's notification, NRMP's projected hour, is still called projected", () => {
    const week = doneOpensFor("match_week", calendar, "2027-03-15", ZONE, BEFORE_MONDAY);
    expect(week?.at?.advice).toBe(false);
    expect(week && notYetForAdvisor(week, 2027)).toContain(
      "(Mon 15 Mar 2027, 10:00 AM ET) (projected from earlier seasons: not published yet)",
    );
    expect(week && doneOpensText(week, 2027)).not.toContain("our advice");
  });
});
