import { describe, expect, it } from "vitest";
import { applyWhatIf, planDiff } from "#domain/console/what-if.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory } from "#test/unit/domain/factories.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

/**
 * A what-if waiving OET read "OET Medicine … → done" in the Steps table,
 * as if the record would say it was passed. A waived step reads "waived".
 */
describe("the what-if's Steps table for a waived step", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, visa: "J-1" }),
    milestones: examsDone("2025-06-01").filter(
      (entry) => entry.key !== "oet_medicine" && entry.key !== "ecfmg_pathway",
    ),
  });
  const calendar = seasonCalendar(2027);
  const before = planFor(input, calendar, now);
  const rowFor = (status: "waived" | "done") => {
    const after = planFor(
      applyWhatIf(input, [{ kind: "milestone", key: "oet_medicine", status, date: "2026-05-20" }]),
      calendar,
      now,
    );
    const diff = planDiff(before, after, new Map([["oet_medicine", status]]));
    const html = whatIfResultFragment(
      "a_x",
      { before, after, diff, saveId: "console-what-if-x", basedOn: "basis", saveProblems: [], warnings: [] },
      "[]",
    );
    return html.split("<tr>").find((row) => row.includes("OET")) ?? "";
  };

  it("waived: the row says waived, not done", () => {
    const row = rowFor("waived");
    expect(row).toMatch(/<td>waived<\/td><\/tr>/);
  });

  it("done: the row still says done", () => {
    expect(rowFor("done")).toMatch(/<td>done<\/td><\/tr>/);
  });
});
