import { describe, expect, it } from "vitest";
import { applyWhatIf, planDiff } from "#domain/console/what-if.ts";
import { interviewSeasonWarnings } from "#domain/console/what-if-checks.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { examsDone, inputFactory } from "#test/unit/domain/factories.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

/**
 * The what-if difference says each step once: a next step that becomes
 * blocked reads "now blocked" in the steps table, not "step removed" there and "now blocked" below;
 * the Blocked list names it too, from the same source.
 */
describe("the what-if difference", () => {
  it("a step that becomes blocked by a Match-year switch is not removed, and reads 'now blocked' in both lists", () => {
    const now = new Date("2027-02-01T12:00:00Z");
    const milestones: MilestoneEntry[] = [
      ...examsDone("2025-06-01"),
      { key: "eras_token", status: "done", date: "2026-06-05" },
      { key: "eras_application", status: "done", date: "2026-09-10" },
      { key: "nrmp_registration", status: "done", date: "2026-09-20" },
    ];
    const input = inputFactory({ applicant: { ...inputFactory().applicant, matchYear: 2027 }, milestones });
    const before = planFor(input, seasonCalendar(2027), now);
    const changed = applyWhatIf(input, [{ kind: "matchYear", matchYear: 2028 }]);
    const after = planFor(changed, seasonCalendar(2028), now);
    const diff = planDiff(before, after);
    const movedToBlocked = diff.steps.filter(
      (step) => step.after === undefined && diff.blocked.added.includes(step.title),
    );
    expect(movedToBlocked.length).toBeGreaterThan(0);

    const html = whatIfResultFragment(
      "a_x",
      { before, after, diff, saveId: "console-what-if-x", basedOn: "basis", saveProblems: [], warnings: [] },
      "[]",
    );
    for (const step of movedToBlocked) {
      const row = html.split("<tr>").find((cells) => cells.startsWith(`<td>${step.title}</td>`)) ?? "";
      expect(row).toContain("now blocked");
      expect(row).not.toContain("step removed");
      // And in the Blocked list too, from the same source (the list left out
      // what the table marked "now blocked", so it read as complete when it was not).
      expect(html).toContain(`now blocked: ${step.title}<`);
    }
  });

  it("shows an interview warning's sources as compact links after its sentence, not inside it", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const input = inputFactory({ applicant: { ...inputFactory().applicant, matchYear: 2027 } });
    const changes = [
      {
        kind: "interview" as const,
        program: "Mercy IM",
        startsAt: "2026-06-10T10:00:00-04:00",
        timezone: "America/New_York",
        format: "virtual" as const,
      },
    ];
    const before = planFor(input, seasonCalendar(2027), now);
    const changed = applyWhatIf(input, changes);
    const after = planFor(changed, seasonCalendar(2027), now);
    const warnings = interviewSeasonWarnings(after, changes);
    const html = whatIfResultFragment(
      "a_x",
      {
        before,
        after,
        diff: planDiff(before, after),
        saveId: "console-what-if-x",
        basedOn: "basis",
        saveProblems: [],
        warnings,
      },
      "[]",
    );
    const note = /<div class="warning" role="note"><p>(.*?)<\/p>/.exec(html)?.[1] ?? "";
    const [sentence, links] = note.split(' <span class="source-links">Sources: ');
    expect(sentence).toContain("outside the 2027 Match&#39;s interview season");
    expect(sentence).toMatch(/Check the Match year and the date\.$/);
    expect(sentence).not.toMatch(/https?:|projected:/);
    // Both dates are projected: the only page inside their rules is a candidate's (the 2024
    // calendar, 16 days before Match Day, for a deadline projected at 23), which gives another
    // date, so no page is linked as their source; the rules follow in full.
    expect(links).toBeUndefined();
    expect(note).not.toContain("february-2024-illuminator");
    // The projection rules, which no page states, in full in a collapsed list below.
    expect(html).toMatch(
      /<\/p><details class="sources"><summary>How these dates are known<\/summary><ul><li>projected: /,
    );
  });
});
