import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { EmailRejectedError } from "#errors";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { RISK_TITLES } from "#usecases/escalation.ts";
import type { RejectedEscalations } from "#usecases/escalation-send.ts";
import { escalationWakeUp } from "#usecases/escalation-timer.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
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
 * Escalation caused by time alone: the applicant's one wake-up also comes just after a
 * deadline that gives the advisor something new to hear, and the reminder function, which re-plans
 * at every wake-up, tells them before it stores the plan. With the real planner: every step done
 * but the ERAS application, so programs starting to review applications (2026-09-23 13:00 UTC, the
 * projected 2027 calendar) turns ERAS_LATE_SUBMISSION critical and the application overdue.
 */
const REVIEW_PASSED = "2026-09-23T13:00:01.000Z";
const DONE = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "nrmp_registration",
  "budget",
] as const;
const MILESTONES: MilestoneEntry[] = [
  ...DONE.map((key): MilestoneEntry => ({ key, status: "done" })),
  { key: "ecfmg_pathway", status: "waived" },
  { key: "research", status: "waived" },
];

function setup(now: string, consent: boolean) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ advisorEmail: "grace@advisors.example", escalateToAdvisor: consent }), {
    milestones: MILESTONES.map((entry) => ({ ...entry, updatedAt: "2026-01-01T00:00:00.000Z" })),
  });
  const mailer = new InMemoryMailer();
  const rejections: RejectedEscalations[] = [];
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
      consoleUrl: (id: string) => `https://mp.example/console#/applicants/${id}`,
      onRejected: (rejection: RejectedEscalations) => rejections.push(rejection),
    },
    rejections,
    unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
  };
}

/**
 * Fires the applicant's wake-ups in order up to `until`, as EventBridge Scheduler would: a fired
 * one-time schedule deletes itself, so a wake-up that arms nothing ends the run (before, its instant
 * stayed pending and was fired again and again). More than `limit` wake-ups fails, naming the last.
 */
async function runUntil(deps: ReturnType<typeof setup>, until: string, limit = 50): Promise<string[]> {
  const fired: string[] = [];
  for (let at = deps.wakeUps.pending.get("a_ada"); at && at.toISOString() <= until; ) {
    if (fired.length >= limit)
      throw new Error(`more than ${limit} wake-ups before ${until}; the last: ${fired.slice(-8).join(" ")}`);
    fired.push(at.toISOString());
    deps.wakeUps.pending.delete("a_ada");
    deps.clock.set(at);
    await sendDueReminders("a_ada", at, deps);
    const next = deps.wakeUps.pending.get("a_ada");
    if (next !== undefined && next.getTime() <= at.getTime())
      throw new Error(`the wake-up at ${at.toISOString()} armed ${next.toISOString()}, not after it`);
    at = next;
  }
  deps.clock.set(until);
  return fired;
}

const toAdvisor = (deps: ReturnType<typeof setup>) =>
  deps.mailer.sent.filter((email) => email.to === "grace@advisors.example").map((email) => email.subject);

