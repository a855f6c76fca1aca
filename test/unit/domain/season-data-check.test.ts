import { describe, expect, it } from "vitest";
import confirmedData from "#domain/seasons/confirmed.json" with { type: "json" };
import { confirmedFileProblems, SeasonDataError, seasonCalendar } from "#domain/seasons/index.ts";
import { ConfirmedFileSchema } from "#domain/seasons/schema.ts";

/**
 * confirmed.json is edited by hand when NRMP publishes a season. A malformed or out-of-order edit is
 * the file's fault: the check the planner runs on its first calendar names the file, the entry and
 * (for an order problem) both keys, and the schema the data-file test parses with refuses the same.
 * The dates below are a test's edits of a copy, never NRMP's.
 */
type Entry = (typeof confirmedData.seasons)[number]["dates"][number];

function withSeason(dates: Entry[]): unknown {
  const copy = structuredClone(confirmedData);
  copy.seasons.push({ matchYear: 2099, label: "a test season", dates });
  return copy;
}

function entry(key: string, date: string, time: string | null): Entry {
  return {
    key,
    date,
    time,
    zone: "America/New_York",
    status: "confirmed",
    source: "https://www.nrmp.org/residency-applicants/main-residency-match-calendar/",
    asOf: "a test's edit of a copy",
  } as Entry;
}

const OPENS = "nrmp_rank_order_list_entry_opens";
const ROL = "nrmp_rol_certification_and_late_registration_deadline";

describe("confirmed.json's check", () => {
  it("passes the shipped file", () => {
    expect(confirmedFileProblems(confirmedData)).toEqual([]);
    expect(() => seasonCalendar(2027)).not.toThrow();
  });

  it("passes a season confirming ranking's opening and a later ROL deadline in order", () => {
    const file = withSeason([entry(OPENS, "2099-02-02", "12:00"), entry(ROL, "2099-03-04", "21:00")]);
    expect(confirmedFileProblems(file)).toEqual([]);
    expect(ConfirmedFileSchema.safeParse(file).success).toBe(true);
  });

  it("refuses ranking opening after the ROL deadline, at the entry and naming both keys", () => {
    const file = withSeason([entry(OPENS, "2099-03-11", "12:00"), entry(ROL, "2099-03-04", "21:00")]);
    const problems = confirmedFileProblems(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toEqual(["seasons", 1, "dates", 0]);
    expect(problems[0]?.message).toContain(
      `${OPENS} (2099-03-11 12:00 ET, confirmed) must come before ${ROL}`,
    );
    const parsed = ConfirmedFileSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["seasons.1.dates.0"]);
  });

  it("refuses a confirmed date out of order with a date still projected, saying it is projected", () => {
    // Match Day is projected (third Friday of March 2099: 20 Mar); a ROL deadline after it cannot be.
    const problems = confirmedFileProblems(withSeason([entry(ROL, "2099-03-25", "21:00")]));
    expect(problems.map((problem) => problem.path)).toEqual([["seasons", 1, "dates", 0]]);
    expect(problems[0]?.message).toMatch(
      /^nrmp_rol_.*confirmed\) must come before nrmp_match_week_start_and_soap_start \(2099-03-16 10:00 ET, projected\)/,
    );
  });

  it("names the file and the entry of a malformed date, not an applicant's field", () => {
    const problems = confirmedFileProblems(withSeason([entry(ROL, "03/03/2099", "9:00 PM")]));
    const error = new SeasonDataError(problems);
    expect(error.message.split("\n")).toEqual([
      "shared/domain/seasons/confirmed.json: seasons[1].dates[0].date: must be a calendar date YYYY-MM-DD",
      expect.stringMatching(/^shared\/domain\/seasons\/confirmed\.json: seasons\[1\]\.dates\[0\]\.time: /),
    ]);
    expect(error.message).not.toContain("matchYear");
  });
});
