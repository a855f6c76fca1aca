import { describe, expect, it } from "vitest";
import type { ConsoleStore } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { examsDone } from "#test/unit/domain/factories.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { runWhatIf } from "#usecases/console-what-if.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { applicantFragment } from "../../../../functions/console/pages/applicant.ts";
import { whatIfResultFragment } from "../../../../functions/console/pages/what-if.ts";

/**
 * The console's reader is the advisor. The planner's risks speak to the applicant ("Ask your
 * advisor to switch your visa track to J-1"), so on the what-if and the applicant page an advisor
 * was told to ask themselves. Both now word risks as the digest does (riskForAdvisor): the
 * third-person sentence, the applicant's words quoted as theirs, and what those ask of the advisor.
 */
const PRIYA: Principal = { email: "priya.advisor@matchpath.example", role: "advisor", sub: "priya" };
const now = new Date("2026-12-04T20:00:00Z");
const kwame = (visa: "J-1" | "H-1B") =>
  profileFactory({
    applicantId: "a_kwame",
    externalId: "kwame",
    fullName: "Kwame Mensah",
    timezone: "Africa/Accra",
    visa,
    advisorEmail: PRIYA.email,
  });
const THIRD_PERSON =
  "Kwame Mensah is on the H-1B track, which needs USMLE Step 3, and has not passed Step 3 yet.";

async function notWhatIf(): Promise<never> {
  throw new Error("A what-if does not call this");
}
const noConsoleStore: ConsoleStore = {
  listCohort: notWhatIf,
  recordLastEmail: notWhatIf,
  setRemindersPaused: notWhatIf,
  recordAudit: notWhatIf,
  listAudit: notWhatIf,
  listSubmissions: notWhatIf,
  listEvents: notWhatIf,
  eraseApplicant: notWhatIf,
};

describe("the console's what-if speaks to the advisor", () => {
  const risksOf = async () => {
    const store = new InMemoryApplicantStore();
    store.add(kwame("J-1"), { milestones: examsDone("2025-06-01") });
    const deps = { applicants: store, intake: store, console: noConsoleStore, clock: new FixedClock(now) };
    const result = await runWhatIf(PRIYA, "a_kwame", [{ kind: "visa", visa: "H-1B" }], deps);
    const html = whatIfResultFragment("a_kwame", result, "[]");
    return html.slice(html.indexOf("<h3>Risks</h3>"), html.indexOf("<h3>Blocked and overdue</h3>"));
  };

  it("J-1 → H-1B: Step 3's risk in the third person, what Kwame's plan would tell him quoted, nothing asking the advisor to ask themselves", async () => {
    const risks = await risksOf();
    expect(risks).toContain("new critical:");
    expect(risks).toContain(THIRD_PERSON);
    expect(risks).toContain("What Kwame Mensah&#39;s plan would tell them: “");
    expect(risks).toContain("It asks you, their advisor, to switch their visa track to J-1");
    expect(risks).not.toContain("Ask your advisor to");
  });
});

describe("the console's applicant page speaks to the advisor", () => {
  const page = () => {
    const state = { profile: kwame("H-1B"), milestones: examsDone("2025-06-01"), interviews: [], ledger: [] };
    const view: ApplicantView = {
      state,
      plan: domainPlanning.plan(state, now),
      audit: [],
      submissions: [],
      events: [],
    };
    const html = applicantFragment(view, "2026-12-04");
    return html.slice(html.indexOf('id="risks"'), html.indexOf("<h2>Actions</h2>"));
  };

  it("an H-1B applicant's risks: the third-person sentence and what Kwame's plan tells him now, not 'Ask your advisor to'", () => {
    const risks = page();
    expect(risks).toContain(THIRD_PERSON);
    expect(risks).toContain("What Kwame Mensah&#39;s plan tells them now: “");
    expect(risks).not.toContain("Ask your advisor to");
  });
});
