import { describe, expect, it } from "vitest";
import { applyWhatIf, planDiff } from "#domain/console/what-if.ts";
import type { Plan } from "#domain/plan.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory } from "#test/unit/domain/factories.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

/**
 * The what-if's Budget row counted US dollars only, so waiving OET, whose
 * AU$587 leaves what is still to pay, read "Upcoming $3,450 → $3,450" and "no change". The row
 * gives the totals per currency, as the applicant page and the email do.
 */
const now = new Date("2026-06-01T12:00:00Z");
const input = inputFactory({
  applicant: applicantFactory({ matchYear: 2027, visa: "J-1" }),
  // Pathway done would count OET as passed (it needs OET): only the USMLE exams are done.
  milestones: examsDone("2025-06-01").filter(
    (entry) => entry.key !== "oet_medicine" && entry.key !== "ecfmg_pathway",
  ),
});
const calendar = seasonCalendar(2027);
const before = planFor(input, calendar, now);
const rowOf = (after: Plan) => {
  const diff = planDiff(before, after, new Set(["oet_medicine"]));
  const html = whatIfResultFragment(
    "a_x",
    { before, after, diff, saveId: "console-what-if-x", basedOn: "basis", saveProblems: [], warnings: [] },
    "[]",
  );
  const start = html.indexOf("<h3>Budget</h3>");
  return { diff, row: html.slice(start, html.indexOf("<p>To verify", start)) };
};

describe("the what-if's Budget row counts fees in other currencies per currency", () => {
  it("the case: OET's AU$587 is still to pay before the change", () => {
    expect(before.budget.otherCurrency?.find((item) => item.key.startsWith("oet"))).toMatchObject({
      display: "AU$587",
      status: "upcoming",
    });
  });

  it.each(["waived", "done"] as const)(
    "OET %s: the Australian-dollar fee leaves what is still to pay",
    (status) => {
      const after = planFor(
        applyWhatIf(input, [{ kind: "milestone", key: "oet_medicine", status, date: "2026-05-20" }]),
        calendar,
        now,
      );
      const { diff, row } = rowOf(after);
      const upcoming = `$${before.budget.upcomingUsd.toLocaleString("en-US")}`;
      expect(row).toContain(`Upcoming ${upcoming} plus AU$587 → ${upcoming};`);
      expect(diff.unchanged).toBe(false);
    },
  );

  it("OET waived: the AU$587 leaves the total too; done: it stays there, paid", () => {
    const total = `$${before.budget.totalUsd.toLocaleString("en-US")}`;
    const waived = planFor(
      applyWhatIf(input, [{ kind: "milestone", key: "oet_medicine", status: "waived", date: "2026-05-20" }]),
      calendar,
      now,
    );
    expect(rowOf(waived).row).toContain(`total ${total} plus AU$587 → ${total}`);
    const done = planFor(
      applyWhatIf(input, [{ kind: "milestone", key: "oet_medicine", status: "done", date: "2026-05-20" }]),
      calendar,
      now,
    );
    expect(rowOf(done).row).toContain(`total ${total} plus AU$587 → ${total} plus AU$587`);
  });

  it("no change: the same totals on both sides, with the AU$", () => {
    const { diff, row } = rowOf(before);
    expect(row).toContain("plus AU$587 → ");
    expect(diff.unchanged).toBe(true);
  });
});
