import { describe, expect, it } from "vitest";
import { whyForAdvisor } from "#domain/console/advisor-voice.ts";
import { escapeHtml } from "#email/html.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

/**
 * The console's Timeline card speaks to the advisor, as the rest of the applicant page does: a
 * step's why is the applicant's own text ("you", "your"), so it is quoted and labelled as what the
 * applicant reads, never shown bare as if said to the advisor.
 */
const profile = profileFactory({ matchYear: 2027 });
const state = { profile, milestones: examsDone("2025-06-01"), interviews: [], ledger: [] };
const plan = domainPlanning.plan(state, new Date("2026-07-10T12:00:00Z"));
const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
const html = timelineCard(view, "2026-07-10");
const next = html.slice(html.indexOf("<h3>Next</h3>"), html.indexOf("<h3>Blocked</h3>"));
/** The muted lines of Next: each step's why, and notes such as "no fixed deadline". */
const mutedLines = [...next.matchAll(/<span class="muted">([^<]*)<\/span>/g)].map((found) => found[1] ?? "");

describe("the console timeline's why lines are the applicant's words, labelled", () => {
  it("every Next step's why is quoted as what the applicant reads", () => {
    expect(plan.nextSteps.length).toBeGreaterThan(2);
    expect(plan.nextSteps.some((step) => /\byou(r)?\b/i.test(step.why))).toBe(true);
    const quotedWhys = mutedLines.filter((line) =>
      line.startsWith(escapeHtml(`What ${profile.fullName} reads: “`)),
    );
    // One per step listed under Next (an overdue step is listed under Overdue, without its why).
    expect(quotedWhys.length).toBe(next.split("<li>").length - 1);
    // No "you" is left outside a quote, as if the console told the advisor.
    for (const line of mutedLines) expect(line.replace(/“[^”]*”/g, "")).not.toMatch(/\byou(r)?\b/i);
  });

  it("a sentence asking the applicant to have their advisor act is said to the advisor", () => {
    const said = whyForAdvisor(
      "Rank programs that offer a J-1 instead. Ask your advisor to switch your visa track to J-1 so this plan follows it.",
      "Ama Owusu",
    );
    expect(said).toBe(
      "What Ama Owusu reads: “Rank programs that offer a J-1 instead.” It asks you, their advisor, to switch their visa track to J-1 so this plan follows it.",
    );
  });
});
