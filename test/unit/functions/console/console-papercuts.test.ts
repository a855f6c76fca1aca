import { describe, expect, it } from "vitest";
import type { CohortRow } from "#domain/console/cohort-row.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";
import { cohortFragment } from "../../../../functions/console/pages/cohort.ts";
import { problemFragment } from "../../../../functions/console/pages/html.ts";
import { whatIfChanges } from "../../../../functions/console/request.ts";

const priya = { email: "priya@matchpath.example", role: "advisor" as const, sub: "priya" };
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };

describe("the console's papercuts", () => {
  it("every table of the applicant page scrolls in its own region, so the page never pans on a phone", () => {
    const state = {
      profile: profileFactory(),
      milestones: examsDone("2025-06-01"),
      interviews: [],
      ledger: [],
    };
    const view: ApplicantView = {
      state,
      plan: domainPlanning.plan(state, new Date("2026-12-01T12:00:00Z")),
      audit: [],
      submissions: [],
      events: [],
    };
    const html = applicantFragment(view, "2026-12-01");
    const tables = html.split("<table>").length - 1;
    // The notice ledger, intake, events and audit tables, and the budget's.
    expect(tables).toBe(5);
    expect(
      html.match(/<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+"><table>/g)?.length,
    ).toBe(tables);
  });

  it("the cohort table's explanation is outside its scrolling region, so it is never cut off", () => {
    const html = cohortFragment(admin, [], [], { sort: "name", page: 1 });
    expect(html).not.toContain("<caption");
    expect(html).toContain("Open risks by severity, the next date (what the plan counts down to");
  });

  it("a refused what-if names the field in the advisor's words, not its internal path", () => {
    const html = problemFragment("Invalid", "The what-if is not valid", [
      { path: "0.startsAt", message: "must be an instant with its offset" },
      { path: "0.milestone", message: "ECFMG certification is blocked" },
      { path: "changes", message: "change nothing" },
      { path: "(root)", message: "Too small" },
    ]);
    expect(html).toContain("<strong>Starts at</strong>");
    expect(html).toContain("<strong>Milestone</strong>");
    expect(html).not.toMatch(/<strong>(0\.|\(root\)|changes)/);
    let message = "";
    try {
      whatIfChanges(new URLSearchParams({ changes: "[]" }));
    } catch (error) {
      message = JSON.stringify(error, Object.getOwnPropertyNames(error));
    }
    expect(message).toContain("choose a change to try");
  });

  it("an advisor with no applicants is told why, and is not offered to sort by advisor", () => {
    const html = cohortFragment(priya, [], [], { sort: "risk", page: 1 });
    expect(html).toContain("No applicants are assigned to you yet");
    expect(html).not.toContain('value="advisor"');
    const row: CohortRow = {
      applicantId: "a_1",
      fullName: "A",
      email: "a@example.org",
      matchYear: 2027,
      visa: "J-1",
      stage: "exams",
      risks: { critical: 0, warning: 0, codes: [] },
      overdue: 0,
    };
    expect(cohortFragment(priya, [], [row], { sort: "risk", page: 1 })).toContain(
      "No applicant matches these filters",
    );
    expect(cohortFragment(admin, [row], [row], { sort: "risk", page: 1 })).toContain('value="advisor"');
  });
});
