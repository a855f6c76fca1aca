import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, interviewFactory } from "./factories.ts";

/**
 * An interviewing applicant in Auckland who never told us whether she certified a list is asked
 * once the deadline passes. Its words and its email's date ask by NRMP's Match Week release (Monday
 * 10:00 AM ET, Tuesday 3:00 AM there), when Match Week's own question takes over: its subject names
 * Match Week too, never "before Match Day" beside Match Week's date.
 */
const input = inputFactory({
  applicant: applicantFactory({
    externalId: "rank-list-question-akl",
    timezone: "Pacific/Auckland",
    matchYear: 2027,
  }),
  interviews: [interviewFactory({ program: "Lakeside IM", startsAt: "2026-12-08T10:00:00-05:00" })],
});

describe("the question whether a list was certified, after the deadline", () => {
  it("its subject names Match Week, the release it is due by", () => {
    const result = plan(input, seasonCalendar(2027), new Date("2027-02-26T10:00:00+13:00"));
    const notice = result.reminders.find((each) => each.risk === "RANK_LIST_UNREPORTED");
    expect(notice?.title).toBe(
      "Did you certify a rank order list for the 2027 Match? Tell us before Match Week",
    );
    // The words ask by the same day: Match Week, never Match Day.
    expect(notice?.why).toContain("Tell us: Match Week starts Tue 16 Mar 2027, 3:00 AM GMT+13");
  });
});
