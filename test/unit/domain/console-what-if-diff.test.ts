import { describe, expect, it } from "vitest";
import { planDiff } from "#domain/console/what-if.ts";
import { interviewSeasonWarnings, whatIfSaveProblems } from "#domain/console/what-if-checks.ts";
import type { Plan, Risk } from "#domain/plan.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory } from "./factories.ts";

/** The what-if's difference as an advisor reads it. */
describe("what-if difference", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const input = inputFactory({ applicant: applicantFactory({ matchYear: 2027, visa: "J-1" }) });

  it("offers no save for a change that leaves the record as it is (visa J-1 to J-1)", () => {
    const same = whatIfSaveProblems(input, [{ kind: "visa", visa: "J-1" }], now);
    expect(same.map((problem) => problem.path)).toEqual(["changes"]);
    expect(whatIfSaveProblems(input, [{ kind: "visa", visa: "H-1B" }], now)).toEqual([]);
  });

  it("says a reworded risk of the same code is changed, not removed and new", () => {
    const before = planFor(input, seasonCalendar(2027), now);
    const risk: Risk = {
      code: "H1B_PROCLAMATION_FEE",
      severity: "warning",
      message: "old words",
      milestones: [],
      sources: [],
    };
    const withRisk = (plan: Plan, message: string): Plan => ({ ...plan, risks: [{ ...risk, message }] });
    const diff = planDiff(withRisk(before, "old words"), withRisk(before, "new words"));
    expect(diff.risks).toEqual({
      added: [],
      removed: [],
      changed: [
        {
          code: "H1B_PROCLAMATION_FEE",
          severity: "warning",
          severityBefore: "warning",
          message: "new words",
        },
      ],
    });
    expect(diff.unchanged).toBe(false);
  });

  it("marks a step that leaves the next steps because it is done as finished, not removed", () => {
    const exams = inputFactory({
      milestones: examsDone("2025-06-01").filter((entry) => entry.key !== "usmle_step2ck"),
    });
    const calendar = seasonCalendar(exams.applicant.matchYear);
    const at = new Date(`${exams.applicant.matchYear - 1}-06-01T12:00:00Z`);
    const before = planFor(exams, calendar, at);
    expect(before.nextSteps.some((step) => step.milestone === "usmle_step2ck")).toBe(true);
    const doneInput = {
      ...exams,
      milestones: [
        ...exams.milestones,
        { key: "usmle_step2ck" as const, status: "done" as const, date: "2025-05-01" },
      ],
    };
    const after = planFor(doneInput, calendar, at);
    const step = planDiff(before, after, new Set(["usmle_step2ck"])).steps.find(
      (change) => change.subject === "usmle_step2ck",
    );
    expect(step).toMatchObject({ finished: true });
    expect(step?.after).toBeUndefined();
  });

  // The warning's sources are data beside its sentence, which the page shows
  // as compact links after it: a " Sources: " tail in the same text was the inline source.
  it("says a projected season date once, and gives its sources beside the sentence", () => {
    const change = {
      kind: "interview" as const,
      program: "Mercy IM",
      startsAt: "2026-06-10T10:00:00-04:00",
      timezone: "America/New_York",
      format: "virtual" as const,
    };
    const [warning] = interviewSeasonWarnings(planFor(input, seasonCalendar(2027), now), [change]);
    expect(warning).toBeDefined();
    expect(warning?.message).not.toContain("projected: projected");
    expect(warning?.message).not.toMatch(/https?:/);
    expect(warning?.message).not.toContain("Sources");
    expect(warning?.sources.join(" ")).toMatch(/https?:/);
  });
});
