import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith } from "./factories.ts";

/**
 * Match Week's card speaks for its own day: on Monday it says how SOAP starts (send as soon as ERAS
 * opens for SOAP); from Tuesday (ET) it asks only its question and leaves the day's SOAP advice to
 * SOAP's card, whose Thursday says an application sent now is unlikely to lead to an offer. A J-1
 * applicant in Nairobi, list certified, Monday's result not told.
 */
const input = certifiedListWith("Africa/Nairobi");
const cardsAt = (now: string) => {
  const steps = plan(input, seasonCalendar(2027), new Date(now)).nextSteps;
  return {
    matchWeek: steps.find((step) => step.milestone === "match_week")?.action ?? "",
    soap: steps.find((step) => step.milestone === "soap")?.action ?? "",
  };
};

describe("Match Week's card on each day, Monday's result not told", () => {
  it("Monday after the release: the question and how SOAP starts", () => {
    const { matchWeek } = cardsAt("2027-03-15T16:00:00Z");
    expect(matchWeek).toContain("tap Matched, or Not matched: I'm in SOAP");
    expect(matchWeek).toContain("as soon as ERAS opens for SOAP");
  });

  it.each([
    ["Tuesday", "2027-03-16T13:00:00Z"],
    ["Wednesday", "2027-03-17T13:00:00Z"],
    ["Thursday", "2027-03-18T13:00:00Z"],
  ])("%s: the question only, SOAP's card says the day's advice", (_day, now) => {
    const { matchWeek, soap } = cardsAt(now);
    expect(matchWeek).toContain("tap Matched, or Not matched: I'm in SOAP");
    expect(matchWeek).toContain("the SOAP step says what to do today");
    expect(matchWeek).not.toContain("as soon as ERAS opens");
    expect(matchWeek).not.toContain("read them from Tuesday morning");
    expect(soap).toContain("tap Not matched: I'm in SOAP");
  });
});
