import { describe, expect, it } from "vitest";
import { planFacts, rowAsOf } from "#domain/console/row-as-of.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { RISK_TITLES } from "#usecases/escalation.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
import { cohortSummary } from "#usecases/planning.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import {
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  profileFactory,
  storePorts,
} from "./fakes.ts";

/**
 * Risks that turn critical with time alone, between deadlines:
 * Kwame needs an H-1B for the 2028 Match from Accra and has passed only Step 1. As the months pass,
 * "now + lead time" crosses the rank order list deadline: Step 3 for the H-1B, then the whole
 * season, go out of reach on days that are neither a step's deadline nor a season date. The
 * cohort row must agree with a fresh plan on every day, and the consenting applicant's advisor must
 * hear of each new critical risk within a day of it turning critical.
 */
const DAY_MS = 86_400_000;
const START = "2027-06-02T00:00:00.000Z";
const END = "2027-10-31T00:00:00.000Z";
const ADVISOR = "priya.advisor@matchpath.example";

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(
    profileFactory({
      fullName: "Kwame Mensah",
      timezone: "Africa/Accra",
      matchYear: 2028,
      visa: "H-1B",
      graduation: "2025-06-30",
      medicalSchool: { name: "University of Ghana Medical School", country: "GH", wdomsSponsorNote: true },
      advisorEmail: ADVISOR,
      escalateToAdvisor: true,
    }),
    { milestones: [{ key: "usmle_step1", status: "done", date: "2026-11-10" }] },
  );
  const mailer = new InMemoryMailer();
  return {
    store,
    ...storePorts(store),
    mailer,
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    clock: new FixedClock(new Date(START)),
    planning: domainPlanning,
    escalation: {
      ledger: store,
      suppression: store,
      mailer,
      consoleUrl: (id: string) => `https://mp.example/console#/applicants/${id}`,
    },
    unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
  };
}

/** The first day (noon UTC, June to October 2027) each risk code is critical in a fresh plan. */
function firstCriticalDays(deps: ReturnType<typeof setup>): Map<string, string> {
  const first = new Map<string, string>();
  const state = deps.store.state("a_ada");
  for (let at = Date.parse(START) + DAY_MS / 2; at < Date.parse(END); at += DAY_MS) {
    for (const risk of domainPlanning.plan(state, new Date(at)).risks) {
      if (risk.severity === "critical" && !first.has(risk.code))
        first.set(risk.code, new Date(at).toISOString());
    }
  }
  return first;
}

describe("risks that turn critical with time alone (Kwame, H-1B, Match 2028)", () => {
  it("the cohort row stored in June agrees with a fresh plan on every day to October", async () => {
    const deps = setup();
    const state = deps.store.state("a_ada");
    const stored = domainPlanning.plan(state, new Date(START));
    const { cohort } = cohortSummary(state, stored, domainPlanning);
    let compared = 0;
    for (let at = Date.parse(START) + DAY_MS / 2; at < Date.parse(END); at += DAY_MS) {
      const now = new Date(at).toISOString();
      const read = rowAsOf(cohort, now);
      // Past its last entry the row waits for the applicant's next re-plan: compare only before that.
      if ((cohort.upcoming?.at(-1)?.from ?? "") < now && read.upcoming === undefined && compared > 0) break;
      const fresh = planFacts(domainPlanning.plan(state, new Date(at)));
      expect({ at: now, risks: read.risks, stage: read.stage }).toEqual({
        at: now,
        risks: fresh.risks,
        stage: fresh.stage,
      });
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("tells the advisor of each new critical risk within a day of it turning critical", async () => {
    const deps = setup();
    const first = firstCriticalDays(deps);
    // The two expected: Step 3 for the H-1B out of reach, then the 2028 Match out of reach.
    expect([...first.keys()]).toEqual(
      expect.arrayContaining(["STEP3_NEEDED_FOR_H1B", "MATCH_YEAR_NOT_FEASIBLE"]),
    );
    await planApplicants(["a_ada"], deps);
    for (let at = deps.wakeUps.pending.get("a_ada"), fired = 0; at && at.toISOString() <= END; fired++) {
      if (fired > 200) throw new Error("a wake-up re-arms itself");
      deps.clock.set(at);
      await sendDueReminders("a_ada", at, deps);
      at = deps.wakeUps.pending.get("a_ada");
    }
    const ledger = deps.store.state("a_ada").ledger;
    for (const [code, day] of first) {
      const sent = ledger.find(
        (entry) => entry.reminderId === `escalation:2028:risk:${code}` && entry.status === "sent",
      );
      expect(sent, `${code} critical from ${day}`).toBeDefined();
      expect(Date.parse(sent?.sentAt ?? "") - Date.parse(day), code).toBeLessThanOrEqual(DAY_MS);
    }
    const toAdvisor = deps.mailer.sent.filter((email) => email.to === ADVISOR);
    const subjects = toAdvisor.map((email) => email.subject);
    // The sources are a short list of addresses, the notes beside them left to the page.
    for (const email of toAdvisor) {
      const sources = email.text.split("\n").find((line) => line.startsWith("Sources: ")) ?? "";
      expect(sources.length, email.subject).toBeLessThan(700);
      expect(sources).not.toContain("projected: ");
    }
    expect(subjects).toContain(
      `Matchpath: Kwame Mensah needs attention: ${RISK_TITLES.STEP3_NEEDED_FOR_H1B}`,
    );
  });
});
