import { describe, expect, it } from "vitest";
import { budgetNote } from "#domain/budget-words.ts";
import { escapeHtml } from "#email/html.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";

/**
 * The applicant page's budget is the applicant's own, from the same rows as their timeline, and its
 * sentences are written to them ("Paid: your receipt shows what you paid", "Matchpath does not ask
 * what you paid"). The advisor reads the caption, each fee's note and the presumed-paid line quoted
 * as what the applicant reads, as the timeline card's whys, never as if told to the advisor.
 */
const profile = profileFactory({ fullName: "Ama Owusu", matchYear: 2027 });
const state = { profile, milestones: examsDone("2025-06-01"), interviews: [], ledger: [] };
const plan = domainPlanning.plan(state, new Date("2026-07-10T12:00:00Z"));
const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
const html = applicantFragment(view, "2026-07-10");
const budget = html.slice(html.indexOf("<h2>Budget</h2>"), html.indexOf("<h2>Actions</h2>"));
const LABEL = escapeHtml("What Ama Owusu reads: “");
const notes = [
  ...budget.matchAll(/<details class="fee-note">.*?<span class="muted">(.*?)<\/span><\/details>/g),
].map((found) => found[1] ?? "");

describe("the console's budget quotes the applicant's sentences", () => {
  it("the caption is quoted as what the applicant reads", () => {
    const caption = /<caption class="muted">(.*?)<\/caption>/.exec(budget)?.[1] ?? "";
    expect(budgetNote(plan.budget)).toMatch(/\byou\b/);
    expect(caption).toBe(escapeHtml(`What Ama Owusu reads: “${budgetNote(plan.budget)}”`));
  });

  it("every fee's note is quoted, and no note leaves a 'you' outside its quote", () => {
    expect(notes.length).toBeGreaterThan(2);
    expect(notes.some((note) => /\byour?\b/.test(note))).toBe(true);
    for (const note of notes) {
      expect(note.startsWith(LABEL)).toBe(true);
      expect(note.replace(/“[^”]*”/g, "")).not.toMatch(/\byour?\b/i);
    }
  });
});
