import { describe, expect, it } from "vitest";
import { applyWhatIf, planDiff, type WhatIfChange } from "#domain/console/what-if.ts";
import { whatIfSaveProblems } from "#domain/console/what-if-checks.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory, interviewFactory } from "./factories.ts";

/**
 * What-ifs as new users tried them: a what-if that changes nothing offers no
 * Save: an interview identical to a recorded one says "no change", one in the past is refused
 * naming startsAt.
 */
describe("what-if interviews that change nothing", () => {
  const now = new Date("2026-10-15T12:00:00Z");
  const recorded = interviewFactory({
    id: "iv_recorded",
    program: "Mercy Internal Medicine",
    startsAt: "2026-11-12T10:00:00-05:00",
  });
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027 }),
    milestones: examsDone("2025-06-01"),
    interviews: [recorded],
  });
  const interview = (overrides: Partial<WhatIfChange & { kind: "interview" }> = {}): WhatIfChange => ({
    kind: "interview",
    program: "Mercy Internal Medicine",
    startsAt: "2026-11-12T10:00:00-05:00",
    timezone: "America/New_York",
    format: "virtual",
    ...overrides,
  });
  const diffOf = (changes: readonly WhatIfChange[]) => {
    const changed = applyWhatIf(input, changes);
    return planDiff(
      planFor(input, seasonCalendar(2027), now),
      planFor(changed, seasonCalendar(changed.applicant.matchYear), now),
    );
  };

  it.each([
    ["the same program and start", interview()],
    ["the same instant written in UTC", interview({ startsAt: "2026-11-12T15:00:00Z" })],
    ["the same program padded with spaces", interview({ program: " Mercy Internal Medicine " })],
    ["the recorded interview 'moved' to where it is", interview({ id: "iv_recorded" })],
  ])(
    "an interview identical to a recorded one (%s) makes no difference and offers no Save",
    (_what, change) => {
      expect(diffOf([change]).unchanged).toBe(true);
      expect(whatIfSaveProblems(input, [change], now).map((problem) => problem.path)).toEqual(["changes"]);
    },
  );

  it("an interview at the same time in another format is a change, saved as a move of the recorded one", () => {
    const change = interview({ format: "in_person" });
    expect(whatIfSaveProblems(input, [change], now)).toEqual([]);
    expect(applyWhatIf(input, [change]).interviews).toEqual([
      { ...recorded, format: "in_person", id: "iv_recorded" },
    ]);
  });

  it("refuses an interview in the past, naming startsAt", () => {
    const past = interview({ program: "Lakeside Family Medicine", startsAt: "2026-10-01T10:00:00-04:00" });
    const problems = whatIfSaveProblems(input, [past], now);
    expect(problems.map((problem) => problem.path)).toEqual(["0.startsAt"]);
    expect(problems[0]?.message).toMatch(/must be after now \(2026-10-15 12:00 UTC\)/);
    // Moving the recorded interview into the past is refused alike.
    const moved = interview({ id: "iv_recorded", startsAt: "2026-10-14T10:00:00-04:00" });
    expect(whatIfSaveProblems(input, [moved], now).map((problem) => problem.path)).toEqual(["0.startsAt"]);
    expect(whatIfSaveProblems(input, [interview({ program: "Lakeside Family Medicine" })], now)).toEqual([]);
  });
});
