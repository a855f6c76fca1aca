import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyWhatIf, planDiff } from "#domain/console/what-if.ts";
import type { Plan, Risk } from "#domain/plan.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, examsDone, inputFactory } from "#test/unit/domain/factories.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

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
    ?.split("</tr>")[0];

/** What a visa switch does, said alike in both directions, and the lists. */
describe("the what-if difference of a switch", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const j1 = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, visa: "J-1" }),
    milestones: examsDone("2025-06-01"),
  });
  const h1b = applyWhatIf(j1, [{ kind: "visa", visa: "H-1B" }]);
  const j1Plan = planFor(j1, seasonCalendar(2027), now);
  const h1bPlan = planFor(h1b, seasonCalendar(2027), now);

  const listed = (html: string, prefix: string) =>
    [...html.matchAll(new RegExp(`<li class="[a-z]*">${prefix}: ([^<]*)</li>`, "g"))].map((m) => m[1]);

  it.each([
    ["J-1 → H-1B", j1Plan, h1bPlan],
    ["H-1B → J-1", h1bPlan, j1Plan],
  ])(
    "%s: the old track's steps are 'step removed', the new one's 'new step', blocked ones saying so in the table and the list",
    (_, before, after) => {
      const diff = planDiff(before, after);
      const road = (plan: Plan) =>
        new Set([...plan.nextSteps, ...plan.blocked, ...plan.overdue].map((step) => step.milestone));
      const [was, is] = [road(before), road(after)];
      const leaving = [...was].filter((key) => !is.has(key));
      const joining = [...is].filter((key) => !was.has(key));
      expect(leaving.length).toBeGreaterThan(0);
      expect(joining.length).toBeGreaterThan(0);
      expect(diff.unchanged).toBe(false);
      for (const key of leaving) {
        const step = diff.steps.find((change) => change.subject === key);
        expect(step?.change, key).toBe("removed");
      }
      for (const key of joining) {
        const step = diff.steps.find((change) => change.subject === key);
        expect(step?.change, key).toBe("new");
      }
      const html = htmlOf(before, after, diff);
      expect(html).not.toContain("<h3>Steps and deadlines</h3><p>No change.</p>");
      for (const step of diff.steps.filter((change) => change.change === "removed")) {
        expect(rowOf(html, step.title)).toContain("step removed");
        expect(html).not.toContain(`no longer blocked: ${escaped(step.title)}<`);
        expect(html).not.toContain(`no longer overdue: ${escaped(step.title)}<`);
      }
      const joinedBlocked = after.blocked.filter((step) => joining.includes(step.milestone));
      expect(joinedBlocked.length).toBeGreaterThan(0);
      for (const blocked of joinedBlocked) {
        const step = diff.steps.find((change) => change.subject === blocked.milestone);
        // "new step, blocked: needs <what it waits for>" in the table, "now blocked" in the list.
        expect(rowOf(html, step?.title ?? "?")).toMatch(/new step, blocked: needs [A-Z]/);
        expect(listed(html, "now blocked")).toContain(escaped(step?.title ?? "?"));
      }
      expect(html).not.toContain("<h3>Blocked and overdue</h3><p>No change.</p>");
    },
  );

  it("switches in both directions read alike: each joining step 'new step', each leaving one 'step removed'", () => {
    const wording = (before: Plan, after: Plan) => {
      const html = htmlOf(before, after);
      return planDiff(before, after).steps.map((step) => {
        const row = rowOf(html, step.title) ?? "";
        return [step.change, /new step/.test(row), /step removed/.test(row)] as const;
      });
    };
    const there = wording(j1Plan, h1bPlan);
    const back = wording(h1bPlan, j1Plan);
    expect(there.filter(([change]) => change === "new").length).toBe(
      back.filter(([change]) => change === "removed").length,
    );
    for (const [change, isNew, isRemoved] of [...there, ...back]) {
      expect(isNew).toBe(change === "new");
      expect(isRemoved).toBe(change === "removed");
    }
  });

  describe.each([
    ["J-1 → H-1B", () => [j1Plan, h1bPlan] as const],
    ["H-1B → J-1", () => [h1bPlan, j1Plan] as const],
    [
      "Match year 2027 → 2028",
      () => {
        const at = new Date("2027-02-01T12:00:00Z");
        const milestones: MilestoneEntry[] = [
          ...examsDone("2025-06-01"),
          { key: "eras_token", status: "done", date: "2026-06-05" },
          { key: "eras_application", status: "done", date: "2026-09-10" },
          { key: "nrmp_registration", status: "done", date: "2026-09-20" },
        ];
        const input = inputFactory({
          applicant: { ...inputFactory().applicant, matchYear: 2027 },
          milestones,
        });
        const before = planFor(input, seasonCalendar(2027), at);
        const after = planFor(
          applyWhatIf(input, [{ kind: "matchYear", matchYear: 2028 }]),
          seasonCalendar(2028),
          at,
        );
        return [before, after] as const;
      },
    ],
  ])("%s: one source for the steps table and the Blocked list", (_, plans) => {
    it("the list names as 'now blocked' exactly the rows that become blocked, and 'no longer blocked' exactly those that can now start", () => {
      const [before, after] = plans();
      const diff = planDiff(before, after);
      const html = htmlOf(before, after, diff);
      const rows = diff.steps.map((step) => [escaped(step.title), rowOf(html, step.title) ?? ""] as const);
      const becomeBlocked = rows
        .filter(([, row]) => /(now blocked|new step, blocked): needs /.test(row))
        .map(([title]) => title);
      const canStart = rows.filter(([, row]) => /no longer blocked/.test(row)).map(([title]) => title);
      expect(becomeBlocked.length + canStart.length).toBeGreaterThan(0);
      expect(listed(html, "now blocked").sort()).toEqual(becomeBlocked.sort());
      expect(listed(html, "no longer blocked").sort()).toEqual(canStart.sort());
    });
  });

  it("colours new risks as warnings by severity and removed ones as relief", () => {
    const risk = (code: Risk["code"], severity: Risk["severity"]): Risk => ({
      code,
      severity,
      message: `${code} words`,
      milestones: [],
      sources: [],
    });
    const before = { ...j1Plan, risks: [risk("TARGET_PASSED", "warning")] };
    const after = {
      ...j1Plan,
      risks: [risk("H1B_PROCLAMATION_FEE", "warning"), risk("SEASON_OVER", "critical")],
    };
    const html = htmlOf(before, after);
    expect(html).toContain('<li class="warning">new warning: H1B_PROCLAMATION_FEE words</li>');
    expect(html).toContain('<li class="critical">new critical: SEASON_OVER words</li>');
    expect(html).toContain('<li class="ok">removed: TARGET_PASSED words</li>');
  });

  it("keeps selects and inputs within a 390 px phone", () => {
    const css = readFileSync(
      new URL("../../../../functions/console/assets/console.css", import.meta.url),
      "utf8",
    );
    const rule = /(^|\n)([^{}\n]*\bselect\b[^{}]*)\{([^}]*)\}/.exec(css);
    expect(rule?.[2]).toMatch(/\binput\b/);
    expect(rule?.[3]).toMatch(/max-width:\s*100%/);
    // And the field around it may shrink below its content's width (a flex item's min-width is auto).
    const field = /form\.filters \.field \{([^}]*)\}/.exec(css)?.[1];
    expect(field).toMatch(/min-width:\s*0/);
    expect(field).toMatch(/max-width:\s*100%/);
  });
});
