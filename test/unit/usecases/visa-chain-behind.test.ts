import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";
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
 * Matched on 19 Mar 2027 with the visa chain behind (no contract, Statement of Need,
 * sponsorship, DS-2019 or visa reported), the applicant heard one critical notice and then nothing
 * until the start date. With the real planner and the use case, wake-ups fired in order from the
 * day after Match Day to residency's start (1 Jul 2027, projected), as the sender runs them: an
 * advisor chases a visa step that is behind, so some email goes out in every 7 days while one is.
 */
/** Everything before the Match done for the 2027 Match, Match Day reported. */
const everythingDone: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2024-01-10" },
  { key: "ecfmg_application", status: "done", date: "2024-02-01" },
  { key: "usmle_step1", status: "done", date: "2024-08-01" },
  { key: "usmle_step2ck", status: "done", date: "2025-03-01", score: 248 },
  { key: "oet_medicine", status: "done", date: "2025-01-20" },
  { key: "ecfmg_pathway", status: "done", date: "2025-04-01" },
  { key: "usce", status: "done", date: "2025-05-01" },
  { key: "lors", status: "done", date: "2026-08-20" },
  { key: "personal_statement", status: "done", date: "2026-08-25" },
  { key: "cv", status: "done", date: "2026-08-25" },
  { key: "program_list", status: "done", date: "2026-08-30" },
  { key: "eras_token", status: "done", date: "2026-06-20" },
  { key: "eras_application", status: "done", date: "2026-09-05" },
  { key: "budget", status: "done", date: "2026-05-01" },
  { key: "nrmp_registration", status: "done", date: "2026-09-20" },
  { key: "rank_order_list", status: "done", date: "2027-02-20" },
  { key: "ecfmg_certification", status: "done", date: "2025-05-01" },
  { key: "research", status: "waived" },
  { key: "match_day", status: "done", date: "2027-03-19" },
];
const AFTER_MATCH = "2027-03-20T05:00:00.000Z"; // 10:00 in Karachi
const START = "2027-07-01T00:00:00.000Z";

function setup(visa: "J-1" | "H-1B") {
  const store = new InMemoryApplicantStore();
  const milestones: MilestoneEntry[] = [
    ...everythingDone,
    ...(visa === "H-1B" ? [{ key: "usmle_step3", status: "done", date: "2026-11-01" } as const] : []),
  ];
  store.add(
    profileFactory({
      applicantId: "a_sana",
      externalId: "sana",
      email: "sana@example.org",
      fullName: "Sana Iqbal",
      timezone: "Asia/Karachi",
      visa,
      medicalSchool: { name: "Example Medical College", country: "PK", wdomsSponsorNote: true },
      programsPlanned: 100,
    }),
    { milestones, interviews: [] },
  );
  return {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer: new InMemoryMailer(),
    clock: new FixedClock(new Date(AFTER_MATCH)),
    planning: domainPlanning,
    unsubscribeUrl: async (id: string) => `https://mp.example/unsubscribe?token=t-${id}`,
  };
}

interface Sent {
  at: string;
  milestone: string;
  rung: string;
  /** The steps the plan of that instant shows as blocked (waiting on another). */
  blocked: string[];
}

/** Fires the wake-ups in order until the start, each on time; every reminder sent, with the plan's blocked steps then. */
async function sends(visa: "J-1" | "H-1B"): Promise<Sent[]> {
  const deps = setup(visa);
  await planApplicants(["a_sana"], deps);
  const sent: Sent[] = [];
  for (let at = deps.wakeUps.pending.get("a_sana"); at && at.toISOString() < START; ) {
    deps.wakeUps.pending.delete("a_sana");
    deps.clock.set(at);
    const blocked = domainPlanning
      .plan(deps.store.state("a_sana"), at)
      .blocked.map((step) => step.milestone as string);
    const result = await sendDueReminders("a_sana", at, deps);
    for (const id of result.reminderIds ?? []) {
      const subject = deps.store.state("a_sana").ledger.find((entry) => entry.reminderId === id)?.subject;
      if (subject !== undefined)
        sent.push({ at: at.toISOString(), milestone: subject.milestone, rung: subject.rung, blocked });
    }
    at = deps.wakeUps.pending.get("a_sana");
  }
  return sent;
}

