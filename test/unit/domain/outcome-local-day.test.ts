import { describe, expect, it } from "vitest";
import { outcomeBeforeWindowProblems } from "#domain/planner/outcome-before-window.ts";

/**
 * Dates are the applicant's local days, so a Match Day done dated on NRMP's US date (Fri 19 Mar
 * 2027) is refused in Manila, where the release is Sat 20 Mar, 12:00 AM: the refusal names the
 * local date to use. Where the local day is the US day, or the date is not NRMP's, nothing is added.
 */
const matchDay = (date: string) => [{ key: "match_day" as const, status: "done" as const, date }];

describe("a Match outcome dated on NRMP's US date east of its local day", () => {
  it("Manila: refused, naming the local date to use", () => {
    const [problem] = outcomeBeforeWindowProblems(matchDay("2027-03-19"), 2027, "Asia/Manila");
    expect(problem?.path).toBe("milestones.0.date");
    expect(problem?.message).toContain("a Match outcome cannot be dated before it");
    expect(problem?.message).toContain(
      "in your time zone it is Sat 20 Mar 2027, so date it 2027-03-20 or later",
    );
  });

  it("Manila, dated on its local day: accepted", () => {
    expect(outcomeBeforeWindowProblems(matchDay("2027-03-20"), 2027, "Asia/Manila")).toEqual([]);
  });

  it("a day before NRMP's US date: refused without the local-date words", () => {
    const [problem] = outcomeBeforeWindowProblems(matchDay("2027-03-18"), 2027, "Asia/Manila");
    expect(problem?.message).not.toContain("local dates");
  });
});
