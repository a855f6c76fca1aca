import { describe, expect, it } from "vitest";
import { WhatIfChangeSchema } from "#domain/console/what-if.ts";
import { DATE_YEARS } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";
import { YEARS } from "#intake/answers/text-readers.ts";
import { markDoneRequest, whatIfChanges } from "../../../../functions/console/request.ts";

/**
 * The console's date inputs keep the intake's years: a what-if or Mark done
 * with 0001-01-01 was accepted and planned; it is refused naming the field, as the form intake
 * refuses a year outside 1900-2100.
 */
describe("console dates within the intake's years", () => {
  const problemsOf = (act: () => unknown) => {
    try {
      act();
    } catch (error) {
      if (error instanceof InvalidInputError) return error.problems;
      throw error;
    }
    return [];
  };
  const interview = {
    kind: "interview",
    program: "Mercy Internal Medicine",
    startsAt: "2026-11-12T10:00:00-05:00",
    timezone: "America/New_York",
    format: "virtual",
  };

  it("are the form intake's bounds, from one place", () => {
    expect(DATE_YEARS).toEqual({ earliest: 1900, latest: 2100 });
    expect(YEARS).toBe(DATE_YEARS);
  });

  it.each([
    [{ kind: "milestone", key: "research", status: "done", date: "0001-01-01" }, ["date"]],
    [{ kind: "milestone", key: "research", status: "done", date: "1899-12-31" }, ["date"]],
    [{ kind: "milestone", key: "research", status: "scheduled", date: "2101-01-01" }, ["date"]],
    [{ ...interview, startsAt: "0001-01-01T10:00:00Z" }, ["startsAt"]],
    [{ ...interview, startsAt: "2101-01-01T10:00:00Z" }, ["startsAt"]],
  ])("a what-if refuses a date outside 1900-2100, naming the field: %j", (change, fields) => {
    const parsed = WhatIfChangeSchema.safeParse(change);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(fields);
    expect(parsed.error?.issues[0]?.message).toContain("from 1900-01-01 to 2100-12-31");
  });

  it("a what-if accepts the bounds themselves, and names a malformed date once", () => {
    for (const date of ["1900-01-01", "2100-12-31"])
      expect(
        WhatIfChangeSchema.safeParse({ kind: "milestone", key: "research", status: "done", date }).success,
      ).toBe(true);
    const garbage = WhatIfChangeSchema.safeParse({
      kind: "milestone",
      key: "research",
      status: "done",
      date: "x",
    });
    expect(garbage.error?.issues.map((issue) => issue.path.join("."))).toEqual(["date"]);
  });

  it("the what-if form answers 0001-01-01 with a problem naming 0.date", () => {
    const body = new URLSearchParams({
      kind: "milestone",
      key: "research",
      status: "done",
      date: "0001-01-01",
    });
    expect(problemsOf(() => whatIfChanges(body))).toEqual([
      { path: "0.date", message: "must be a calendar date YYYY-MM-DD from 1900-01-01 to 2100-12-31" },
    ]);
  });

  it("Mark done refuses 0001-01-01 naming date, and takes a date in range or none", () => {
    expect(problemsOf(() => markDoneRequest("cv", ["0001-01-01"]))).toEqual([
      { path: "date", message: "must be a calendar date YYYY-MM-DD from 1900-01-01 to 2100-12-31" },
    ]);
    expect(markDoneRequest("cv", ["1900-01-01"])).toEqual({ key: "cv", date: "1900-01-01" });
    expect(markDoneRequest("cv", [])).toEqual({ key: "cv", date: undefined });
    expect(problemsOf(() => markDoneRequest("nope", ["2026-02-30"])).map((problem) => problem.path)).toEqual([
      "milestone",
      "date",
    ]);
  });
});
