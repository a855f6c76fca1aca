import { describe, expect, it } from "vitest";
import { SCHOOL_CHECK } from "#domain/catalog/index.ts";
import { markDoneProblems } from "#domain/console/mark-done.ts";
import { escapeHtml } from "#email/html.ts";
import type { ConsoleStore } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { runWhatIf } from "#usecases/console-what-if.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

/**
 * A blocked step can wait on a condition the plan words for the applicant ("ECFMG sponsor note for
 * your school"), not on a step. The console's reader is the advisor: the condition is quoted as what
 * the applicant reads, as the step's why is, never left bare after "waiting for" as if the advisor's
 * school were meant. Steps waited for keep their advisor names.
 */
const PRIYA: Principal = { email: "priya.advisor@matchpath.example", role: "advisor", sub: "priya" };
const now = new Date("2026-07-10T12:00:00Z");
const profile = profileFactory({
  fullName: "Ama Owusu",
  advisorEmail: PRIYA.email,
  medicalSchool: { name: "Example Medical College", country: "GH", wdomsSponsorNote: false },
});
const CONDITION = SCHOOL_CHECK.ineligible.waitingFor;
const QUOTED = escapeHtml(`What Ama Owusu reads: “${CONDITION}”`);
/** Text outside the quotation marks, where no "you" or "your" may speak to the advisor. */
const unquoted = (html: string) => html.replace(/“[^”]*”/g, "“…”");

describe("a blocked step's condition is quoted as what the applicant reads", () => {
  it("timeline: every step blocked on the school's sponsor note quotes it, with no bare 'your school'", () => {
    const state = { profile, milestones: [], interviews: [], ledger: [] };
    const plan = domainPlanning.plan(state, now);
    const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
    const html = timelineCard(view, "2026-07-10");
    const blocked = html.slice(html.indexOf("<h3>Blocked</h3>"), html.indexOf("<h3>Overdue</h3>"));
    const onCondition = plan.blocked.filter((step) => step.waitingFor.includes(CONDITION));
    expect(onCondition.length).toBeGreaterThan(2);
    const items = blocked.split("<li>").slice(1);
    expect(items.filter((item) => item.includes(QUOTED)).length).toBe(onCondition.length);
    expect(unquoted(blocked)).not.toMatch(/\byour\b/i);
    // A step waiting on the condition alone: "waiting", then the quote.
    expect(blocked).toContain(`: waiting. ${QUOTED}`);
  });

  it("what-if: a step the change brings, blocked on the condition, quotes it in the table", async () => {
    const store = new InMemoryApplicantStore();
    store.add(profile, { milestones: [] });
    const notWhatIf = async (): Promise<never> => {
      throw new Error("A what-if does not call this");
    };
    const consoleStore: ConsoleStore = {
      listCohort: notWhatIf,
      recordLastEmail: notWhatIf,
      setRemindersPaused: notWhatIf,
      recordAudit: notWhatIf,
      listAudit: notWhatIf,
      listSubmissions: notWhatIf,
      listEvents: notWhatIf,
      eraseApplicant: notWhatIf,
    };
    const deps = { applicants: store, intake: store, console: consoleStore, clock: new FixedClock(now) };
    const result = await runWhatIf(PRIYA, profile.applicantId, [{ kind: "visa", visa: "H-1B" }], deps);
    const html = whatIfResultFragment(profile.applicantId, result, "[]");
    const table = html.slice(html.indexOf("<h3>Steps and deadlines</h3>"), html.indexOf("<h3>Risks</h3>"));
    expect(table).toContain(`new step, blocked. ${QUOTED}`);
    expect(unquoted(table)).not.toMatch(/\byour\b/i);
  });

  it("Mark done's refusal of such a step says so in the same words", () => {
    const state = { profile, milestones: [], interviews: [], ledger: [] };
    const plan = domainPlanning.plan(state, now);
    const [problem] = markDoneProblems(
      { applicant: profile, milestones: [] },
      plan,
      "eras_token",
      "2026-07-10",
      now,
    );
    expect(problem?.path).toBe("milestone");
    expect(problem?.message).toBe(`ERAS token is blocked: waiting. What Ama Owusu reads: “${CONDITION}”`);
  });
});
