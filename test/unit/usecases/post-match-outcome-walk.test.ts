import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
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
 * The post-Match outcomes (test/unit/domain/post-match-outcomes.test.ts), walked with the real
 * planner and the use case: wake-ups fired in order, every reminder sent, from Match Week to residency's start.
 * - Sita (SOAP done on 18 Mar: an accepted SOAP position): her contract and J-1 steps' emails go out
 *   from the SOAP day on; never "tell us the SOAP offer you accepted", never "the Match is over".
 * - Anil (SOAP Not for me, Match Week not done: not matched, not in SOAP): no Match Day question and
 *   no weekly "where did you match?"; nothing of the 2027 Match after Monday.
 */
const FIXTURES = new URL("../../fixtures/match-outcomes/", import.meta.url);
const START = "2027-07-01T00:00:00.000Z";

interface Sent {
  at: string;
  milestone: string;
  rung: string;
  title: string;
}

async function walk(name: string, from: string): Promise<Sent[]> {
  const snapshot: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
    JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")),
  );
  const { applicant } = snapshot;
  const store = new InMemoryApplicantStore();
  const id = `a_${applicant.externalId}`;
  store.add(
    profileFactory({
      applicantId: id,
      externalId: applicant.externalId,
      email: applicant.email,
      fullName: applicant.fullName,
      timezone: applicant.timezone,
      matchYear: applicant.matchYear,
      specialties: applicant.specialties,
      visa: applicant.visa,
      graduation: applicant.graduation,
      medicalSchool: applicant.medicalSchool,
      programsPlanned: applicant.programsPlanned,
    }),
    { milestones: snapshot.milestones, interviews: snapshot.interviews },
  );
  const deps = {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer: new InMemoryMailer(),
    clock: new FixedClock(new Date(from)),
    planning: domainPlanning,
    unsubscribeUrl: async (each: string) => `https://mp.example/unsubscribe?token=t-${each}`,
  };
  await planApplicants([id], deps);
  const sent: Sent[] = [];
  for (let at = deps.wakeUps.pending.get(id); at && at.toISOString() < START; ) {
    deps.wakeUps.pending.delete(id);
    deps.clock.set(at);
    const result = await sendDueReminders(id, at, deps);
    for (const reminderId of result.reminderIds ?? []) {
      const subject = store.state(id).ledger.find((entry) => entry.reminderId === reminderId)?.subject;
      if (subject !== undefined)
        sent.push({
          at: at.toISOString(),
          milestone: subject.milestone,
          rung: subject.rung,
          title: subject.title,
        });
    }
    at = deps.wakeUps.pending.get(id);
  }
  return sent;
}

describe("from Match Week to residency's start", () => {
  it("an accepted SOAP position: the contract and J-1 emails from the SOAP day, no SOAP-offer question", async () => {
    // Prepare / Act: from the evening of SOAP's last day in Kathmandu (Thu 18 Mar 2027, 20:00 +05:45).
    const sent = await walk("unmatched-then-soap-position-kathmandu.json", "2027-03-18T14:15:00.000Z");
    // Assess
    expect(sent.filter((each) => each.milestone === "match_day")).toEqual([]);
    expect(sent.some((each) => each.title.includes("SOAP offer you accepted"))).toBe(false);
    expect(sent.some((each) => each.title.includes("Match is over"))).toBe(false);
    expect(sent.some((each) => each.title.includes("where you matched"))).toBe(false);
    // Her critical notices are a matched applicant's: the visa steps behind (none of them marked done),
    // then, once a sponsorship complete that day would leave the J-1 visa after its own date, the
    // last day for the start, and once it would leave it after the start, that a J-1 start on her
    // program's date is out of reach.
    const critical = sent.filter((each) => each.rung === "critical-risk");
    expect(critical.length).toBeGreaterThan(0);
    for (const each of critical)
      expect(each.title).toMatch(
        /visa steps are behind|^Your J-1 visa's date can no longer be met|^A J-1 start on your program's date is out of reach/,
      );
    expect(critical.at(-1)?.title).toContain("out of reach");
    const contract = sent.filter((each) => each.milestone === "contract");
    expect(contract.length).toBeGreaterThan(0);
    // The contract is due Fri 2 Apr 2027 (Match Day + 14 days): its first email within days of SOAP.
    expect((contract[0]?.at ?? "") < "2027-03-23T00:00:00.000Z").toBe(true);
    // The Statement of Need waits on Match Day only, so its ladder runs too (the steps after the
    // contract wait on the contract, which she never marks done).
    expect(sent.some((each) => each.milestone === "j1_statement_of_need")).toBe(true);
  });

  it("not matched, not in SOAP: no Match Day question, no weekly 'where did you match?', nothing of 2027", async () => {
    // Prepare / Act: from NRMP's Monday release, Mon 15 Mar 2027, 10:00 AM ET.
    const sent = await walk("unmatched-skips-soap-waived-kathmandu.json", "2027-03-15T14:05:00.000Z");
    // Assess
    const outcome = ["match_week", "match_day", "soap", "contract", "j1_statement_of_need"];
    expect(sent.filter((each) => outcome.includes(each.milestone))).toEqual([]);
    expect(sent.filter((each) => each.rung === "match-day-weekly")).toEqual([]);
    expect(sent.filter((each) => each.rung === "critical-risk")).toEqual([]);
  });
});