/**
 * The longest silence, in Sana's calendar days (Karachi), from `from` to START, between the days of
 * `sent` (and those two ends): a critical notice at the end of her quiet hours (08:00) and the next
 * week's email at her delivery time (09:00) are 7 days apart, as she counts them.
 */
function longestSilenceDays(sent: readonly Sent[], from: string): number {
  const day = (iso: string) => Date.parse(localDate("Asia/Karachi", Date.parse(iso)));
  const days = [day(from), ...sent.filter((each) => each.at >= from).map((each) => day(each.at)), day(START)];
  let longest = 0;
  for (let index = 1; index < days.length; index++)
    longest = Math.max(longest, ((days[index] as number) - (days[index - 1] as number)) / 86_400_000);
  return longest;
}

describe.each([
  // The contract's projected date (Match Day plus two weeks, office days: Fri 2 Apr, ending at
  // Karachi's midnight, before ET's) is the first visa step to pass; it is critical only once the
  // step waiting on it is past its date (a warning before; on J-1, whose sponsorship's date is counted
  // back from the visa's, only once the visa's date is lost), so the first critical notice comes then.
  {
    visa: "J-1" as const,
    behindFrom: "2027-04-02T19:00:00.000Z",
    // The sponsorship is due Mon 5 Apr. From 4 May even an application complete that day leaves the
    // J-1 visa after 1 Jul (ECFMG's 4 weeks at the fastest, the consular month): the start is out of
    // reach, a verdict naming the visa already, so the visa's own date passing on 16 Jun adds no notice.
    // From 20 Apr even an application complete that day misses the visa's date (16 Jun): the notice
    // then names the visa and the last day for the start (3 May).
    // Past the sponsorship's day (Mon 5 Apr, our back-chain from the visa's advice date) the contract
    // is a warning while the visa's date holds: the first critical notice is that date's loss.
    criticalDays: ["2027-04-20", "2027-05-04", "2027-05-18"],
  },
  {
    visa: "H-1B" as const,
    behindFrom: "2027-04-02T19:00:00.000Z",
    // The petition is due Fri 16 Apr, 60 days before the stamping (the consular allowance). Not
    // reported filed, from 17 Apr even a petition filed that day misses the visa's date (16 Jun):
    // the notice names the program's last filing day (30 Apr in Karachi); once that day has ended in
    // the US (9:00 AM Sat 1 May in Karachi, just after that morning's email) even a petition filed
    // then brings the visa after 1 Jul, a verdict naming the visa already, told at her next slot
    // (Sun 2 May: it names no day to act by), so the visa's own date passing on 16 Jun adds no notice.
    criticalDays: ["2027-04-17", "2027-05-02"],
  },
])("$visa matched, the visa chain behind", ({ visa, behindFrom, criticalDays }) => {
  it("hears at least once in every 7 days from the first late step to the start date, never about a blocked step", async () => {
    // Prepare / Act
    const sent = await sends(visa);
    // Assess
    expect(sent.length).toBeGreaterThan(0);
    expect(longestSilenceDays(sent, behindFrom)).toBeLessThanOrEqual(7);
    for (const each of sent) expect(each.blocked).not.toContain(each.milestone);
    // The critical notice goes out again when the set of late steps changes (J-1: the Statement of
    // Need and the contract with the visa's date lost on 20 Apr, the start out of reach on 4 May, the DS-2019 on 18 May; H-1B: the contract and the petition on 17 Apr, the start out of reach on 1 May, told on 2 May), on that day or at the next slot.
    const notices = sent.filter((each) => each.rung === "critical-risk").map((each) => each.at.slice(0, 10));
    expect(notices).toEqual(criticalDays);
  });

  it("is deterministic: the same input and now give the same reminder ids", () => {
    const state = setup(visa).store.state("a_sana");
    const at = new Date("2027-05-20T05:00:00.000Z");
    const ids = (plan: { reminders: readonly { id: string }[] }) => plan.reminders.map((each) => each.id);
    expect(ids(domainPlanning.plan(state, at))).toEqual(ids(domainPlanning.plan(state, at)));
  });
});
