import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stepStanding } from "#domain/console/overdue.ts";
import { applyWhatIf, earlierSeasonWork, planDiff } from "#domain/console/what-if.ts";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, examsDone, inputFactory } from "#test/unit/domain/factories.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

/**
 * The console's words agree everywhere. The what-if's table says of a step what the
 * applicant page's badge says (stepStanding), a leaving step is not styled as bad news, and a
 * Match-year switch says what is true of a step done for one Match and to redo for the other.
 */
const htmlOf = (before: Plan, after: Plan, diff = planDiff(before, after)) =>
  whatIfResultFragment(
    "a_x",
    { before, after, diff, saveId: "console-what-if-x", basedOn: "basis", saveProblems: [], warnings: [] },
    "[]",
  );
const escaped = (text: string) => text.replaceAll("&", "&amp;").replaceAll("'", "&#39;");
const rowOf = (html: string, title: string) =>
  html
    .split("<tr>")
    .find((cells) => cells.startsWith(`<td>${escaped(title)}</td>`))
    ?.split("</tr>")[0] ?? "";
const cells = (row: string) => row.split("</td><td>").map((cell) => cell.replace(/<[^>]+>/g, ""));

/** The what-if as the use case computes it: finished milestones and each Match's earlier-season work. */
function whatIf(input: PlannerInput, matchYear: number, now: Date) {
  const changed = applyWhatIf(input, [{ kind: "matchYear", matchYear }]);
  const before = planFor(input, seasonCalendar(input.applicant.matchYear), now);
  const after = planFor(changed, seasonCalendar(matchYear), now);
  const finished = new Set(
    changed.milestones.filter((m) => m.status === "done" || m.status === "waived").map((m) => m.key),
  );
  const diff = planDiff(before, after, finished, earlierSeasonWork(input, changed, now.getTime()));
  return { before, after, diff, html: htmlOf(before, after, diff) };
}

describe("the what-if labels a step as the applicant page's badge does", () => {
  const now = new Date("2027-01-15T12:00:00Z");
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2028 }),
    milestones: [
      { key: "wdoms_listing", status: "done" },
      { key: "ecfmg_application", status: "done" },
      { key: "usmle_step1", status: "done", date: "2024-12-01" },
    ],
  });
  const { before, after, diff, html } = whatIf(input, 2027, now);

  it("2028 → 2027: the Pathway, dated for 2028, is 'too late for the 2027 Match', never '(overdue)'", () => {
    const pathway = after.nextSteps.find((step) => step.milestone === "ecfmg_pathway");
    // Its 2028 deadline is ahead: not overdue by the planner's urgency either.
    expect(pathway?.urgency).not.toBe("overdue");
    expect(pathway?.matchYears).toEqual({ missed: 2027, due: 2028 });
    const row = rowOf(html, "ECFMG Pathway");
    expect(row).toContain("(too late for the 2027 Match)");
    expect(row).not.toContain("(overdue)");
  });

  it("every step's before and after state reads the badge's words", () => {
    for (const step of diff.steps) {
      for (const [state, plan] of [
        [step.before, before],
        [step.after, after],
      ] as const) {
        if (state === undefined) continue;
        const next = plan.nextSteps.find((each) => each.milestone === step.subject);
        if (next) expect(state.standing.label, step.title).toBe(stepStanding(plan, next).label);
      }
      const row = cells(rowOf(html, step.title));
      if (step.after) expect(row[2]).toContain(`(${step.after.standing.label})`);
    }
  });
});

