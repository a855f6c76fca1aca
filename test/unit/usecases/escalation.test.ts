import { describe, expect, it } from "vitest";
import { consoleApplicantUrl } from "#adapters/ses/escalation-for.ts";
import type { RiskCode } from "#domain/plan.ts";
import { escapeHtml } from "#email/html.ts";
import { EmailRejectedError } from "#errors";
import { ESCALATION_REJECTED_MESSAGE } from "#observability/alarmed-log-lines.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { escalationsFor, RISK_TITLES, strandedEscalations } from "#usecases/escalation.ts";
import { logRejectedEscalations } from "#usecases/escalation-send.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  planFactory,
  profileFactory,
  storePorts,
} from "./fakes.ts";

/**
 * Escalation with the real planner: a consenting applicant's advisor hears once
 * per critical risk, through the ledger's claims, never for an applicant who did not consent.
 */
const NOT_LISTED = { name: "University of Lagos", country: "NG", wdomsSponsorNote: false };

function setup(now: string, consent: boolean | undefined) {
  const store = new InMemoryApplicantStore();
  store.add(
    profileFactory({
      advisorEmail: "Grace@Advisors.example",
      ...(consent === undefined ? {} : { escalateToAdvisor: consent }),
    }),
  );
  const mailer = new InMemoryMailer();
  return {
    store,
    ...storePorts(store),
    mailer,
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    clock: new FixedClock(new Date(now)),
    planning: domainPlanning,
    escalation: {
      ledger: store,
      suppression: store,
      mailer,
      consoleUrl: (applicantId: string) => consoleApplicantUrl("https://matchpath.example", applicantId),
    },
  };
}

const subjects = (deps: ReturnType<typeof setup>) => deps.mailer.sent.map((email) => email.subject);
/** The subject says the risk in words (RISK_TITLES), never its code. */
const subjectOf = (code: RiskCode) => `Matchpath: Ada Okafor needs attention: ${RISK_TITLES[code]}`;
/**
 * The one email of risks raised at once: the first named, the others counted, as the applicant's
 * reminder emails do (two emails went to the advisor in the same second).
 */
const joinedSubject = ([first, ...rest]: readonly RiskCode[]) =>
  `${subjectOf(first as RiskCode)}${rest.length > 0 ? ` (+${rest.length} more)` : ""}`;
/** The critical risk codes the real planner gives the applicant now. */
const criticalCodes = (deps: ReturnType<typeof setup>) =>
  domainPlanning
    .plan(deps.store.state("a_ada"), deps.clock.now())
    .risks.filter((risk) => risk.severity === "critical")
    .map((risk) => risk.code);