describe("escalation caused by time alone", () => {
  it("wakes just after the deadline that has something to tell, and never for an applicant who did not consent", async () => {
    for (const consent of [true, false]) {
      const deps = setup("2026-09-01T00:00:00Z", consent);
      const state = deps.store.state("a_ada");
      const plan = domainPlanning.plan(state, deps.clock.now());
      expect(escalationWakeUp(state, plan, deps.clock.now(), domainPlanning)?.toISOString()).toBe(
        consent ? REVIEW_PASSED : undefined,
      );
    }
  });

  it("tells the advisor once, from the wake-up at the deadline, with no intake and no planner run after the first", async () => {
    const deps = setup("2026-09-01T00:00:00Z", true);
    await planApplicants(["a_ada"], deps);
    expect(toAdvisor(deps)).toEqual([]);
    const fired = await runUntil(deps, "2026-10-15T00:00:00Z");
    expect(fired).toContain(REVIEW_PASSED);
    // Stored as a warning while review was near, the risk turned critical: a critical risk appearing.
    expect(toAdvisor(deps)).toEqual([
      `Matchpath: Ada Okafor needs attention: ${RISK_TITLES.ERAS_LATE_SUBMISSION}`,
    ]);
    expect(deps.store.state("a_ada").ledger).toContainEqual(
      expect.objectContaining({ reminderId: "escalation:2027:risk:ERAS_LATE_SUBMISSION", status: "sent" }),
    );
  });

  it("sends nothing to the advisor of an applicant who did not consent, and arms no extra wake-up", async () => {
    const deps = setup("2026-09-01T00:00:00Z", false);
    await planApplicants(["a_ada"], deps);
    const fired = await runUntil(deps, "2026-10-15T00:00:00Z");
    expect(fired).not.toContain(REVIEW_PASSED);
    expect(toAdvisor(deps)).toEqual([]);
  });

  it("sends nothing to a suppressed advisor address at the deadline's wake-up and arms no retry for it", async () => {
    const deps = setup("2026-09-01T00:00:00Z", true);
    await deps.store.suppress("grace@advisors.example", "complaint");
    await planApplicants(["a_ada"], deps);
    const fired = await runUntil(deps, "2026-10-15T00:00:00Z");
    expect(fired).toContain(REVIEW_PASSED);
    expect(toAdvisor(deps)).toEqual([]);
    expect(deps.store.state("a_ada").ledger).toContainEqual(
      expect.objectContaining({
        reminderId: "escalation:2027:risk:ERAS_LATE_SUBMISSION",
        status: "withheld",
        withheldBecause: "complaint",
      }),
    );
    // No claim to go stale, so no timer wake-up 15 minutes after the deadline's (nor later).
    expect(fired.filter((at) => at > REVIEW_PASSED && at < "2026-09-23T14:00:00.000Z")).toEqual([]);
  });

  it("tells an out-of-reach Match year once: its rank order list deadline passing adds no escalation and no overdue step", async () => {
    // Nothing done yet in December 2026: the 2027 Match is out of reach, the plan is for 2028.
    const deps = setup("2026-12-15T12:00:00Z", true);
    deps.store.state("a_ada").milestones = [];
    await planApplicants(["a_ada"], deps);
    const outOfReach = `Matchpath: Ada Okafor needs attention: ${RISK_TITLES.MATCH_YEAR_NOT_FEASIBLE}`;
    expect(toAdvisor(deps)).toEqual([outOfReach]);
    // Past the 2027 rank order list deadline (25 February 2027, projected), by the wake-ups alone.
    await runUntil(deps, "2027-04-01T00:00:00Z", 200);
    expect(toAdvisor(deps)).toEqual([outOfReach]);
    // A re-plan after the deadline (the sweeper's, the next intake's) finds nothing new either.
    await planApplicants(["a_ada"], deps);
    expect(toAdvisor(deps)).toEqual([outOfReach]);
    const stored = deps.store.state("a_ada").storedPlan;
    expect(stored?.computedAt).toBe("2027-04-01T00:00:00.000Z");
    expect(stored?.overdue ?? []).toEqual([]);
    expect(stored?.cohort?.risks.codes).toContain("MATCH_YEAR_NOT_FEASIBLE");
  });

  it("keeps the claim of a failed advisor email, still runs the applicant's wake-up, and retries it once by timer", async () => {
    const deps = setup("2026-09-01T00:00:00Z", true);
    await planApplicants(["a_ada"], deps);
    await runUntil(deps, "2026-09-23T13:00:00Z");
    deps.mailer.failNext = new Error("SES throttled");
    deps.clock.set(REVIEW_PASSED);
    const result = await sendDueReminders("a_ada", new Date(REVIEW_PASSED), deps);
    expect(result.outcome).not.toBe("retry-armed");
    expect(toAdvisor(deps)).toEqual([]);
    expect(deps.store.state("a_ada").ledger).toContainEqual(
      expect.objectContaining({ reminderId: "escalation:2027:risk:ERAS_LATE_SUBMISSION", status: "claimed" }),
    );
    // The claim goes stale after 15 minutes; the wake-up comes one second later.
    expect(deps.wakeUps.pending.get("a_ada")?.toISOString()).toBe("2026-09-23T13:15:02.000Z");
    await runUntil(deps, "2026-10-15T00:00:00Z");
    expect(toAdvisor(deps)).toHaveLength(1);
  });

  it("records an advisor email SES rejects for good as not sent, still runs the applicant's wake-up, and never retries it", async () => {
    const deps = setup("2026-09-01T00:00:00Z", true);
    await planApplicants(["a_ada"], deps);
    await runUntil(deps, "2026-09-23T13:00:00Z");
    deps.mailer.failNext = new EmailRejectedError("SES refused the message (MessageRejected)");
    deps.clock.set(REVIEW_PASSED);
    const result = await sendDueReminders("a_ada", new Date(REVIEW_PASSED), deps);
    expect(result.outcome).not.toBe("retry-armed");
    expect(toAdvisor(deps)).toEqual([]);
    // Handled once, for good, with why: no claim is left to go stale.
    expect(deps.store.state("a_ada").ledger).toContainEqual(
      expect.objectContaining({
        reminderId: "escalation:2027:risk:ERAS_LATE_SUBMISSION",
        status: "withheld",
        withheldBecause: "rejected",
      }),
    );
    // Reported for an operator: the applicant's id, the escalation ids and the error's class, no address.
    expect(deps.rejections).toEqual([
      {
        applicantId: "a_ada",
        escalationIds: ["escalation:2027:risk:ERAS_LATE_SUBMISSION"],
        error: { name: "EmailRejectedError", message: "SES refused the message (MessageRejected)" },
      },
    ]);
    // No timer wake-up 15 minutes later, nor any send to the advisor afterwards.
    expect(deps.wakeUps.pending.get("a_ada")?.toISOString()).not.toBe("2026-09-23T13:15:02.000Z");
    const fired = await runUntil(deps, "2026-10-15T00:00:00Z");
    expect(fired.filter((at) => at > REVIEW_PASSED && at < "2026-09-23T14:00:00.000Z")).toEqual([]);
    await planApplicants(["a_ada"], deps);
    expect(toAdvisor(deps)).toEqual([]);
    expect(deps.rejections).toHaveLength(1);
  });
});
