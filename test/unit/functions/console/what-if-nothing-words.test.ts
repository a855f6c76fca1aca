import { describe, expect, it } from "vitest";
import { whatIfSaveProblems } from "#domain/console/what-if-checks.ts";
import { applicantFactory, inputFactory } from "#test/unit/domain/factories.ts";
import { fieldForAdvisor } from "../../../../functions/console/pages/html.ts";

/**
 * A what-if switching the Match year to the one already targeted read
 * "The change: change nothing in the applicant's record: there is nothing to save" (garbled, and
 * naming no field). The refusal names the field and its value, as the advisor's line reads it.
 */
describe("a what-if that changes nothing, in words", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const input = inputFactory({ applicant: applicantFactory({ matchYear: 2027, visa: "J-1" }) });
  const line = (problems: { path: string; message: string }[]) =>
    problems.map((problem) => `${fieldForAdvisor(problem.path)}: ${problem.message}`);

  it.each([
    [
      "the Match year",
      [{ kind: "matchYear" as const, matchYear: 2027 }],
      "The change: leaves the Match year 2027 as the applicant's record has it: there is nothing to save",
    ],
    [
      "the visa track",
      [{ kind: "visa" as const, visa: "J-1" as const }],
      "The change: leaves the visa track J-1 as the applicant's record has it: there is nothing to save",
    ],
    [
      "both",
      [
        { kind: "visa" as const, visa: "J-1" as const },
        { kind: "matchYear" as const, matchYear: 2027 },
      ],
      "The change: leaves the visa track J-1 and the Match year 2027 as the applicant's record has them: there is nothing to save",
    ],
  ])("names %s it leaves as it is", (_what, changes, expected) => {
    const problems = whatIfSaveProblems(input, changes, now);
    expect(problems.map((problem) => problem.path)).toEqual(["changes"]);
    expect(line(problems)).toEqual([expected]);
  });
});
