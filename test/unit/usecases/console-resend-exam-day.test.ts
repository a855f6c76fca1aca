import { describe, expect, it } from "vitest";
import type { LastEmail } from "#domain/console/cohort-row.ts";
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
  async recordLastEmail(_applicantId: string, _lastEmail: LastEmail): Promise<void> {}
  listCohort = notResend;
  loadPlan = notResend;
  setRemindersPaused = notResend;
  listSubmissions = notResend;
  listEvents = notResend;
  eraseApplicant = notResend;
}

async function notResend(): Promise<never> {
  throw new Error("Resend does not call this");
}

const PRIYA: Principal = { email: "priya.advisor@matchpath.example", role: "advisor", sub: "priya" };

// Fatima: 2028 Match, Step 2 CK booked for Tue 30 Mar 2027 in Karachi.
const FATIMA_MILESTONES: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done" },
  { key: "ecfmg_application", status: "done" },
  { key: "usmle_step1", status: "done", date: "2026-05-01" },
  { key: "usmle_step2ck", status: "scheduled", date: "2027-03-30" },
];

/**
 * On the booked exam's day, "Resend the latest notice" (the exam's
 * countdown email) was refused with "every step that email was about is done or past its
 * deadline", while Step 2 CK was open and its deadline a year ahead. The countdown is over because
 * the exam day has come: the refusal says so.
 */
describe("resending an exam's countdown on the exam day", () => {
  const setup = () => {
    const store = new InMemoryApplicantStore();
    const mailer = new InMemoryMailer();
    store.add(
      profileFactory({
        applicantId: "a_fatima",
        externalId: "fatima",
        email: "fatima@example.org",
        fullName: "Fatima Malik",
        timezone: "Asia/Karachi",
        matchYear: 2028,
        advisorEmail: PRIYA.email,
      }),
      { milestones: FATIMA_MILESTONES },
    );
    const countdown = domainPlanning
      .plan(store.state("a_fatima"), new Date("2027-03-15T00:00:00Z"))
      .reminders.find(
        (reminder) => reminder.milestone === "usmle_step2ck" && reminder.countsDownTo === "own-date",
      );
    if (countdown === undefined) throw new Error("no countdown to Fatima's exam day");
    const sentAt = countdown.sendAt;
    store.state("a_fatima").ledger.push({
      reminderId: countdown.id,
      status: "sent",
      claimedAt: sentAt,
      sentAt,
      messageId: "msg-countdown",
      subject: { milestone: "usmle_step2ck", rung: countdown.rung, title: countdown.title, matchYear: 2028 },
    });
    // Her exam day, 05:04 in Karachi.
    const clock = new FixedClock(new Date("2027-03-30T00:04:00Z"));
    const deps: ResendDeps = {
      ...{ applicants: store, intake: store, console: new InMemoryAudit(), clock },
      ledger: store,
      suppression: store,
      planning: domainPlanning,
      mailer,
      unsubscribeUrl: async (id) => `https://example.org/unsubscribe/${id}`,
    };
    return { deps, mailer };
  };

  it("refuses, saying the exam day has come, not that the step is done or past its deadline", async () => {
    const { deps, mailer } = setup();
    const outcome = await resendLatestNotice(PRIYA, "a_fatima", deps);
    expect(outcome.outcome).toBe("refused");
    const reason = outcome.outcome === "refused" ? outcome.reason : "";
    expect(reason).not.toMatch(/done or past its deadline/);
    expect(reason).toMatch(/USMLE Step 2 CK/);
    expect(reason).toMatch(/exam day .*(has come|today)/i);
    expect(mailer.sent).toEqual([]);
  });
});
