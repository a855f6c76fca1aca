import { describe, expect, it } from "vitest";
import { deadlineWords, INTERVIEW_START_SOURCE } from "#domain/date-words.ts";
import type { Deadline } from "#domain/plan.ts";

/**
 * A date the applicant gave without a time prints as a day; an interview is an instant and keeps
 * its time even when it falls at midnight in the applicant's zone (9:00 AM in Denver is midnight
 * in Manila): without it, the email would say only the day of an interview at 12:00 AM.
 */
const atMidnight = (source: string): Deadline => ({
  at: "2027-01-12T16:00:00.000Z",
  local: "Wed 13 Jan 2027, 12:00 AM GMT+8",
  et: "Tue 12 Jan 2027, 11:00 AM ET",
  status: "applicant",
  basis: "applicant",
  source,
});

describe("deadlineWords at the applicant's midnight", () => {
  it("keeps an interview's time", () => {
    expect(deadlineWords(atMidnight(INTERVIEW_START_SOURCE)).local).toBe("Wed 13 Jan 2027, 12:00 AM GMT+8");
  });

  it("prints the applicant's own exam day as a day", () => {
    expect(deadlineWords(atMidnight("your exam date")).local).toBe("Wed 13 Jan 2027");
  });
});
