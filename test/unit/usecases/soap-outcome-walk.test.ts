import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
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
 * An applicant who told us in Match Week they did not match (SOAP
 * in progress) and never marks Match Day done was asked "tell us the SOAP offer you accepted" every
 * week up to 1 July, then told "we still do not know where you matched". With the real planner and
 * the use case, wake-ups fired in order from Match Day's release to residency's start: at most three
 * Match Day emails (the question and two weekly ones), all before the contract's date (Match Day +
 * 14 days, advice), then the next Match's reminders.
 */
const season: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2022-03-01" },
  { key: "ecfmg_application", status: "done", date: "2023-01-15" },
  { key: "usmle_step1", status: "done", date: "2023-08-20" },
  { key: "usmle_step2ck", status: "done", date: "2024-09-12", score: 241 },
  { key: "oet_medicine", status: "done", date: "2024-12-01" },
  { key: "ecfmg_pathway", status: "done", date: "2025-03-10" },
  { key: "ecfmg_certification", status: "done", date: "2025-05-20" },
  { key: "eras_token", status: "done", date: "2026-06-18" },
  { key: "lors", status: "done", date: "2026-08-28" },
  { key: "personal_statement", status: "done", date: "2026-08-28" },
  { key: "cv", status: "done", date: "2026-08-28" },
  { key: "program_list", status: "done", date: "2026-09-02" },
  { key: "eras_application", status: "done", date: "2026-09-09" },
  { key: "budget", status: "done", date: "2026-05-01" },
  { key: "nrmp_registration", status: "done", date: "2026-10-05" },
  { key: "rank_order_list", status: "done", date: "2027-02-18" },
  { key: "research", status: "waived" },
  { key: "soap", status: "in_progress", date: "2027-03-15" },
];
const RELEASE = "2027-03-19T16:05:00.000Z"; // just after Match Day's release (12:00 PM ET), 18:05 in Lagos
const START = "2027-07-01T00:00:00.000Z";

function setup() {
  const store = new InMemoryApplicantStore();
  store.add(
    profileFactory({
      applicantId: "a_tunde",
      externalId: "tunde",
      email: "tunde@example.org",
      fullName: "Tunde Bakare",
      timezone: "Africa/Lagos",
      visa: "J-1",
      medicalSchool: { name: "Example College of Medicine", country: "NG", wdomsSponsorNote: true },
      programsPlanned: 70,
    }),
    { milestones: season, interviews: [] },
  );
  return {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer: new InMemoryMailer(),
    clock: new FixedClock(new Date(RELEASE)),
    planning: domainPlanning,
    unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
  };
}

interface Sent {
  at: string;
  milestone: string;
  rung: string;
}

/** Fires the wake-ups in order until the start, each on time; every reminder sent. */
async function sends(): Promise<{ sent: Sent[]; contractDue: string }> {
  const deps = setup();
  const contractDue =
    domainPlanning
      .plan(deps.store.state("a_tunde"), new Date(RELEASE))
      .blocked.find((step) => step.milestone === "contract")?.deadline?.at ?? "";
  await planApplicants(["a_tunde"], deps);
  const sent: Sent[] = [];
  for (let at = deps.wakeUps.pending.get("a_tunde"); at && at.toISOString() < START; ) {
    deps.wakeUps.pending.delete("a_tunde");
    deps.clock.set(at);
    const result = await sendDueReminders("a_tunde", at, deps);
    for (const id of result.reminderIds ?? []) {
      const subject = deps.store.state("a_tunde").ledger.find((entry) => entry.reminderId === id)?.subject;
      if (subject !== undefined)
        sent.push({ at: at.toISOString(), milestone: subject.milestone, rung: subject.rung });
    }
    at = deps.wakeUps.pending.get("a_tunde");
  }
  return { sent, contractDue };
}

describe("after SOAP with no position reported, from Match Day to residency's start", () => {
  it("sends at most three Match Day emails, all before the contract's date, then the move's notice and the next Match's reminders", async () => {
    // Prepare / Act
    const { sent, contractDue } = await sends();
    // Assess
    // Fri 2 Apr 2027, advice: its end in Lagos, before ET's.
    expect(contractDue).toBe("2027-04-02T23:00:00.000Z");
    const matchDay = sent.filter((each) => each.milestone === "match_day");
    expect(matchDay.length).toBeGreaterThanOrEqual(1);
    expect(matchDay.length).toBeLessThanOrEqual(3);
    expect(matchDay[0]?.rung).toBe("match-day-result");
    for (const each of matchDay.slice(1)) expect(each.rung).toBe("match-day-weekly");
    for (const each of matchDay) expect(each.at < contractDue).toBe(true);
    // No critical "we still do not know where you matched" (MATCH_DAY_NOT_REPORTED's notice): the
    // one critical email is the move's (SOAP_OUTCOME_UNREPORTED), once, when the contract's date passes.
    const critical = sent.filter((each) => each.rung === "critical-risk");
    expect(critical).toHaveLength(1);
    expect(critical[0]?.at !== undefined && critical[0].at >= contractDue).toBe(true);
    expect(critical[0]?.milestone).not.toBe("match_day");
    // After the contract's date: reminders of the 2028 Match's steps, nothing about Match Day 2027.
    const later = sent.filter((each) => each.at >= contractDue);
    expect(later.length).toBeGreaterThan(0);
    expect(later.some((each) => each.milestone === "match_day")).toBe(false);
    expect(later.some((each) => each.milestone === "usce")).toBe(true);
  });
});
