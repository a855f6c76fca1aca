import { describe, expect, it } from "vitest";
import { rowAsOf } from "#domain/console/row-as-of.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { planApplicants } from "#usecases/plan-applicants.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import { cohortFragment } from "../../../functions/console/pages/cohort.ts";
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
 * The console's cohort row named a notice already delivered as the applicant's next email, days
 * later, beside "Last email … delivered": the wake-up plans at its fire time and sends a few
 * seconds later, and the row's look-ahead, re-planning just after the fire time, did not yet know
 * the mark (a plan as of an earlier instant must not), so it laid the notice at once again and
 * stopped there. Aylin: a school with no ECFMG sponsor note, every step blocked; after the notice
 * nothing is left to send, and the row says so.
 */
const snapshot: ApplicantSnapshot = {
  applicant: {
    externalId: "fixeg-aylin",
    email: "aylin.d@example.org",
    fullName: "Aylin Demir",
    timezone: "Europe/Istanbul",
    matchYear: 2027,
    specialties: ["Pediatrics"],
    visa: "J-1",
    graduation: "2025-07-15",
    medicalSchool: { name: "Young Private Faculty of Medicine", country: "TR", wdomsSponsorNote: false },
    programsPlanned: 45,
  },
  milestones: [{ key: "oet_medicine", status: "scheduled", date: "2027-01-23" }],
  interviews: [],
} as unknown as ApplicantSnapshot;
const SIGN_UP = "2026-12-07T09:15:00.000Z";
const NOTICE_AT = "2026-12-08T06:00:00.000Z";
const admin = { email: "admin@matchpath.example", role: "admin" as const, sub: "admin" };

describe("a cohort row after its notice went out", () => {
  it("does not name the delivered notice as the next email, days later, and says nothing is planned", async () => {
    const store = new InMemoryApplicantStore();
    store.add(profileFactory({ ...snapshot.applicant, applicantId: "a_aylin" }), {
      milestones: snapshot.milestones,
      interviews: [],
    });
    const clock = new FixedClock(new Date(SIGN_UP));
    const deps = {
      store,
      ...storePorts(store),
      wakeUps: new InMemoryWakeUps(),
      events: new InMemoryEvents(),
      mailer: new InMemoryMailer(),
      clock,
      planning: domainPlanning,
      unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
    };
    await planApplicants(["a_aylin"], deps);
    const firing = deps.wakeUps.pending.get("a_aylin");
    // The notice goes at the next delivery slot, the next morning.
    expect(firing?.toISOString()).toBe(NOTICE_AT);
    deps.wakeUps.pending.delete("a_aylin");
    // The send lands three seconds after the instant the wake-up fired for.
    clock.set(new Date(Date.parse(NOTICE_AT) + 3000));
    if (firing === undefined) throw new Error("no wake-up");
    expect((await sendDueReminders("a_aylin", firing, deps)).outcome).toBe("sent");
    expect(deps.mailer.sent[0]?.subject).toMatch(/sponsor note/);

    const stored = store.state("a_aylin").storedPlan?.cohort;
    if (stored === undefined) throw new Error("no cohort row");
    const read = rowAsOf(stored, "2026-12-09T10:00:00.000Z");
    expect(read.nextDeadline).toBeUndefined();
    const html = cohortFragment(admin, [read], [read], { sort: "name", page: 1 });
    const cell = html.slice(html.indexOf('data-label="Next date"'), html.indexOf('data-label="Open risks"'));
    expect(cell).not.toMatch(/next email/);
    expect(cell).toContain("Nothing planned until the school's ECFMG sponsor note is granted");
  });
});
