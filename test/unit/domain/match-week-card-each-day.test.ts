import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

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

describe("after 'Matched' on Monday, the J-1 Statement of Need heads-up moves to Match Day's card", () => {
  const matched = certifiedListWith("Africa/Nairobi", milestoneFactory("match_week", "done", "2027-03-15"));
  const matchDayAt = (now: string) =>
    plan(matched, seasonCalendar(2027), new Date(now)).nextSteps.find(
      (step) => step.milestone === "match_day",
    )?.action ?? "";

  it.each([
    ["Monday", "2027-03-15T16:00:00Z"],
    ["Thursday", "2027-03-18T13:00:00Z"],
  ])("%s: Match Day's card asks them to find out how their ministry issues it", (_day, now) => {
    const action = matchDayAt(now);
    expect(action).toContain("You matched, so you will need a Statement of Need");
    expect(action).toContain("Find out now how your ministry issues it");
  });

  it("not on the card of one who has not answered (Match Week's card carries it)", () => {
    const steps = plan(input, seasonCalendar(2027), new Date("2027-03-16T13:00:00Z")).nextSteps;
    expect(steps.find((step) => step.milestone === "match_day")?.action ?? "").not.toContain(
      "Statement of Need",
    );
    expect(steps.find((step) => step.milestone === "match_week")?.action).toContain(
      "If you match, you will need",
    );
  });
});
