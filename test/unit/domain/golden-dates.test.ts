import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import {
  SEASON_DATE_KEYS,
  type SeasonCalendar,
  type SeasonDate,
  seasonCalendar,
} from "#domain/seasons/index.ts";
import { caseDateLines, runGoldenCli } from "../../support/golden-dates.ts";
import { cases } from "./golden-cases.ts";

/**
 * The README's review of a season edit: planner-golden.json holds hashes, so `npm run golden --
 * --dates` prints each golden case's step deadlines with their marks, to diff before and after.
 * The 2027 calendar is taken as projected and with every date marked confirmed (same instants, no
 * date moved), as a confirmation that moves no day would: only the marks may change.
 */
const entry = cases().find((each) => each.name === "bench-Africa/Lagos-2026-12-05T10:00:00Z");
const projected = seasonCalendar(2027);
const confirmed: SeasonCalendar = {
  ...projected,
  status: "confirmed",
  dates: Object.fromEntries(
    SEASON_DATE_KEYS.map((key): [string, SeasonDate] => {
      const { latestCandidate: _, ...date } = projected.dates[key];
      return [key, { ...date, status: "confirmed", source: `https://calendar.example.test/2027/${key}` }];
    }),
  ) as SeasonCalendar["dates"],
};

describe("npm run golden -- --dates", () => {
  it("says how to use it, and refuses anything but --dates", () => {
    const out: string[] = [];
    expect(
      runGoldenCli(
        ["--help"],
        (text) => out.push(text),
        () => {},
      ),
    ).toBe(0);
    expect(out.join("")).toContain("npm run -s golden -- --dates > /tmp/dates-before.txt");
    expect(
      runGoldenCli(
        [],
        () => {},
        () => {},
      ),
    ).toBe(2);
    expect(
      runGoldenCli(
        ["--hashes"],
        () => {},
        () => {},
      ),
    ).toBe(2);
  });

  it("prints a case's season, then each step's deadline and mark, sorted and stable", () => {
    if (entry === undefined) throw new Error("no such golden case");
    const lines = caseDateLines(entry);
    expect(lines[0]).toBe(`${entry.name} | season | 2027 Match, projected`);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.slice(1)).toEqual([...lines.slice(1)].sort());
    for (const line of lines.slice(1))
      expect(line).toMatch(
        / \| (next|blocked|overdue) \| .+ \| \d{4}-\d\d-\d\dT[^|]+ \| .+ \| (confirmed|projected|advice|applicant)$/,
      );
    expect(caseDateLines(entry)).toEqual(lines);
  });

  it("shows a confirmation as marks that moved, not as hashes", () => {
    if (entry === undefined) throw new Error("no such golden case");
    const before = caseDateLines(entry, plan(entry.input, projected, entry.now));
    const after = caseDateLines(entry, plan(entry.input, confirmed, entry.now));
    const moved = before.filter((line, index) => line !== after[index]);
    expect(moved.length).toBeGreaterThan(0);
    const unmarked = (line: string | undefined) => line?.replace(/ \| [a-z]+$/, "").replace(/, [a-z]+$/, "");
    expect(after.map(unmarked)).toEqual(before.map(unmarked));
    expect(after.filter((line) => line.endsWith("| projected"))).toEqual([]);
  });
});
