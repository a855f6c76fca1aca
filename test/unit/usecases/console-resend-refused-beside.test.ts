import { describe, expect, it } from "vitest";
import type { ConsoleStore } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { viewApplicant } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { type ResendDeps, resendLatestNotice } from "#usecases/resend-notice.ts";
import { applicantFragment } from "../../../functions/console/pages/applicant.ts";
import { FixedClock, InMemoryApplicantStore, InMemoryMailer, profileFactory } from "./fakes.ts";

const PRIYA: Principal = { email: "priya.advisor@matchpath.example", role: "advisor", sub: "priya" };

/** The console store as the applicant page reads it: nothing recorded yet. */
const emptyConsole: ConsoleStore = {
  recordAudit: async () => {},
  listAudit: async () => [],
  listSubmissions: async () => [],
  listEvents: async () => [],
  recordLastEmail: async () => {},
  listCohort: async () => [],
  setRemindersPaused: async () => {},
  eraseApplicant: async () => {
    throw new Error("The applicant page does not erase");
  },
};

/**
 * Bo Bounce's page said "Matchpath cannot reach this applicant" and still
 * offered "Resend the latest notice" with "It is sent now: …"; the click answered "Not resent: the
 * address is suppressed after a bounce or a complaint". The page now asks the resend's own rule
 * (resendRefusal) and shows its reason beside a disabled button; the POST answers the same words.
 */
describe("Resend the latest notice where the resend would be refused", () => {
  const setup = (suppress: boolean) => {
    const store = new InMemoryApplicantStore();
    const now = new Date("2027-04-01T14:13:00Z");
    store.add(profileFactory({ advisorEmail: PRIYA.email, email: "bo@example.org", matchYear: 2028 }), {
      milestones: [],
    });
    // A reminder the plan still holds, its deadline ahead: resent unless something refuses it.
    const held = domainPlanning
      .plan(store.state("a_ada"), now)
      .reminders.find((reminder) => Date.parse(reminder.deadline) > now.getTime());
    if (held === undefined) throw new Error("no reminder ahead in the plan");
    store.state("a_ada").ledger.push({
      reminderId: held.id,
      status: "sent",
      claimedAt: "2027-03-30T10:00:00.000Z",
      sentAt: "2027-03-30T10:00:00.000Z",
      messageId: "msg-1",
    });
    if (suppress) store.suppressed.set("bo@example.org", "bounce");
    const deps: ResendDeps = {
      ...{ applicants: store, intake: store, console: emptyConsole, clock: new FixedClock(now) },
      ledger: store,
      suppression: store,
      planning: domainPlanning,
      mailer: new InMemoryMailer(),
      unsubscribeUrl: async (id) => `https://example.org/unsubscribe/${id}`,
    };
    return deps;
  };

  it("a suppressed address: the page gives the POST's reason beside a disabled button, and no 'sent now'", async () => {
    const deps = setup(true);
    const view = await viewApplicant(PRIYA, "a_ada", deps);
    const outcome = await resendLatestNotice(PRIYA, "a_ada", deps);
    expect(outcome).toEqual({
      outcome: "refused",
      reason: "the address is suppressed after a bounce or a complaint",
    });
    expect(view.resendRefused).toBe(outcome.outcome === "refused" ? outcome.reason : "");
    const html = applicantFragment(view, "2027-04-01");
    expect(html).not.toContain("/resend");
    expect(html).not.toContain("It is sent now");
    expect(html).toMatch(
      /<button type="button" disabled aria-describedby="resend-why">Resend the latest notice<\/button> <span id="resend-why" class="muted">Not available: the address is suppressed after a bounce or a complaint\.<\/span>/,
    );
  });

  it("a notice that can go: the form and 'sent now' as before, and the POST resends it", async () => {
    const deps = setup(false);
    const view = await viewApplicant(PRIYA, "a_ada", deps);
    expect(view.resendRefused).toBeUndefined();
    const html = applicantFragment(view, "2027-04-01");
    expect(html).toContain('hx-post="/console/applicants/a_ada/resend"');
    expect(html).toContain("It is sent now");
    expect((await resendLatestNotice(PRIYA, "a_ada", deps)).outcome).toBe("resent");
  });
});