describe("escalation to the advisor", () => {
  it("sends nothing without the applicant's consent, absent or false", async () => {
    for (const consent of [undefined, false]) {
      const deps = setup("2026-12-15T12:00:00Z", consent);
      await planApplicants(["a_ada"], deps);
      expect(deps.store.state("a_ada").storedPlan?.cohort?.risks.critical).toBeGreaterThan(0);
      expect(deps.mailer.sent).toEqual([]);
    }
  });

  it("emails the advisor once for the critical risks of a first plan, each told, linking to the applicant's console page", async () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    // A school without the sponsor note beside a Match out of reach: two critical risks at once.
    const state = deps.store.state("a_ada");
    state.profile = { ...state.profile, medicalSchool: NOT_LISTED };
    const codes = criticalCodes(deps);
    expect(codes).toEqual(["SCHOOL_NOT_ECFMG_ELIGIBLE", "MATCH_YEAR_NOT_FEASIBLE"]);
    await planApplicants(["a_ada"], deps);

    // One email, where one went per risk in the same second; every risk in it, numbered.
    expect(subjects(deps)).toEqual([joinedSubject(codes)]);
    const [email] = deps.mailer.sent;
    codes.forEach((code, index) => {
      expect(email?.text).toContain(`\n${index + 1}. ${RISK_TITLES[code]}\n`);
      expect(email?.html).toContain(`>${escapeHtml(RISK_TITLES[code])}</h2>`);
    });
    expect(email?.text).toContain(`${codes.length} things in Ada Okafor's plan need attention:`);
    expect(email?.to).toBe("Grace@Advisors.example");
    // The public shell with the page in its fragment: a clicked link carries no bearer token.
    expect(email?.text).toContain("https://matchpath.example/console#/applicants/a_ada");
    expect(email?.html).toContain('href="https://matchpath.example/console#/applicants/a_ada"');
    for (const code of codes) expect(`${email?.subject} ${email?.text}`).not.toContain(code);
    expect(email?.tags).toEqual({ applicantId: "a_ada", kind: "escalation" });
    expect(deps.store.state("a_ada").ledger).toEqual(
      codes.map((code) =>
        expect.objectContaining({ reminderId: `escalation:2027:risk:${code}`, status: "sent" }),
      ),
    );
    // The advisor's email is not the applicant's last email in the cohort view.
    expect(deps.store.state("a_ada").storedPlan?.cohort?.lastEmail).toBeUndefined();
    // Told about the applicant, by name, in the third person; what their plan tells them now is quoted as theirs.
    const { fullName } = deps.store.state("a_ada").profile;
    const said = email?.text.split(`What ${fullName}'s plan tells them now:`) ?? [];
    expect(said).toHaveLength(codes.length + 1);
    expect(said[0]).toContain(fullName);
    expect(said[0]?.split("agreed that you are told")[1]).not.toMatch(/\byour?s?\b/i);
  });

  // The digest's "What X was told" while X's reminders were paused; an
  // escalation quotes the planner the same way.
  it("says the applicant has not been told while an advisor paused their reminders", () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    const state = deps.store.state("a_ada");
    const paused = { ...state, profile: { ...state.profile, remindersPausedAt: "2026-12-01T10:00:00.000Z" } };
    const escalations = escalationsFor(paused, domainPlanning.plan(paused, deps.clock.now()));
    expect(escalations.length).toBeGreaterThan(0);
    for (const { detail } of escalations) {
      expect(detail).not.toContain("was told");
      expect(detail).toContain(
        "Reminders to Ada Okafor are paused in the console, so Ada Okafor has not been told what their plan says now: “",
      );
    }
  });

  // With the applicant's own address suppressed (a bounce) the escalation
  // still said "What Bola Bounce was told: …" while the digest said she had not been told.
  it("says the applicant has not been told while their own address is suppressed, as the digest does", async () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    await deps.store.suppress(deps.store.state("a_ada").profile.email.toUpperCase(), "bounce");
    await planApplicants(["a_ada"], deps);

    expect(deps.mailer.sent.length).toBe(1);
    const notTold =
      "Ada Okafor's address is suppressed (an email bounced or drew a complaint), so Ada Okafor has not been told what their plan says now: “";
    for (const email of deps.mailer.sent) {
      expect(email.text).not.toContain("was told");
      expect(email.text).toContain(notTold);
      expect(email.html).not.toContain("was told");
      expect(email.html).toContain(escapeHtml(notTold));
    }
  });

  it("does not send again on re-plans, and sends only the risk that appeared since", async () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    const first = criticalCodes(deps);
    await planApplicants(["a_ada"], deps);
    deps.clock.set("2026-12-16T12:00:00Z");
    await planApplicants(["a_ada"], deps);
    expect(deps.mailer.sent).toHaveLength(1);

    const state = deps.store.state("a_ada");
    state.profile = { ...state.profile, medicalSchool: NOT_LISTED };
    expect(criticalCodes(deps)).toContain("SCHOOL_NOT_ECFMG_ELIGIBLE");
    await planApplicants(["a_ada"], deps);
    await planApplicants(["a_ada"], deps);
    expect(subjects(deps)).toEqual([joinedSubject(first), subjectOf("SCHOOL_NOT_ECFMG_ELIGIBLE")]);
  });

  it("tells again of a risk that reappears for the next Match, once per season", async () => {
    // The advisor moved the applicant to the next Match: a risk told of for the 2027 Match that
    // appears again for the 2028 one is news; the ledger id was per risk for ever, so it was silent.
    const deps = setup("2026-12-15T12:00:00Z", true);
    const listed = deps.store.state("a_ada").profile.medicalSchool;
    const edit = (change: Partial<ApplicantState["profile"]>) => {
      const state = deps.store.state("a_ada");
      state.profile = { ...state.profile, ...change };
    };
    const told = () =>
      deps.mailer.sent.filter((email) => email.text.includes(RISK_TITLES.SCHOOL_NOT_ECFMG_ELIGIBLE));
    edit({ medicalSchool: NOT_LISTED });
    await planApplicants(["a_ada"], deps);
    expect(told()).toHaveLength(1);
    // The same season: a risk that goes and comes back is not news twice.
    edit({ medicalSchool: listed });
    await planApplicants(["a_ada"], deps);
    edit({ medicalSchool: NOT_LISTED });
    await planApplicants(["a_ada"], deps);
    expect(told()).toHaveLength(1);
    // The next season: it is.
    edit({ medicalSchool: listed, matchYear: 2028 });
    await planApplicants(["a_ada"], deps);
    edit({ medicalSchool: NOT_LISTED });
    await planApplicants(["a_ada"], deps);
    expect(told()).toHaveLength(2);
    expect(deps.store.state("a_ada").ledger.map((entry) => entry.reminderId)).toEqual(
      expect.arrayContaining([
        "escalation:2027:risk:SCHOOL_NOT_ECFMG_ELIGIBLE",
        "escalation:2028:risk:SCHOOL_NOT_ECFMG_ELIGIBLE",
      ]),
    );
  });

  it("never sends twice even when the stored plan is lost (the ledger holds the id)", async () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    await planApplicants(["a_ada"], deps);
    const state = deps.store.state("a_ada");
    delete state.storedPlan;
    await planApplicants(["a_ada"], deps);
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it("gives the claim back when SES fails, so the retried record sends it once", async () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    deps.mailer.failNext = new Error("SES throttled");
    const [failed] = await planApplicants(["a_ada"], deps);
    expect(failed?.ok).toBe(false);
    // Not stored: the retry must still see the risk as new.
    expect(deps.store.state("a_ada").storedPlan).toBeUndefined();
    expect(deps.store.state("a_ada").ledger.filter((entry) => entry.status === "claimed")).toEqual([]);

    const [retried] = await planApplicants(["a_ada"], deps);
    expect(retried?.ok).toBe(true);
    await planApplicants(["a_ada"], deps);
    expect(subjects(deps)).toEqual([joinedSubject(criticalCodes(deps))]);
  });

  it("records the escalations of an email SES rejects for good as not sent, stores the plan, and no re-plan tries them again", async () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    const codes = criticalCodes(deps);
    expect(codes.length).toBeGreaterThan(0);
    deps.mailer.failNext = new EmailRejectedError("SES refused the message (MessageRejected)");
    const [result] = await planApplicants(["a_ada"], deps);
    // Not a failed record: no stream retry would change SES's answer.
    expect(result?.ok).toBe(true);
    expect(deps.store.state("a_ada").storedPlan).toBeDefined();
    // One email carried them all: each is withheld with it.
    expect(subjects(deps)).toEqual([]);
    expect(deps.store.state("a_ada").ledger).toEqual(
      codes.map((code) =>
        expect.objectContaining({
          reminderId: `escalation:2027:risk:${code}`,
          status: "withheld",
          withheldBecause: "rejected",
        }),
      ),
    );
    for (const later of ["2026-12-15T12:20:00Z", "2026-12-16T12:00:00Z"]) {
      deps.clock.set(later);
      const state = deps.store.state("a_ada");
      delete state.storedPlan;
      await planApplicants(["a_ada"], deps);
      expect(deps.mailer.sent).toHaveLength(0);
    }
    expect(deps.store.state("a_ada").ledger.filter((entry) => entry.status === "claimed")).toEqual([]);
  });

  it("reports a rejection to an operator as one error-level log line with ids and the error's class, no address", () => {
    const lines: [string, Record<string, unknown>][] = [];
    const report = logRejectedEscalations({ error: (message, extra) => lines.push([message, extra]) });
    report({
      applicantId: "a_ada",
      escalationIds: ["escalation:2027:risk:SEASON_OVER"],
      error: { name: "EmailRejectedError", message: "SES refused the message (MessageRejected)" },
    });
    expect(lines).toEqual([
      [
        ESCALATION_REJECTED_MESSAGE,
        {
          applicantId: "a_ada",
          escalationIds: ["escalation:2027:risk:SEASON_OVER"],
          error: { name: "EmailRejectedError", message: "SES refused the message (MessageRejected)" },
        },
      ],
    ]);
    expect(JSON.stringify(lines)).not.toContain("@");
  });

  it("sends an escalation whose sender died between claim and send, once its claim goes stale, on any later re-plan", async () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    const codes = criticalCodes(deps);
    // A planner run claimed every escalation and died before sending (no release, no mark).
    const ids = codes.map((code) => `escalation:2027:risk:${code}`);
    await deps.store.claimReminders("a_ada", ids, new Date("2026-12-15T11:59:00Z"), 15 * 60_000);
    // Its retry meets the live claims: nothing is sent, and the plan is stored with the risks known.
    await planApplicants(["a_ada"], deps);
    expect(deps.mailer.sent).toEqual([]);
    expect(deps.store.state("a_ada").storedPlan?.cohort?.risks.codes).toEqual(expect.arrayContaining(codes));
    // Past the stale window, an otherwise unchanged re-plan (the sweeper's, the next intake's) sends them.
    deps.clock.set("2026-12-15T12:20:00Z");
    await planApplicants(["a_ada"], deps);
    expect(subjects(deps)).toEqual([joinedSubject(codes)]);
    await planApplicants(["a_ada"], deps);
    expect(deps.mailer.sent).toHaveLength(1);
    expect(deps.store.state("a_ada").ledger.filter((entry) => entry.status === "claimed")).toEqual([]);
  });

  it("sends nothing to an advisor address suppressed after a bounce, records each escalation as withheld, and never tries again", async () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    const codes = criticalCodes(deps);
    expect(codes.length).toBeGreaterThan(0);
    // An earlier escalation to Grace hard-bounced: the suppression list holds her address (any case).
    await deps.store.suppress("grace@advisors.example", "bounce");
    await planApplicants(["a_ada"], deps);
    expect(deps.mailer.sent).toEqual([]);
    // Handled, not claimed: no stale claim is left for the timer or a later re-plan to retry.
    expect(deps.store.state("a_ada").ledger).toEqual(
      codes.map((code) =>
        expect.objectContaining({
          reminderId: `escalation:2027:risk:${code}`,
          status: "withheld",
          withheldBecause: "bounce",
        }),
      ),
    );
    for (const later of ["2026-12-15T12:20:00Z", "2026-12-16T12:00:00Z"]) {
      deps.clock.set(later);
      const state = deps.store.state("a_ada");
      delete state.storedPlan;
      await planApplicants(["a_ada"], deps);
      expect(deps.mailer.sent).toEqual([]);
      expect(
        strandedEscalations(state, domainPlanning.plan(state, deps.clock.now()), deps.clock.now()),
      ).toEqual([]);
    }
    expect(deps.store.state("a_ada").ledger.map((entry) => entry.status)).toEqual(
      codes.map(() => "withheld"),
    );
  });

  it("leaves a stale escalation claim alone when its risk is gone or the applicant withdrew consent", () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    const plan = planFactory({
      risks: [{ code: "SCHOOL_NOT_ECFMG_ELIGIBLE", severity: "critical", message: "Still.", milestones: [] }],
    });
    const claimed = (reminderId: string, claimedAt: string) => ({
      reminderId,
      status: "claimed" as const,
      claimedAt,
    });
    const state = {
      ...deps.store.state("a_ada"),
      ledger: [
        claimed("escalation:2027:risk:SCHOOL_NOT_ECFMG_ELIGIBLE", "2026-12-15T11:00:00Z"),
        claimed("escalation:2027:risk:SEASON_OVER", "2026-12-15T11:00:00Z"),
      ],
    } as ApplicantState;
    const now = new Date("2026-12-15T12:00:00Z");
    expect(strandedEscalations(state, plan, now).map((escalation) => escalation.id)).toEqual([
      "escalation:2027:risk:SCHOOL_NOT_ECFMG_ELIGIBLE",
    ]);
    // Still live (claimed 10 minutes ago): its sender may yet send it.
    const live = {
      ...state,
      ledger: [claimed("escalation:2027:risk:SCHOOL_NOT_ECFMG_ELIGIBLE", "2026-12-15T11:50:00Z")],
    };
    expect(strandedEscalations(live, plan, now)).toEqual([]);
    const withdrawn = { ...state, profile: { ...state.profile, escalateToAdvisor: false } };
    expect(strandedEscalations(withdrawn, plan, now)).toEqual([]);
  });

  it("tells of a critical deadline newly overdue under a risk already known, and skips steps no critical risk names", () => {
    const deps = setup("2026-12-15T12:00:00Z", true);
    const overdue = (milestone: "eras_application" | "cv") => ({
      milestone,
      title: milestone,
      dueBy: "2026-12-01",
      deadline: {
        at: "2026-12-01T05:00:00.000Z",
        local: "Tue 1 Dec 2026",
        et: "Tue 1 Dec 2026, 12:00 AM ET",
        status: "confirmed" as const,
        source: "https://example.org/season",
      },
    });
    const plan = planFactory({
      risks: [
        {
          code: "ERAS_LATE_SUBMISSION",
          severity: "critical",
          message: "Late.",
          milestones: ["eras_application"],
        },
      ],
      overdue: [overdue("eras_application"), overdue("cv")],
    });
    const known = {
      ...deps.store.state("a_ada"),
      storedPlan: {
        planHash: "before",
        computedAt: "2026-11-30T12:00:00.000Z",
        cohort: { risks: { critical: 1, warning: 0, codes: ["ERAS_LATE_SUBMISSION"] } },
      },
    } as ApplicantState;
    expect(escalationsFor(known, plan).map((escalation) => escalation.id)).toEqual([
      "escalation:2027:overdue:eras_application",
    ]);
    // A confirmed date carries no mark; an advice date counted from a projected one is "our advice",
    // never "projected" (the mark goes by who sets the date, not by its status).
    expect(escalationsFor(known, plan)[0]?.detail).toBe(
      "The deadline passed on Tue 1 Dec 2026, 12:00 AM ET.",
    );
    const advice = overdue("eras_application");
    const advised = planFactory({
      risks: plan.risks,
      overdue: [{ ...advice, deadline: { ...advice.deadline, status: "projected", basis: "advice" } }],
    });
    expect(escalationsFor(known, advised)[0]?.detail).toBe(
      "The deadline passed on Tue 1 Dec 2026, 12:00 AM ET (our advice).",
    );
    // Already overdue in the stored plan: nothing new.
    const before = {
      ...known,
      storedPlan: { ...known.storedPlan, overdue: ["eras_application"] },
    } as ApplicantState;
    expect(escalationsFor(before, plan)).toEqual([]);
    // A new risk is one email, which covers the steps it names.
    const { storedPlan: _, ...fresh } = known;
    expect(escalationsFor(fresh, plan).map((escalation) => escalation.id)).toEqual([
      "escalation:2027:risk:ERAS_LATE_SUBMISSION",
    ]);
  });
});
