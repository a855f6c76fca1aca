import { describe, expect, it } from "vitest";
import type { DueDate } from "#domain/planner/due-date.ts";
import { namedDay, namedDayDeadline } from "#domain/planner/named-day-due.ts";

/**
 * A due that stands for a season's day by name (the first day of ERAS applications, 9:00 AM ET)
 * renders as that day, never its hour read in the applicant's zone. The name travels with the due:
 * a copy made further down the plan (`{ ...due }`, as a question's due copies its step's) renders
 * the same, where a name kept beside the object fell back to the hour.
 */
const ERAS_SUBMIT: DueDate = {
  at: Date.parse("2027-09-01T13:00:00Z"),
  zone: "America/New_York",
  status: "projected",
  basis: "projected",
  source: "https://students-residents.aamc.org/applying-residencies-eras/eras-timeline",
};

describe("a named day's due", () => {
  it("renders as its named day, and so does a copy of it", () => {
    const due = namedDay(ERAS_SUBMIT, "by the first day of ERAS applications for the 2028 Match");
    const words = "by the first day of ERAS applications for the 2028 Match, Wed 1 Sep 2027";
    expect(namedDayDeadline(due)?.local).toBe(words);
    expect(namedDayDeadline({ ...due })?.local).toBe(words);
    expect(namedDayDeadline({ ...due })?.precision).toBe("day");
  });

  it("leaves the due it was made from as it was", () => {
    namedDay(ERAS_SUBMIT, "by the first day of ERAS applications for the 2028 Match");
    expect(namedDayDeadline(ERAS_SUBMIT)).toBeUndefined();
  });
});