describe("a step that leaves the road is said neutrally", () => {
  it("'step removed' is muted, not struck through nor red", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const j1 = inputFactory({
      applicant: applicantFactory({ matchYear: 2027, visa: "J-1" }),
      milestones: examsDone("2025-06-01"),
    });
    const before = planFor(j1, seasonCalendar(2027), now);
    const after = planFor(applyWhatIf(j1, [{ kind: "visa", visa: "H-1B" }]), seasonCalendar(2027), now);
    const html = htmlOf(before, after);
    expect(html).toContain('<span class="muted">step removed</span>');
    expect(html).not.toContain("diff-removed");
    const css = readFileSync(
      new URL("../../../../functions/console/assets/console.css", import.meta.url),
      "utf8",
    );
    expect(css).not.toMatch(/line-through/);
  });
});

describe("a Match-year switch says what is true of a step done for one Match", () => {
  const at = new Date("2027-02-01T12:00:00Z");
  const milestones: MilestoneEntry[] = [
    ...examsDone("2025-06-01"),
    { key: "lors", status: "done", date: "2026-08-01" },
    { key: "eras_token", status: "done", date: "2026-06-05" },
    { key: "eras_application", status: "done", date: "2026-09-10" },
    { key: "nrmp_registration", status: "done", date: "2026-09-20" },
  ];
  const input2027 = inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), milestones });
  const input2028 = applyWhatIf(input2027, [{ kind: "matchYear", matchYear: 2028 }]);

  it("2027 → 2028: last season's letters read 'done' before, 'new step (done for 2027; redo for 2028)' after", () => {
    const { html } = whatIf(input2027, 2028, at);
    for (const title of ["Letters of recommendation", "ERAS application"]) {
      const [, before, after] = cells(rowOf(html, title));
      expect(before, title).toBe("done");
      expect(after, title).toMatch(/^new step(, blocked: needs [^(]+)? \(done for 2027; redo for 2028\)/);
      expect(after, title).not.toContain("nothing to do");
    }
  });

  it("2028 → 2027: the ERAS application is done for 2027, not 'step removed'", () => {
    const { html, diff } = whatIf(input2028, 2027, at);
    for (const title of ["Letters of recommendation", "ERAS application"]) {
      const [, , after] = cells(rowOf(html, title));
      expect(after, title).toBe("done for 2027 (redo only for 2028)");
    }
    // Each step the record has done reads done; "step removed" is left to steps it never had
    // (the 2028 application's personal statement, not needed once the 2027 one is in).
    const done = new Set(milestones.map((entry) => entry.key as string));
    const removed = diff.steps.filter((step) => step.change === "removed").map((step) => step.subject);
    expect(removed.filter((key) => done.has(key))).toEqual([]);
    for (const key of ["lors", "eras_token", "eras_application", "nrmp_registration"])
      expect(diff.steps.find((step) => step.subject === key)?.change, key).toBe("finished");
  });

  it("2028 → 2027 without the record's finished steps still never calls them removed", () => {
    const before = planFor(input2028, seasonCalendar(2028), at);
    const after = planFor(input2027, seasonCalendar(2027), at);
    const diff = planDiff(before, after, new Set(), earlierSeasonWork(input2028, input2027, at.getTime()));
    expect(diff.steps.find((step) => step.subject === "eras_application")?.change).toBe("finished");
  });
});

describe("a step in its late-deadline window", () => {
  const now = new Date("2027-02-05T12:00:00Z");
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027 }),
    milestones: [...examsDone("2025-06-01"), { key: "eras_application", status: "done", date: "2026-09-10" }],
  });
  const plan = planFor(input, seasonCalendar(2027), now);
  const nrmp = plan.nextSteps.find((step) => step.milestone === "nrmp_registration");

  it("NRMP registration after its early deadline, pressed as urgent, reads 'urgent: early deadline passed' on the console, as on the applicant's timeline", () => {
    expect(nrmp?.missedDeadline).toBeDefined();
    expect(nrmp?.matchYears).toBeUndefined();
    expect(Date.parse(nrmp?.deadline?.at ?? "")).toBeGreaterThan(now.getTime());
    if (nrmp === undefined) return;
    expect(stepStanding(plan, nrmp)).toEqual({ label: "urgent: early deadline passed", critical: false });
  });
});
