import { describe, expect, it } from "vitest";
import { buildContext } from "#domain/planner/context.ts";
import { interviewFacts } from "#domain/planner/interview-facts.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * interviewFacts: what the interview risk rules read of a snapshot's interviews (each start, the
 * earliest and latest, the in-person ones at a US program), memoised per list and re-made when an
 * interview is edited in place, so a re-plan of the same snapshot object never reads stale facts.
 */
describe("interviewFacts", () => {
  const calendar = seasonCalendar(2027);
  const now = new Date("2026-09-01T12:00:00Z");
  const contextOf = (interviews: Interview[]) =>
    buildContext(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2027, timezone: "Asia/Kolkata" }),
        interviews,
      }),
      calendar,
      now,
    );

  it("gives each start, the earliest and latest, and the in-person interviews at a US program", () => {
    const interviews = [
      interviewFactory({
        program: "A",
        startsAt: "2026-11-02T14:00:00Z",
        format: "in_person",
        timezone: "America/Chicago",
      }),
      interviewFactory({
        program: "B",
        startsAt: "2026-10-05T14:00:00Z",
        format: "virtual",
        timezone: "America/New_York",
      }),
      interviewFactory({
        program: "C",
        startsAt: "2026-12-07T09:00:00Z",
        format: "in_person",
        timezone: "Europe/London",
      }),
      interviewFactory({
        program: "D",
        startsAt: "2026-10-20T15:00:00Z",
        format: "in_person",
        timezone: "America/New_York",
      }),
    ];

    const facts = interviewFacts(contextOf(interviews));

    expect(facts.starts).toEqual(interviews.map((interview) => Date.parse(interview.startsAt)));
    expect(facts.earliest).toBe(Date.parse("2026-10-05T14:00:00Z"));
    expect(facts.latest).toBe(Date.parse("2026-12-07T09:00:00Z"));
    expect(facts.inPersonUs).toEqual([0, 3]);
  });

  it("follows an interview edited in place on the next plan's context", () => {
    const interviews = [
      interviewFactory({
        startsAt: "2026-11-02T14:00:00Z",
        format: "in_person",
        timezone: "America/Chicago",
      }),
    ];
    expect(interviewFacts(contextOf(interviews)).latest).toBe(Date.parse("2026-11-02T14:00:00Z"));

    const edited = interviews[0] as { -readonly [K in keyof Interview]: Interview[K] };
    edited.startsAt = "2027-03-01T14:00:00Z";
    edited.format = "virtual";
    const facts = interviewFacts(contextOf(interviews));

    expect(facts.latest).toBe(Date.parse("2027-03-01T14:00:00Z"));
    expect(facts.inPersonUs).toEqual([]);
  });

  it("follows an interview edited in place inside a frozen list: only frozen interviews are trusted unread", () => {
    const interview = interviewFactory({ startsAt: "2026-11-02T14:00:00Z", timezone: "America/Chicago" });
    const interviews: readonly Interview[] = Object.freeze([interview]);
    const base = contextOf([]);
    expect(interviewFacts({ ...base, interviews }).latest).toBe(Date.parse("2026-11-02T14:00:00Z"));

    (interview as { -readonly [K in keyof Interview]: Interview[K] }).startsAt = "2027-03-01T14:00:00Z";

    expect(interviewFacts({ ...base, interviews }).latest).toBe(Date.parse("2027-03-01T14:00:00Z"));
  });

  it("skips nothing when a start cannot be parsed: the bounds are -Infinity and Infinity", () => {
    const facts = interviewFacts(
      contextOf([
        interviewFactory({ startsAt: "2026-11-02T14:00:00Z" }),
        interviewFactory({ program: "Typo", startsAt: "not a date" }),
      ]),
    );

    expect(Number.isNaN(facts.starts[1])).toBe(true);
    expect(facts.earliest).toBe(Number.NEGATIVE_INFINITY);
    expect(facts.latest).toBe(Number.POSITIVE_INFINITY);
  });
});
