import { describe, expect, it } from "vitest";
import type { LastEmail } from "#domain/console/cohort-row.ts";
import { OUT_OF_REACH_RUNG } from "#domain/planner/critical-risk-notice.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import type { AuditEntry, ConsoleStore } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { type ResendDeps, resendLatestNotice } from "#usecases/resend-notice.ts";
import { FixedClock, InMemoryApplicantStore, InMemoryMailer, profileFactory } from "./fakes.ts";

/** The audit trail in memory; the console store's other reads and writes are not the resend's. */
class InMemoryAudit implements ConsoleStore {
  readonly entries: AuditEntry[] = [];
  async recordAudit(entry: AuditEntry): Promise<void> {
    this.entries.unshift(entry);
  }
  async listAudit(applicantId: string): Promise<AuditEntry[]> {
    return this.entries.filter((entry) => entry.applicantId === applicantId);
  }
  /** The cohort row's last email the resend wrote. */
  readonly lastEmails: { applicantId: string; lastEmail: LastEmail }[] = [];
  async recordLastEmail(applicantId: string, lastEmail: LastEmail): Promise<void> {
    this.lastEmails.push({ applicantId, lastEmail });
  }
  listCohort = notResend;
  setRemindersPaused = notResend;
  listSubmissions = notResend;
  listEvents = notResend;
  eraseApplicant = notResend;
}

async function notResend(): Promise<never> {
  throw new Error("Resend does not call this");
}

const DANIEL: Principal = { email: "daniel.advisor@matchpath.example", role: "advisor", sub: "daniel" };

// Omar: J-1, 2027 Match, ERAS application in progress, never registered with
// NRMP, Pathway not submitted on 10 Feb 2027: the 2027 Match is out of reach, planned for the 2028
// Match. The Pathway is not started: an undated in-progress Pathway may be under review already and
// writes no season off before its ROL deadline, and the notice this file resends needs one written off.
const OMAR_MILESTONES: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done" },
  { key: "ecfmg_application", status: "done" },
  { key: "usmle_step1", status: "done", date: "2024-12-01" },
  { key: "usmle_step2ck", status: "done", date: "2026-09-28" },
  { key: "oet_medicine", status: "done" },
  { key: "ecfmg_pathway", status: "not_started" },
  { key: "usce", status: "done" },
  { key: "lors", status: "done" },
  { key: "personal_statement", status: "done" },
  { key: "cv", status: "done" },
  { key: "program_list", status: "done" },
  { key: "eras_token", status: "done" },
  { key: "eras_application", status: "in_progress" },
  { key: "nrmp_registration", status: "not_started" },
];

/** Omar with the out-of-reach notice sent in February 2027, at `now`. */
function setupOmar(now: string) {
  const store = new InMemoryApplicantStore();
  const mailer = new InMemoryMailer();
  const clock = new FixedClock(new Date(now));
  store.add(
    profileFactory({
      applicantId: "a_omar",
      externalId: "omar",
      email: "omar@example.org",
      fullName: "Omar Haddad",
      timezone: "Africa/Cairo",
      graduation: "2023-09-30",
      advisorEmail: DANIEL.email,
    }),
    { milestones: OMAR_MILESTONES },
  );
  // The notice went out once, in February 2027, while the 2027 Match was still ahead.
  const sentAt = "2027-02-10T07:00:00.000Z";
  const notice = domainPlanning
    .plan(store.state("a_omar"), new Date(sentAt))
    .reminders.find((reminder) => reminder.rung === OUT_OF_REACH_RUNG);
  if (notice === undefined) throw new Error("no out-of-reach notice in Omar's plan");
  store.state("a_omar").ledger.push({
    reminderId: notice.id,
    status: "sent",
    claimedAt: sentAt,
    sentAt,
    messageId: "msg-out-of-reach",
    subject: { milestone: notice.milestone, rung: notice.rung, title: notice.title, matchYear: 2027 },
  });
  const deps: ResendDeps = {
    ...{ applicants: store, intake: store, console: new InMemoryAudit(), clock },
    ledger: store,
    suppression: store,
    planning: domainPlanning,
    mailer,
    unsubscribeUrl: async (id) => `https://example.org/unsubscribe/${id}`,
  };
  return { deps, mailer, store };
}

/**
 * "Resend the latest notice" on 1 Apr 2027 sent again "The 2027 Match is
 * out of reach … Pay no 2027 ERAS or NRMP fee", six weeks after that Match. The notice stayed
 * "ahead" only because its deadline is the 2028 rank order list deadline; its words are about the
 * 2027 Match, whose rank order list deadline had passed.
 */
describe("resending the out-of-reach notice", () => {
  const setup = setupOmar;

  it("resends it while the 2027 Match is still ahead", async () => {
    const { deps, mailer } = setup("2027-02-15T10:00:00Z");
    const outcome = await resendLatestNotice(DANIEL, "a_omar", deps);
    expect(outcome.outcome).toBe("resent");
    expect(mailer.sent).toHaveLength(1);
  });

  it("refuses it once the 2027 rank order list deadline has passed, saying why, and sends nothing", async () => {
    const { deps, mailer } = setup("2027-04-01T00:00:00Z");
    const outcome = await resendLatestNotice(DANIEL, "a_omar", deps);
    expect(outcome).toEqual({
      outcome: "refused",
      reason: expect.stringMatching(/2027 Match.*rank order list deadline.*passed/),
    });
    expect(mailer.sent).toEqual([]);
  });
});

/**
 * Once a saved what-if moved the applicant to the 2028 Match, the
 * out-of-reach notice is no longer planned, and its refusal read "the deadline of ECFMG Pathway has
 * passed" (the step it is filed under), a false statement: the 2028 Match's Pathway deadline is
 * months ahead. The refusal says what the notice was about: the 2027 Match, over or no longer the
 * target.
 */
describe("resending the out-of-reach notice after a switch to the next Match", () => {
  const switched = (now: string) => {
    const { deps, mailer, store } = setupOmar(now);
    store.state("a_omar").profile = { ...store.state("a_omar").profile, matchYear: 2028 };
    return { deps, mailer };
  };

  it("says the notice was about the 2027 Match, which is over, not that a Pathway deadline passed", async () => {
    const { deps, mailer } = switched("2027-03-20T10:00:00Z");
    const outcome = await resendLatestNotice(DANIEL, "a_omar", deps);
    expect(outcome.outcome).toBe("refused");
    const reason = outcome.outcome === "refused" ? outcome.reason : "";
    expect(reason).not.toContain("ECFMG Pathway");
    expect(reason).toContain("that email was about the 2027 Match, whose rank order list deadline");
    expect(reason).toContain("has passed");
    expect(mailer.sent).toEqual([]);
  });

  it("before that deadline, says the 2027 Match is no longer the target", async () => {
    const { deps, mailer } = switched("2027-02-15T10:00:00Z");
    const outcome = await resendLatestNotice(DANIEL, "a_omar", deps);
    const reason = outcome.outcome === "refused" ? outcome.reason : "";
    expect(reason).not.toContain("ECFMG Pathway");
    expect(reason).toContain("that email was about the 2027 Match; the plan is now for the 2028 Match");
    expect(mailer.sent).toEqual([]);
  });
});
